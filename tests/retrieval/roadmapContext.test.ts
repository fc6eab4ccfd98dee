import { describe, expect, it } from "vitest";
import { IndexResources } from "../../src/retrieval/indexResources.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { roadmapContext } from "../../src/retrieval/roadmapContext.js";
import type { Chunk } from "../../src/chunking/types.js";
import type { RoadmapProfile } from "../../src/retrieval/roadmapProfile.js";
import { stageOrdinal } from "../../src/retrieval/stageReference.js";
import { useRetrievalFixtureIndex } from "../support/buildTestIndex.js";
import { stagedProfile } from "../support/stagedProfile.js";

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

  it("answers what a stage named by its name holds from that stage's own passages", async () => {
    const result = await contextOf("模型微调阶段学什么？");
    expect(result.roadmap.map((p) => p.at.heading)).toEqual(["第二阶段：模型微调"]);
    expect(result.context[0]?.chunk.headingPath.join(" ")).toContain("第二阶段：模型微调");
    // A particular of the stage is the ranking's to find.
    expect((await contextOf("模型微调阶段推荐什么书？")).roadmap).toEqual([]);
  });

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

describe("roadmapContext for a question about a named roadmap's order of stages", () => {
  // Four stages and, outside them, a table of contents that names them all.
  const outline = stagedProfile("plan", ["起步阶段", "进阶阶段", "实战阶段", "研究阶段", "目录"]);
  const lines = Array.from({ length: 50 }, (_, i) => outline.doc.outline.find((section) => section.startLine === i + 1)?.heading ?? "");
  const named: RoadmapProfile = { ...outline, doc: { ...outline.doc, text: lines.join("\n") }, stages: outline.stages.slice(0, 4) };
  const chunks = outline.doc.outline.map((section, i) => ({
    id: `c${i}`,
    docId: "plan",
    sectionIndex: section.index,
    headingPath: section.headingPath,
    startLine: section.startLine,
    endLine: section.endLine,
    text: i === 4 ? "- 起步阶段\n- 进阶阶段\n- 实战阶段\n- 研究阶段" : `${section.heading}要学的内容。`,
  })) as unknown as Chunk[];

  it("cites the roadmap's overview for the outline it answers with", () => {
    const result = roadmapContext(
      {
        query: "那份计划的阶段顺序是怎么排的？",
        analysis: { language: "zh", sequence: null, expansions: [] },
        statedOrdinal: undefined,
        named,
        englishStageName: undefined,
        asked: [],
      },
      { documents: [named.doc], chunks, profiles: [named], tokensOf: () => new Set() },
      [],
    );
    expect(result.roadmapOutline?.stages.map((s) => s.heading)).toEqual(["起步阶段", "进阶阶段", "实战阶段", "研究阶段"]);
    expect(result.context.map((p) => p.chunk.id)).toEqual(["c4"]);
  });
});
