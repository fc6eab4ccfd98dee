import { describe, expect, it } from "vitest";
import { LexicalIndex } from "../../src/index/LexicalIndex.js";
import { lexicalIndexFromFiles, lexicalIndexToFiles, readLexicalIndexFiles } from "../../src/index/lexicalIndexFiles.js";
import type { LexicalHit } from "../../src/index/types.js";
import { LEXICAL_CHUNKS } from "../support/lexicalChunks.js";

const chunks = LEXICAL_CHUNKS;

/** Hits as plain values: matchedTerms is a getter on the hit's prototype, which toEqual does not read. */
const plainHits = (hits: readonly LexicalHit[]) => hits.map((h) => ({ chunkId: h.chunkId, score: h.score, matchedTerms: h.matchedTerms }));

describe("lexicalIndexFiles", () => {
  const index = LexicalIndex.fromChunks(chunks);

  it("survives a round trip through its files with the same results", () => {
    const { json, bin } = lexicalIndexToFiles(index);
    const reloaded = lexicalIndexFromFiles(
      json,
      bin,
      chunks.map((c) => c.id),
    );
    expect(reloaded.documentCount).toBe(4);
    expect(plainHits(reloaded.search("LoRA 微调", 4))).toEqual(plainHits(index.search("LoRA 微调", 4)));
  });

  it("reads lexical.bin straight into the kernel's memory and searches as the index it was saved from", async () => {
    const { json, bin } = lexicalIndexToFiles(index);
    const targets: Uint8Array[] = [];
    const reloaded = await readLexicalIndexFiles(
      json,
      bin.byteLength,
      async (target) => {
        targets.push(target);
        target.set(bin);
      },
      chunks.map((c) => c.id),
    );
    // One read, of the whole file, into the WebAssembly memory the kernel searches (not a buffer of its own).
    expect(targets.map((t) => t.byteLength)).toEqual([bin.byteLength]);
    expect(targets[0]!.buffer).toBeInstanceOf(ArrayBuffer);
    expect(targets[0]!.byteOffset).toBeGreaterThan(0);
    for (const query of ["LoRA 微调", "Python PyTorch 微调", "RAG", "学习路线 LoRA Python", "nothing-like-this"])
      for (const k of [1, 2, 4]) expect(plainHits(reloaded.search(query, k))).toEqual(plainHits(index.search(query, k)));
  });

  it("rejects a lexical.bin of another length than its header says before reading it", async () => {
    const { json, bin } = lexicalIndexToFiles(index);
    let read = false;
    const readInto = async (target: Uint8Array) => {
      read = true;
      target.set(bin.subarray(0, target.byteLength));
    };
    await expect(
      readLexicalIndexFiles(
        json,
        bin.byteLength - 4,
        readInto,
        chunks.map((c) => c.id),
      ),
    ).rejects.toThrow(/bytes/);
    await expect(readLexicalIndexFiles(json, bin.byteLength, readInto, ["one"])).rejects.toThrow(/entries/);
    expect(read).toBe(false);
  });

  it("rejects something that is not a saved index, or postings of another length", () => {
    const { json, bin } = lexicalIndexToFiles(index);
    expect(() =>
      lexicalIndexFromFiles(
        '{"not":"an index"}',
        bin,
        chunks.map((c) => c.id),
      ),
    ).toThrow();
    expect(() =>
      lexicalIndexFromFiles(
        json,
        bin.subarray(0, bin.length - 4),
        chunks.map((c) => c.id),
      ),
    ).toThrow(/bytes/);
    expect(() => lexicalIndexFromFiles(json, bin, ["one"])).toThrow(/entries/);
  });

  it("names what is wrong: another format version, the other byte order, postings out of range", async () => {
    const { json, bin } = lexicalIndexToFiles(index);
    const ids = chunks.map((c) => c.id);
    const header = JSON.parse(json) as {
      formatVersion: number;
      littleEndian: boolean;
      documentCount: number;
      postingCount: number;
      terms: string[];
    };
    const version2 = JSON.stringify({ ...header, formatVersion: 2 });
    expect(() => lexicalIndexFromFiles(version2, bin, ids)).toThrow("not a lexical index of format 1");
    await expect(readLexicalIndexFiles(version2, bin.byteLength, async () => {}, ids)).rejects.toThrow("not a lexical index of format 1");
    const otherOrder = JSON.stringify({ ...header, littleEndian: !header.littleEndian });
    expect(() => lexicalIndexFromFiles(otherOrder, bin, ids)).toThrow("written on a machine of the other byte order");
    // The last posting's chunk made one past the last chunk: the file's length is right, its content is not.
    const outOfRange = Uint8Array.from(bin);
    const lastDoc = header.documentCount + header.terms.length + header.postingCount;
    new Uint32Array(outOfRange.buffer)[lastDoc] = chunks.length;
    expect(() => lexicalIndexFromFiles(json, outOfRange, ids)).toThrow("postings out of range");
  });
});
