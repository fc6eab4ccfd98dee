import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { LexicalIndex } from "../../src/index/LexicalIndex.js";
import type { LexicalHit } from "../../src/index/types.js";

function chunk(id: string, headingPath: string[], text: string): Chunk {
  return {
    id,
    docId: "doc",
    source: "roadmaps/doc.md",
    title: "学习路线",
    kind: "roadmap",
    headingPath,
    sectionIndex: 0,
    text,
    startLine: 1,
    endLine: 1,
    links: [],
    linkedFrom: [],
  };
}

const chunks = [
  chunk("lora", ["第二阶段：参数高效微调"], "掌握 LoRA 和 QLoRA，在单卡上微调 7B 模型。"),
  chunk("rag", ["Stage 3: RAG"], "Build retrieval-augmented generation with transformers and a vector database."),
  chunk("survey", ["必读"], "[大语言模型综述](https://github.com/RUCAIBox/LLMSurvey)"),
  chunk("python", ["第一阶段：基础"], "Python 编程基础与 PyTorch 入门。"),
];

/** Hits as plain values: matchedTerms is a getter on the hit's prototype, which toEqual does not read. */
const plainHits = (hits: readonly LexicalHit[]) => hits.map((h) => ({ chunkId: h.chunkId, score: h.score, matchedTerms: h.matchedTerms }));

describe("LexicalIndex", () => {
  const index = LexicalIndex.fromChunks(chunks);

  it("finds chunks by Chinese and English terms and reports the matched query terms", () => {
    const hits = index.search("LoRA 微调是什么", 3);
    expect(hits[0]?.chunkId).toBe("lora");
    expect(hits[0]?.matchedTerms.sort()).toEqual(["lora", "微调"]);
    expect(hits[0]?.score).toBeGreaterThan(0);
  });

  it("matches heading words, since it indexes the contextual text", () => {
    expect(index.search("参数高效", 1)[0]?.chunkId).toBe("lora");
  });

  it("finds URL pieces and CamelCase parts", () => {
    expect(index.search("LLMSurvey", 1)[0]?.chunkId).toBe("survey");
    expect(index.search("rucaibox", 1)[0]?.chunkId).toBe("survey");
  });

  it("lets longer English words match as prefixes (transformer → transformers)", () => {
    expect(index.search("transformer", 1)[0]?.chunkId).toBe("rag");
  });

  it("returns nothing for words the corpus does not have or only stop words", () => {
    expect(index.search("红包 余额", 5)).toEqual([]);
    expect(index.search("什么 the of", 5)).toEqual([]);
    expect(index.search("LoRA", 0)).toEqual([]);
  });

  it("limits to k and ranks the chunk matching more terms first", () => {
    const hits = index.search("Python PyTorch 微调", 2);
    expect(hits).toHaveLength(2);
    expect(hits[0]?.chunkId).toBe("python");
  });

  it("survives a round trip through its files with the same results", () => {
    const { json, bin } = index.toFiles();
    const reloaded = LexicalIndex.fromFiles(
      json,
      bin,
      chunks.map((c) => c.id),
    );
    expect(reloaded.documentCount).toBe(4);
    expect(plainHits(reloaded.search("LoRA 微调", 4))).toEqual(plainHits(index.search("LoRA 微调", 4)));
  });

  it("reads lexical.bin straight into the kernel's memory and searches as the index it was saved from", async () => {
    const { json, bin } = index.toFiles();
    const targets: Uint8Array[] = [];
    const reloaded = await LexicalIndex.readFiles(
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
    const { json, bin } = index.toFiles();
    let read = false;
    const readInto = async (target: Uint8Array) => {
      read = true;
      target.set(bin.subarray(0, target.byteLength));
    };
    await expect(
      LexicalIndex.readFiles(
        json,
        bin.byteLength - 4,
        readInto,
        chunks.map((c) => c.id),
      ),
    ).rejects.toThrow(/bytes/);
    await expect(LexicalIndex.readFiles(json, bin.byteLength, readInto, ["one"])).rejects.toThrow(/entries/);
    expect(read).toBe(false);
  });

  it("rejects something that is not a saved index, or postings of another length", () => {
    const { json, bin } = index.toFiles();
    expect(() =>
      LexicalIndex.fromFiles(
        '{"not":"an index"}',
        bin,
        chunks.map((c) => c.id),
      ),
    ).toThrow();
    expect(() =>
      LexicalIndex.fromFiles(
        json,
        bin.subarray(0, bin.length - 4),
        chunks.map((c) => c.id),
      ),
    ).toThrow(/bytes/);
    expect(() => LexicalIndex.fromFiles(json, bin, ["one"])).toThrow(/entries/);
  });
});
