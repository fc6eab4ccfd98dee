import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdir } from "node:fs/promises";
import type { LoadedIndex } from "../../src/index/types.js";
import { storedVectors } from "../../src/index/vectorIndexFiles.js";
import { exactTopK } from "../../scripts/bench/scaleRecall.js";
import { buildTestIndex, type BuiltTestIndex } from "../support/buildTestIndex.js";

let built: BuiltTestIndex;
let index: LoadedIndex;

beforeAll(async () => {
  built = await buildTestIndex();
  index = built.index;
}, 60_000);
afterAll(async () => {
  await built.cleanup();
});

function headingOf(chunkId: string): string {
  const chunk = index.chunkById.get(chunkId);
  return chunk ? [...chunk.headingPath, chunk.text].join(" ") : "";
}

describe("index of the bundled corpus (local embedder)", () => {
  it("builds from the five roadmaps offline", () => {
    expect(index.manifest.counts.documents).toBe(5);
    expect(index.manifest.embedder).toEqual({ provider: "local", model: "hashed-lexical-v1", dimensions: 1024 });
    expect(index.chunks.length).toBeGreaterThan(40);
    expect(index.resources.length).toBeGreaterThan(20);
  });

  it("has no trace of the promotional page tail (余额, 充值, 红包)", () => {
    expect(index.lexical.search("余额充值", 10)).toEqual([]);
    expect(index.lexical.search("红包", 10)).toEqual([]);
  });

  it("finds LLMSurvey by its URL", () => {
    const [hit] = index.lexical.search("LLMSurvey", 5);
    expect(hit?.matchedTerms).toContain("llmsurvey");
    expect(index.chunkById.get(hit!.chunkId)?.text).toContain("https://github.com/RUCAIBox/LLMSurvey");
  });

  it("ranks a section about LoRA first for a LoRA question, lexically and densely", async () => {
    const lexical = index.lexical.search("LoRA 参数高效微调", 3);
    expect(headingOf(lexical[0]!.chunkId)).toMatch(/LoRA|参数高效/);
    const vector = await index.embeddings.embedQuery("LoRA 参数高效微调");
    const dense = await index.vectorStore.similaritySearchVectorWithScore(vector, 3);
    expect(dense.some(([doc]) => /LoRA|参数高效/.test(headingOf(doc.metadata.chunkId as string)))).toBe(true);
  });

  it("keeps the local embedder's sparse vectors in vectors.bin, searched exactly (no HNSW graph)", async () => {
    expect(index.manifest.vectors.kind).toBe("sparse");
    expect(await readdir(index.dir)).toContain("vectors.bin");
    expect(await readdir(index.dir)).not.toContain("hnswlib");
    const { vectorAt, count } = storedVectors(index.vectorStore);
    const vectors = Array.from({ length: count }, (_, label) => vectorAt(label));
    const query = await index.embeddings.embedQuery("RAG 检索增强生成");
    const hits = await index.vectorStore.similaritySearchVectorWithScore(query, 10);
    const labels = hits.map(([doc]) => index.chunks.findIndex((chunk) => chunk.id === doc.metadata.chunkId));
    expect(labels).toEqual(exactTopK(vectors, query, 10));
  });
});
