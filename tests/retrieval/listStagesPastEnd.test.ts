import { describe, expect, it } from "vitest";
import { DEFAULT_ABSTAIN_THRESHOLD } from "../../src/config.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { confidenceOf } from "../../src/retrieval/confidence.js";
import { useBundledTestIndex } from "../support/buildTestIndex.js";

/** The four-item blog post 《大模型学习路线》: its stages are a numbered list's items (1. 微调：… 4. 预训练：…). */
describe("a step out of a roadmap whose stages are a list's items, each named by its label", () => {
  const built = useBundledTestIndex();
  const retriever = () =>
    new HybridRetriever({ index: () => built().snapshot, k: 5, maxChunksPerSection: 2, abstainThreshold: DEFAULT_ABSTAIN_THRESHOLD });

  it("is past the start before the first item and past the end after the last, by label, 下一个方向 too", async () => {
    for (const question of ["《大模型学习路线》那篇博客，微调之前是什么", "《大模型学习路线》那篇博客，预训练之后下一个方向是什么"]) {
      const result = await retriever().retrieve(question);
      expect(result.ordinalPastEnd, question).toBe(4);
      expect(confidenceOf(question, result), question).toBe("low");
    }
    // An item with a neighbour that way.
    expect((await retriever().retrieve("《大模型学习路线》那篇博客，RAG之后是什么")).ordinalPastEnd).toBeUndefined();
  });
});
