import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { createEmbeddings } from "../../src/embeddings/createEmbeddings.js";
import { IndexMismatch, UpstreamFailed } from "../../src/errors.js";
import { ingestCorpus } from "../../src/ingest/ingestCorpus.js";
import { loadIndex } from "../../src/index/loadIndex.js";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "../support/fakeOpenAiServer.js";

const FIXTURE_CORPUS = path.resolve("tests/fixtures/index/corpus");

let root: string;
let server: FakeOpenAiServer;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "openai-ingest-"));
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

function configured(baseURL: string) {
  const config = parseConfig({
    EMBEDDINGS_PROVIDER: "openai",
    OPENAI_BASE_URL: baseURL,
    EMBEDDING_MODEL: "fake-embed",
    EMBEDDING_BATCH_SIZE: "4",
    OPENAI_MAX_RETRIES: "0",
  });
  return { config, ...createEmbeddings(config) };
}

function embeddingRequests(): number {
  return server.requests.filter((r) => r.path === "/v1/embeddings").length;
}

describe("ingest with an OpenAI-compatible embedding server", () => {
  it("embeds in batches over HTTP, records the learned size, and reloads in a fresh process without a request", async () => {
    server = await startFakeOpenAiServer();
    const indexDir = path.join(root, "index");
    const first = configured(server.baseURL);
    const summary = await ingestCorpus({
      corpusDir: FIXTURE_CORPUS,
      indexDir,
      embeddings: first.embeddings,
      identity: first.identity,
      maxFileBytes: 100_000,
      batchSize: 4,
    });
    expect(summary.embeddingCalls).toBe(Math.ceil(summary.chunks / 4));
    expect(embeddingRequests()).toBe(summary.embeddingCalls);

    // A restarted server does not know the size yet: the manifest's is trusted and checked per query.
    const restarted = configured(server.baseURL);
    expect(restarted.identity().dimensions).toBe(0);
    const index = await loadIndex(indexDir, restarted.embeddings, restarted.identity());
    expect(index.manifest.embedder).toEqual({ provider: "openai", model: "fake-embed", dimensions: 8 });
    expect(embeddingRequests()).toBe(summary.embeddingCalls);
    expect(await index.embeddings.embedQuery("LoRA")).toHaveLength(8);

    const again = await ingestCorpus({
      corpusDir: FIXTURE_CORPUS,
      indexDir,
      embeddings: restarted.embeddings,
      identity: restarted.identity,
      maxFileBytes: 100_000,
      batchSize: 4,
    });
    expect(again.embeddingCalls).toBe(0);
    expect(embeddingRequests()).toBe(summary.embeddingCalls + 1); // only the query above
  });

  it("fails with the server's URL and status and leaves no index behind", async () => {
    server = await startFakeOpenAiServer({ embeddings: (_inputs, call) => (call === 0 ? { status: 503, message: "overloaded" } : []) });
    const indexDir = path.join(root, "index");
    const { embeddings, identity } = configured(server.baseURL);
    const error = await ingestCorpus({
      corpusDir: FIXTURE_CORPUS,
      indexDir,
      embeddings,
      identity,
      maxFileBytes: 100_000,
      batchSize: 4,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamFailed);
    expect((error as Error).message).toBe(`embedding server ${server.baseURL} answered HTTP 503`);
    await expect(loadIndex(indexDir, embeddings, identity())).rejects.toThrow(/No index at/);
  });

  it("refuses an index built by the local embedder", async () => {
    server = await startFakeOpenAiServer();
    const indexDir = path.join(root, "index");
    const local = createEmbeddings(parseConfig({ LOCAL_EMBEDDING_DIMENSIONS: "64" }));
    await ingestCorpus({
      corpusDir: FIXTURE_CORPUS,
      indexDir,
      embeddings: local.embeddings,
      identity: local.identity,
      maxFileBytes: 100_000,
      batchSize: 64,
    });
    const remote = configured(server.baseURL);
    const error = await loadIndex(indexDir, remote.embeddings, remote.identity()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexMismatch);
    expect((error as Error).message).toContain("local/hashed-lexical-v1 (64 dims)");
    expect((error as Error).message).toContain("openai/fake-embed");
  });
});
