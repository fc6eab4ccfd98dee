import { describe, expect, it } from "vitest";
import { IndexResources } from "../../src/retrieval/indexResources.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { roadmapContext } from "../../src/retrieval/roadmapContext.js";
import { stageOrdinal } from "../../src/retrieval/stageReference.js";
import { useRetrievalFixtureIndex } from "../support/buildTestIndex.js";

/** roadmapContext on the hand-made roadmaps, given the question's reading as the retriever makes it. */
describe("roadmapContext", () => {
  const index = useRetrievalFixtureIndex();
  const contextOf = async (query: string) => {
    const retriever = new HybridRetriever({ index, k: 4, maxChunksPerSection: 2, abstainThreshold: 0.3 });
    const snapshot = index();
    const resources = IndexResources.of(snapshot);
    return roadmapContext(
      {
        query,
        analysis: retriever.analyzeQuestion(query),
        statedOrdinal: stageOrdinal(query),
        named: undefined,
        englishStageName: undefined,
        asked: [],
      },
      {
        documents: snapshot.documents,
        chunks: snapshot.chunks,
        profiles: resources.profiles,
        tokensOf: (c) => resources.statistics.tokensOf(c),
      },
      await retriever.search(query),
    );
  };

  it("places a sequence question's topic and puts the next stage's passage first", async () => {
    const result = await contextOf("学完 LoRA 之后学什么");
    expect(result.roadmap.map((p) => p.next?.heading)).toContain("第三阶段：部署上线");
    expect(result.context.some((p) => p.role === "next-section")).toBe(true);
    expect(result.ordinal).toBeUndefined();
  });

  it("reads an ordinal after a named course as the course's part, leading the context", async () => {
    const result = await contextOf("tiny-llm-course 的第二部分讲什么");
    expect(result.askedPart?.item).toBe("2. 训练：从预训练到对齐");
    expect(result.context[0]?.chunk.id).toBe(result.askedPart?.chunkId);
    expect(result.ordinal).toBeUndefined();
  });
});
