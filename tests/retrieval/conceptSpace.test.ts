import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { ConceptSpace } from "../../src/retrieval/conceptSpace.js";
import { TermStatistics } from "../../src/retrieval/termStatistics.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";

/** The real glossary of definitions (conceptDefinitions.json); the passages and questions are written for this test. */
describe("ConceptSpace", () => {
  const chunk = (id: string, docId: string, text: string, headingPath: string[] = []) =>
    ({ id, docId, text, headingPath, source: `${docId}.md`, startLine: 1, endLine: 1, sectionIndex: 0, links: [] }) as unknown as Chunk;
  const chunks = [
    chunk("bake", "kitchen", "面包要先发酵两个小时，再放进烤箱烤二十分钟。"),
    // Describes emergent abilities without naming them.
    chunk("describes", "notes", "模型规模增长到一定程度以后，会突然出现多步推理这样的新本领，小模型几乎没有。"),
    chunk("names", "roadmap", "第二阶段：了解涌现能力与缩放定律。"),
    chunk("quantize", "roadmap", "把权重换成 8 位整数存储，可以少占显存、跑得更快。"),
  ];
  const statistics = new TermStatistics(chunks, tokenizeForSearch);
  const space = new ConceptSpace(chunks, statistics);

  it("places a learner's description and a passage's description of one concept together, though they share no term", () => {
    const question = space.questionVector("once a model gets large enough it suddenly picks up abilities the small ones barely have?")!;
    expect(question).toBeDefined();
    const nearest = space.nearest(question, 3).map((hit) => hit.chunkId);
    expect(nearest.slice(0, 2).sort()).toEqual(["describes", "names"]);
    expect(nearest).not.toContain("bake");
    expect(space.similarity(question, "describes")).toBeGreaterThan(0);
    expect(space.similarity(question, "bake")).toBe(0);
  });

  it("counts a passage or question that names a concept as standing for it", () => {
    const question = space.questionVector("涌现能力是什么")!;
    expect(space.nearest(question, 5).map((hit) => hit.chunkId)).toContain("names");
    // The passage also names scaling laws: most of its weight, not all, is on this concept.
    expect(space.similarity(question, "names")).toBeGreaterThan(0.5);
    expect(space.similarity(question, "quantize")).toBe(0);
  });

  it("keeps to the allowed documents, and ranks nothing for a question that stands for no concept", () => {
    const question = space.questionVector("模型变大到一定程度后突然多出来的本领")!;
    expect(space.nearest(question, 5, new Set(["roadmap"])).map((hit) => hit.chunkId)).toEqual(["names"]);
    expect(space.questionVector("how long should sourdough rise before baking?")).toBeUndefined();
  });

  it("reads a concept's best weighted passages first when it has more than a question reads", () => {
    // 2,050 passages name two concepts, then 60 name only one: those weigh most on it, and come last in the index.
    const many = [
      ...Array.from({ length: 2050 }, (_, i) => chunk(`both${i}`, "roadmap", "涌现能力与量化")),
      ...Array.from({ length: 60 }, (_, i) => chunk(`only${i}`, "roadmap", "涌现能力")),
    ];
    const large = new ConceptSpace(many, new TermStatistics(many, tokenizeForSearch));
    const question = large.questionVector("涌现能力")!;
    expect(large.nearest(question, 3).map((hit) => hit.chunkId)).toEqual(["only0", "only1", "only2"]);
    // All a question reads of the concept: its 2,000 best weighted, of equal weights the earlier, each once.
    const all = large.nearest(question, 5000).map((hit) => hit.chunkId);
    expect(all).toEqual([...Array.from({ length: 60 }, (_, i) => `only${i}`), ...Array.from({ length: 1940 }, (_, i) => `both${i}`)]);
    // A passage past what nearest() reads keeps its own vector.
    expect(large.similarity(question, "both2049")).toBeCloseTo(large.similarity(question, "both0"), 12);
    expect(large.similarity(question, "both2049")).toBeGreaterThan(0);
  });

  it("scores each question on its own when similarities of several questions are asked in turn", () => {
    const emergence = space.questionVector("涌现能力是什么")!;
    const quantization = space.questionVector("量化是什么")!;
    const alone = (question: string, chunkId: string) => {
      const fresh = new ConceptSpace(chunks, statistics);
      return fresh.similarity(fresh.questionVector(question)!, chunkId);
    };
    for (let round = 0; round < 2; round++) {
      expect(space.similarity(emergence, "names")).toBe(alone("涌现能力是什么", "names"));
      expect(space.similarity(quantization, "names")).toBe(alone("量化是什么", "names"));
      expect(space.similarity(quantization, "quantize")).toBe(alone("量化是什么", "quantize"));
      expect(space.similarity(emergence, "quantize")).toBe(0);
    }
  });

  it("scores a passage outside the index as unrelated", () => {
    const question = space.questionVector("涌现能力")!;
    expect(space.similarity(question, "not-in-the-index")).toBe(0);
  });
});
