import path from "node:path";
import { describe, expect, it } from "vitest";
import { contextualText } from "../../src/chunking/index.js";
import { LocalHashedEmbeddings } from "../../src/embeddings/LocalHashedEmbeddings.js";
import { LexicalIndex } from "../../src/index/LexicalIndex.js";
import { lexicalIndexToFiles } from "../../src/index/lexicalIndexFiles.js";
import { analyseChunks } from "../../src/ingest/analyseChunks.js";
import { chunkCorpus } from "../../src/ingest/chunkCorpus.js";

describe("analyseChunks (tokenize once for BM25 and the local embedder)", () => {
  it("gives the same BM25 index and the same vectors as tokenizing separately", async () => {
    const { chunks } = await chunkCorpus(path.resolve("corpus/roadmaps"), 2_000_000);
    const embedder = new LocalHashedEmbeddings({ dimensions: 1024 });
    const keys = chunks.map((chunk) => chunk.id);
    const analysed = await analyseChunks(chunks, { keys, embedder, needsVector: (key) => key !== keys[0], batchSize: 10 });

    const separate = LexicalIndex.fromChunks(chunks);
    expect(lexicalIndexToFiles(analysed.lexical)).toEqual(lexicalIndexToFiles(separate));
    for (const query of ["LoRA 微调", "RAG 检索增强", "transformer attention"]) {
      expect(analysed.lexical.search(query, 10)).toEqual(separate.search(query, 10));
    }
    // Only what the cache lacks is embedded, and exactly as embedText would.
    expect(analysed.vectors.has(keys[0]!)).toBe(false);
    expect(analysed.vectors.size).toBe(new Set(keys).size - 1);
    for (const [i, chunk] of chunks.entries()) {
      if (i === 0) continue;
      expect(Array.from(analysed.vectors.get(keys[i]!)!)).toEqual(Array.from(embedder.embedText(contextualText(chunk))));
    }
    expect(analysed.batches).toBe(Math.ceil((new Set(keys).size - 1) / 10));
  });

  it("embeds nothing without a token-aware embedder (a remote model embeds later, in batches)", async () => {
    const { chunks } = await chunkCorpus(path.resolve("tests/fixtures/index/corpus"), 100_000);
    const analysed = await analyseChunks(chunks, { keys: chunks.map((c) => c.id), needsVector: () => true, batchSize: 4 });
    expect(analysed.vectors.size).toBe(0);
    expect(analysed.batches).toBe(0);
    expect(analysed.lexical.documentCount).toBe(chunks.length);
  });
});
