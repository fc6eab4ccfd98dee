import { describe, expect, it } from "vitest";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { openingDescribed } from "../../src/retrieval/openingReference.js";
import { useBundledTestIndex } from "../support/buildTestIndex.js";

describe("openingDescribed", () => {
  it("reads what a question says a roadmap opens with, each thing by its names", () => {
    const described = openingDescribed("有一篇一开头就讲量化的，它第二点是什么？");
    expect(described).toHaveLength(1);
    expect(described?.[0]).toContain("量化");
    expect(openingDescribed("the guide that starts with prompt engineering, what comes next?")?.[0]).toContain("提示工程");
  });

  it("reads nothing when no opening is described", () => {
    expect(openingDescribed("开头那个阶段要学多久？")).toBeUndefined();
    expect(openingDescribed("what should I start with?")).toBeUndefined();
  });
});

/** The bundled corpus: each roadmap's first stage differs (questions written for this test). */
describe("a roadmap named by what it opens with", () => {
  const built = useBundledTestIndex();
  const retriever = () => new HybridRetriever({ index: () => built().snapshot, k: 5, maxChunksPerSection: 2, abstainThreshold: 0.3 });

  it("is the roadmap whose first stage holds what the question says (zh, en)", async () => {
    expect((await retriever().retrieve("一开头就讲基础理论入门的那份，第二阶段学什么？")).namedRoadmap?.title).toBe("学习路径");
    expect((await retriever().retrieve("the one that starts with LoRA fine-tuning, what is its third point?")).namedRoadmap?.title).toBe(
      "大模型学习路线",
    );
  });

  it("names none when no roadmap's first stage holds it", async () => {
    expect((await retriever().retrieve("一开头就讲多模态的那篇，第二阶段学什么？")).namedRoadmap).toBeUndefined();
  });
});
