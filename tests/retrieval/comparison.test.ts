import { describe, expect, it } from "vitest";
import { comparedSides, comparisonPresent } from "../../src/retrieval/comparison.js";
import { confidenceSignals } from "../../src/retrieval/confidence.js";
import type { RetrievalResult } from "../../src/retrieval/types.js";

describe("comparison questions", () => {
  it("finds the two things compared, in Chinese and English", () => {
    expect(comparedSides("PyTorch 和 TensorFlow 哪个更适合新手？")?.map((s) => [...s])).toEqual([["pytorch"], ["tensorflow"]]);
    expect(comparedSides("Which is better for a beginner, LangChain or LlamaIndex?")?.map((s) => [...s])).toEqual([
      ["langchain"],
      ["llamaindex"],
    ]);
    // No comparison asked, or only one thing named: nothing to check.
    expect(comparedSides("PyTorch 和 TensorFlow 都要学吗？")).toBeUndefined();
    expect(comparedSides("哪个框架更适合新手？")).toBeUndefined();
  });

  it("keeps to each side the words that tell it apart", () => {
    const [first, second] = comparedSides("LoRA 和 QLoRA 有什么区别？")!;
    expect(first.has("lora")).toBe(true);
    expect(second.has("qlora")).toBe(true);
    expect(second.has("lora")).toBe(false);
  });

  it("is answered only by a passage that names both and compares them", () => {
    const question = "PyTorch 跟 TensorFlow 哪个更容易上手？";
    expect(comparisonPresent(question, ["常用框架：PyTorch、TensorFlow、JAX"])).toBe(false);
    expect(comparisonPresent(question, ["PyTorch 更容易上手", "TensorFlow 适合部署"])).toBe(false);
    expect(comparisonPresent(question, ["PyTorch 比 TensorFlow 更容易上手"])).toBe(true);
    expect(comparisonPresent("这两个框架都要学吗", ["常用框架：PyTorch"])).toBe(true);
  });

  it("marks an answer low when the documents never make the comparison", () => {
    const passage = (text: string) =>
      ({ chunk: { id: text, text, headingPath: [] }, score: 1, role: "match" }) as unknown as RetrievalResult["passages"][number];
    const result = (texts: string[]) => ({ passages: texts.map(passage), evidence: 0.9, weak: false }) as unknown as RetrievalResult;
    const question = "Which is faster to fine-tune on one GPU, Megatron or DeepSpeed?";
    expect(confidenceSignals(question, result(["分布式训练框架：Megatron、DeepSpeed"])).missingDetails).toContain("comparison");
    expect(confidenceSignals(question, result(["DeepSpeed 在单卡上比 Megatron 快"])).missingDetails).not.toContain("comparison");
  });
});
