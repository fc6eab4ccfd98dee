import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { chunksOfDocument } from "../../src/retrieval/documentChunks.js";

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
