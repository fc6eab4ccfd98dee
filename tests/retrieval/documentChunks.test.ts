import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import type { CorpusDocument, Section } from "../../src/corpus/types.js";
import { chunksOfDocument, sectionChunks } from "../../src/retrieval/documentChunks.js";

const chunk = (id: string, docId: string) => ({ id, docId }) as unknown as Chunk;

describe("chunksOfDocument", () => {
  it("gives a document's chunks in the index's order, and nothing for a document without chunks", () => {
    const chunks = [chunk("a1", "a"), chunk("b1", "b"), chunk("a2", "a"), chunk("c1", "c"), chunk("a3", "a")];
    for (let round = 0; round < 2; round++) {
      expect(chunksOfDocument(chunks, "a").map((c) => c.id)).toEqual(["a1", "a2", "a3"]);
      expect(chunksOfDocument(chunks, "b").map((c) => c.id)).toEqual(["b1"]);
      expect(chunksOfDocument(chunks, "missing")).toEqual([]);
    }
  });

  it("groups each chunk array (each index version) apart", () => {
    const before = [chunk("a1", "a"), chunk("a2", "a")];
    const after = [chunk("a9", "a")];
    expect(chunksOfDocument(before, "a").map((c) => c.id)).toEqual(["a1", "a2"]);
    expect(chunksOfDocument(after, "a").map((c) => c.id)).toEqual(["a9"]);
    expect(chunksOfDocument(before, "a").map((c) => c.id)).toEqual(["a1", "a2"]);
  });
});

describe("sectionChunks", () => {
  // 0 第一阶段 > 1 项目 > 3 练习; 2 第二阶段; doc b has its own outline.
  const section = (index: number, parent?: number) => ({ index, ...(parent !== undefined ? { parent } : {}) }) as unknown as Section;
  const doc = (id: string, outline: Section[]) => ({ id, outline }) as unknown as CorpusDocument;
  const a = doc("a", [section(0), section(1, 0), section(2), section(3, 1)]);
  const b = doc("b", [section(0), section(1, 0)]);
  const at = (id: string, docId: string, sectionIndex: number) => ({ id, docId, sectionIndex }) as unknown as Chunk;

  it("gives the document's chunks in the section and every section under it, in order, once per index version", () => {
    const chunks = [at("a0", "a", 0), at("b1", "b", 1), at("a3", "a", 3), at("a2", "a", 2), at("a1", "a", 1), at("b0", "b", 0)];
    expect(sectionChunks(chunks, a, 0).map((c) => c.id)).toEqual(["a0", "a3", "a1"]);
    expect(sectionChunks(chunks, a, 1).map((c) => c.id)).toEqual(["a3", "a1"]);
    expect(sectionChunks(chunks, a, 2).map((c) => c.id)).toEqual(["a2"]);
    expect(sectionChunks(chunks, b, 1).map((c) => c.id)).toEqual(["b1"]);
    expect(sectionChunks(chunks, a, 0)).toBe(sectionChunks(chunks, a, 0));
    // Another version's chunks are read apart.
    const after = [at("a9", "a", 2)];
    expect(sectionChunks(after, a, 2).map((c) => c.id)).toEqual(["a9"]);
    expect(sectionChunks(after, a, 0)).toEqual([]);
  });

  it("gives a section with no passage of its own (a list item kept in its list's passage) the passages holding its lines", () => {
    const item = (index: number, startLine: number, endLine: number) => ({ index, startLine, endLine }) as unknown as Section;
    const list = doc("list", [item(0, 3, 4), item(1, 5, 6), item(2, 9, 9)]);
    const lines = (id: string, sectionIndex: number, startLine: number, endLine: number) =>
      ({ id, docId: "list", sectionIndex, startLine, endLine }) as unknown as Chunk;
    const chunks = [lines("intro", -1, 1, 6), lines("own", 2, 10, 11)];
    expect(sectionChunks(chunks, list, 1).map((c) => c.id)).toEqual(["intro"]);
    // A section with passages of its own keeps them.
    expect(sectionChunks(chunks, list, 2).map((c) => c.id)).toEqual(["own"]);
  });
});
