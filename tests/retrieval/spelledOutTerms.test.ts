import { describe, expect, it } from "vitest";
import { withoutSpelledOutTerms } from "../../src/retrieval/spelledOutTerms.js";

describe("withoutSpelledOutTerms", () => {
  it("blanks a term's English spelled out in brackets after the term or its acronym", () => {
    expect(withoutSpelledOutTerms("混合专家(Mixture of Experts)可以扩容")).not.toMatch(/Mixture|Experts/);
    expect(withoutSpelledOutTerms("KD (Knowledge Distillation)：把大模型压小")).not.toMatch(/Knowledge|Distillation/);
    expect(withoutSpelledOutTerms("思维链(Chain - of - Thought)提示")).not.toMatch(/Chain|Thought/);
  });

  it("keeps names: inner capitals or digits, one word, or brackets standing alone", () => {
    expect(withoutSpelledOutTerms("推理框架(FastServe)")).toContain("FastServe");
    expect(withoutSpelledOutTerms("中文模型(Yi-34B)")).toContain("Yi-34B");
    expect(withoutSpelledOutTerms("向量库(Weaviate)")).toContain("Weaviate");
    expect(withoutSpelledOutTerms("a hub (Hugging Face) for weights")).toContain("Hugging Face");
  });
});
