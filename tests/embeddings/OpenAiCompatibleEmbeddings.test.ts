import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { createEmbeddings } from "../../src/embeddings/createEmbeddings.js";
import { LocalHashedEmbeddings } from "../../src/embeddings/LocalHashedEmbeddings.js";
import { OpenAiCompatibleEmbeddings } from "../../src/embeddings/OpenAiCompatibleEmbeddings.js";
import { BadInput, UpstreamFailed, UpstreamTimeout } from "../../src/errors.js";
import { fakeEmbedding, startFakeOpenAiServer, type FakeOpenAiServer } from "../support/fakeOpenAiServer.js";

const KEY = "fake-key-test-do-not-leak-4242";

let server: FakeOpenAiServer | undefined;
let raw: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await new Promise<void>((resolve) => (raw ? raw.close(() => resolve()) : resolve()));
  raw = undefined;
});

function embedder(baseURL: string, overrides: Partial<ConstructorParameters<typeof OpenAiCompatibleEmbeddings>[0]> = {}) {
  return new OpenAiCompatibleEmbeddings({
    model: "fake-embed",
    apiKey: KEY,
    baseURL,
    batchSize: 2,
    timeoutMs: 5000,
    maxRetries: 0,
    ...overrides,
  });
}

describe("OpenAiCompatibleEmbeddings against a real OpenAI-compatible server", () => {
  it("returns the server's vectors, in batches of batchSize, as float", async () => {
    server = await startFakeOpenAiServer();
    const embeddings = embedder(server.baseURL);
    expect(embeddings.identity()).toEqual({ provider: "openai", model: "fake-embed", dimensions: 0 });
    const texts = ["LoRA 微调", "RAG roadmap", "向量检索", "BM25", "Transformer"];
    const vectors = await embeddings.embedDocuments(texts);
    expect(vectors).toEqual(texts.map(fakeEmbedding).map((v) => v.map((x) => expect.closeTo(x, 6))));
    const embeddingRequests = server.requests.filter((r) => r.path === "/v1/embeddings");
    expect(embeddingRequests.map((r) => r.body.input)).toEqual([texts.slice(0, 2), texts.slice(2, 4), texts.slice(4)]);
    expect(embeddingRequests.every((r) => r.body.encoding_format === "float" && r.body.model === "fake-embed")).toBe(true);
    expect(embeddingRequests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(embeddings.identity().dimensions).toBe(8);
    expect(await embeddings.embedQuery("BM25")).toHaveLength(8);
  });

  it("sends a placeholder key when none is configured (servers without auth)", async () => {
    server = await startFakeOpenAiServer();
    await embedder(server.baseURL, { apiKey: undefined }).embedQuery("hello");
    expect(server.requests.at(-1)?.headers.authorization).toBe("Bearer not-needed");
  });

  it("turns an HTTP 500 into UpstreamFailed naming the server and status, without key or body", async () => {
    server = await startFakeOpenAiServer({ embeddings: () => ({ status: 500, message: `upstream exploded, key was ${KEY}` }) });
    const error = await embedder(server.baseURL)
      .embedDocuments(["a text"])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamFailed);
    const failure = error as UpstreamFailed;
    expect(failure.upstreamStatus).toBe(500);
    expect(failure.message).toContain(server.baseURL);
    expect(failure.message).toContain("500");
    expect(failure.message).not.toContain(KEY);
    expect(failure.message).not.toContain("exploded");
    expect(JSON.stringify(failure)).not.toContain(KEY);
  });

  it("turns an unreachable server into UpstreamFailed naming the URL", async () => {
    raw = createServer();
    await new Promise<void>((resolve) => raw!.listen(0, "127.0.0.1", resolve));
    const port = (raw.address() as AddressInfo).port;
    await new Promise<void>((resolve) => raw!.close(() => resolve()));
    raw = undefined;
    const baseURL = `http://127.0.0.1:${port}/v1`;
    const error = await embedder(baseURL)
      .embedDocuments(["a text"])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamFailed);
    expect((error as Error).message).toContain(baseURL);
    expect((error as Error).message).toMatch(/could not connect/);
    expect((error as Error).message).not.toContain(KEY);
  });

  it("turns a server that never answers into UpstreamTimeout", async () => {
    raw = createServer(() => {
      /* accept and never answer */
    });
    await new Promise<void>((resolve) => raw!.listen(0, "127.0.0.1", resolve));
    const baseURL = `http://127.0.0.1:${(raw.address() as AddressInfo).port}/v1`;
    const error = await embedder(baseURL, { timeoutMs: 200 })
      .embedQuery("a text")
      .catch((e: unknown) => e);
    raw.closeAllConnections();
    expect(error).toBeInstanceOf(UpstreamTimeout);
    expect((error as Error).message).toContain(baseURL);
  });

  it("rejects a response with the wrong number of vectors", async () => {
    server = await startFakeOpenAiServer({ embeddings: (inputs) => inputs.slice(1).map(fakeEmbedding) });
    const error = await embedder(server.baseURL)
      .embedDocuments(["one", "two"])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamFailed);
  });
});

describe("createEmbeddings", () => {
  it("makes the local embedder by default", () => {
    const { embeddings, identity } = createEmbeddings(parseConfig({ LOCAL_EMBEDDING_DIMENSIONS: "512" }));
    expect(embeddings).toBeInstanceOf(LocalHashedEmbeddings);
    expect(identity()).toEqual({ provider: "local", model: "hashed-lexical-v1", dimensions: 512 });
  });

  it("makes the OpenAI-compatible embedder from config and learns its size on first use", async () => {
    server = await startFakeOpenAiServer();
    const { embeddings, identity } = createEmbeddings(
      parseConfig({
        EMBEDDINGS_PROVIDER: "openai",
        OPENAI_BASE_URL: server.baseURL,
        EMBEDDING_MODEL: "fake-embed",
        EMBEDDING_BATCH_SIZE: "3",
      }),
    );
    expect(identity()).toEqual({ provider: "openai", model: "fake-embed", dimensions: 0 });
    await embeddings.embedDocuments(["a", "b", "c", "d"]);
    expect(server.requests.filter((r) => r.path === "/v1/embeddings")).toHaveLength(2);
    expect(identity().dimensions).toBe(8);
  });

  it("refuses the openai provider with neither key nor base URL", () => {
    expect(() => createEmbeddings(parseConfig({ EMBEDDINGS_PROVIDER: "openai" }))).toThrow(BadInput);
  });
});
