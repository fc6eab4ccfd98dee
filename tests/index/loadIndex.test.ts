import { cp, mkdtemp, readFile, readdir, rm, stat, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IndexMismatch, IndexNotReady } from "../../src/errors.js";
import { ingestCorpus } from "../../src/ingest/ingestCorpus.js";
import { loadIndex } from "../../src/index/loadIndex.js";
import { INDEX_FORMAT_VERSION } from "../../src/index/types.js";
import { CountingEmbeddings } from "./support/testEmbeddings.js";

const FIXTURE_CORPUS = path.resolve("tests/fixtures/index/corpus");

let root: string;
let builtDir: string;
const embeddings = new CountingEmbeddings({ dimensions: 64 });

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "load-index-"));
  builtDir = path.join(root, "built");
  await ingestCorpus({
    corpusDir: FIXTURE_CORPUS,
    indexDir: builtDir,
    embeddings,
    identity: () => embeddings.identity(),
    maxFileBytes: 100_000,
    batchSize: 4,
  });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A private copy of the built index to damage. */
async function copyOfIndex(): Promise<{ indexDir: string; versionDir: string }> {
  const indexDir = await mkdtemp(path.join(root, "copy-"));
  await cp(builtDir, indexDir, { recursive: true });
  const version = (await readFile(path.join(indexDir, "CURRENT"), "utf8")).trim();
  return { indexDir, versionDir: path.join(indexDir, version) };
}

async function loadError(indexDir: string, identity = embeddings.identity()): Promise<Error> {
  const error = await loadIndex(indexDir, embeddings, identity).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

describe("loadIndex round trip", () => {
  it("keeps one copy of each thing: no chunk text in the docstore, no second vector file", async () => {
    const version = (await readFile(path.join(builtDir, "CURRENT"), "utf8")).trim();
    const docstore = JSON.parse(await readFile(path.join(builtDir, version, "hnswlib", "docstore.json"), "utf8")) as [
      string,
      { pageContent: string; metadata: { chunkId: string } },
    ][];
    expect(docstore.length).toBeGreaterThan(0);
    for (const [, doc] of docstore) {
      expect(doc.pageContent).toBe("");
      expect(doc.metadata.chunkId).toMatch(/.+/);
    }
    const cacheFile = JSON.parse(await readFile(path.join(builtDir, version, "embeddings.json"), "utf8")) as {
      labels: number[];
      keys: string[];
    };
    expect(cacheFile.labels.length).toBe(cacheFile.keys.length);
  });

  it("refuses an index of the previous format with a message that says to rebuild", async () => {
    const { indexDir, versionDir } = await copyOfIndex();
    const manifestFile = path.join(versionDir, "manifest.json");
    const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as { formatVersion: number };
    await writeFile(manifestFile, JSON.stringify({ ...manifest, formatVersion: 1 }));
    const error = await loadError(indexDir);
    expect(error).toBeInstanceOf(IndexNotReady);
    expect(error.message).toMatch(new RegExp(`format 1, older than .* ${INDEX_FORMAT_VERSION} .*npm run ingest`));
  });

  it("writes the documented layout with real HNSW files", async () => {
    const version = (await readFile(path.join(builtDir, "CURRENT"), "utf8")).trim();
    expect(version).toMatch(/^v-\d{8}T\d{9}Z-[0-9a-f]{8}$/);
    const files = await readdir(path.join(builtDir, version));
    expect(files.sort()).toEqual([
      "chunks.json",
      "documents.json",
      "embeddings.json",
      "hnswlib",
      "lexical.bin",
      "lexical.json",
      "lexicon.json",
      "manifest.json",
      "resources.json",
      "terms.bin",
      "terms.json",
    ]);
    expect((await readdir(path.join(builtDir, version, "hnswlib"))).sort()).toEqual(["args.json", "docstore.json", "hnswlib.index"]);
    expect((await stat(path.join(builtDir, version, "hnswlib", "hnswlib.index"))).size).toBeGreaterThan(1000);
  });

  it("loads what ingest wrote, with working dense and lexical search", async () => {
    const index = await loadIndex(builtDir, embeddings, embeddings.identity());
    expect(index.manifest.embedder).toEqual({ provider: "local", model: "hashed-lexical-v1", dimensions: 64 });
    expect(index.manifest.counts.documents).toBe(2);
    expect(index.chunks.length).toBe(index.manifest.counts.chunks);
    expect(index.chunks.length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(index.manifest.files).sort()).toEqual(["roadmaps/finetuning.md", "roadmaps/rag.md"]);
    expect(index.documents.map((d) => d.title).sort()).toEqual(["Retrieval-Augmented Generation roadmap", "大模型微调学习路线"]);
    expect(index.resources.map((r) => r.url)).toContain("https://github.com/RUCAIBox/LLMSurvey");
    for (const chunk of index.chunks) expect(index.chunkById.get(chunk.id)).toBe(chunk);

    const vector = await index.embeddings.embedQuery("LoRA QLoRA 参数高效微调");
    const [best] = await index.vectorStore.similaritySearchVectorWithScore(vector, 1);
    const bestChunk = index.chunkById.get(best![0].metadata.chunkId as string);
    expect(bestChunk?.headingPath.at(-1)).toBe("第二阶段：参数高效微调");
    expect(best![1]).toBeLessThan(0.8); // cosine distance

    const lexical = index.lexical.search("hnswlib BM25", 2);
    expect(index.chunkById.get(lexical[0]!.chunkId)?.headingPath.at(-1)).toBe("Stage 2: Vector search");
  });
});

describe("loadIndex failures", () => {
  it("reports a missing index with the directory and how to build it", async () => {
    const error = await loadError(path.join(root, "nowhere"));
    expect(error).toBeInstanceOf(IndexNotReady);
    expect(error.message).toContain(path.join(root, "nowhere"));
    expect(error.message).toContain("npm run ingest");
  });

  it("names both embedders when the index was built by another one", async () => {
    const error = await loadError(builtDir, { provider: "openai", model: "text-embedding-3-small", dimensions: 1536 });
    expect(error).toBeInstanceOf(IndexMismatch);
    expect(error.message).toContain("local/hashed-lexical-v1 (64 dims)");
    expect(error.message).toContain("openai/text-embedding-3-small (1536 dims)");
    expect(error.message).toContain("npm run ingest");
  });

  it("names both sizes when only the vector size differs", async () => {
    const error = await loadError(builtDir, { provider: "local", model: "hashed-lexical-v1", dimensions: 1024 });
    expect(error).toBeInstanceOf(IndexMismatch);
    expect(error.message).toMatch(/64 dims.*1024 dims/);
  });

  it.each([
    "chunks.json",
    "documents.json",
    "resources.json",
    "lexical.json",
    "manifest.json",
    "hnswlib/hnswlib.index",
    "hnswlib/docstore.json",
  ])("names %s when it is missing", async (file) => {
    const { indexDir, versionDir } = await copyOfIndex();
    await rm(path.join(versionDir, file));
    const error = await loadError(indexDir);
    expect(error).toBeInstanceOf(IndexNotReady);
    expect(error.message).toContain(path.join(versionDir, file));
  });

  it.each(["chunks.json", "lexical.json", "manifest.json"])("names %s when it is corrupt (same size, not JSON)", async (file) => {
    const { indexDir, versionDir } = await copyOfIndex();
    const size = (await stat(path.join(versionDir, file))).size;
    await writeFile(path.join(versionDir, file), "x".repeat(size));
    const error = await loadError(indexDir);
    expect(error).toBeInstanceOf(IndexNotReady);
    expect(error.message).toContain(path.join(versionDir, file));
    expect(error.message).toMatch(/corrupt/);
  });

  it("names a truncated hnswlib.index before hnswlib reads it", async () => {
    const { indexDir, versionDir } = await copyOfIndex();
    const file = path.join(versionDir, "hnswlib", "hnswlib.index");
    await truncate(file, 100);
    const error = await loadError(indexDir);
    expect(error).toBeInstanceOf(IndexNotReady);
    expect(error.message).toContain(file);
  });

  it("reports a pointer to a version that is gone", async () => {
    const { indexDir, versionDir } = await copyOfIndex();
    await rm(versionDir, { recursive: true });
    const error = await loadError(indexDir);
    expect(error).toBeInstanceOf(IndexNotReady);
    expect(error.message).toContain(versionDir);
  });

  it("checks every query vector against the index's size", async () => {
    const index = await loadIndex(builtDir, embeddings, { provider: "local", model: "hashed-lexical-v1", dimensions: 0 });
    const wrongSize = new CountingEmbeddings({ dimensions: 32 });
    const misconfigured = await loadIndex(builtDir, wrongSize, { provider: "local", model: "hashed-lexical-v1", dimensions: 0 });
    expect(await index.embeddings.embedQuery("LoRA")).toHaveLength(64);
    await expect(misconfigured.embeddings.embedQuery("LoRA")).rejects.toBeInstanceOf(IndexMismatch);
  });
});
