import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Passage, QueryAnalysis, RetrievalResult, RetrieveOptions, Retriever } from "../../src/retrieval/types.js";
import { withSearchCache } from "../../src/http/searchCache.js";
import { buildTestApp, type TestApp } from "../support/buildTestApp.js";

/** The real retriever, counting how often search() really runs. */
class CountingRetriever implements Retriever {
  searches = 0;
  constructor(private readonly inner: Retriever) {}
  search(query: string, options?: RetrieveOptions): Promise<Passage[]> {
    this.searches++;
    return this.inner.search(query, options);
  }
  retrieve(query: string, options?: RetrieveOptions): Promise<RetrievalResult> {
    return this.inner.retrieve(query, options);
  }
  analyzeQuestion(question: string): QueryAnalysis {
    return this.inner.analyzeQuestion(question);
  }
  topicOf(question: string): string | undefined {
    return this.inner.topicOf(question);
  }
  roadmapNamedIn(question: string): string | undefined {
    return this.inner.roadmapNamedIn(question);
  }
}

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

describe("search cache (result lists per index version)", () => {
  it("serves a repeated query from the cache from its second request on, whitespace aside", async () => {
    const counting = new CountingRetriever(t.tutor.retriever);
    const cached = withSearchCache(counting, { maxEntries: 10, version: () => "v1" });
    const first = await cached.search("LoRA 微调");
    const second = await cached.search("  LoRA   微调\n");
    // A query's first request only notes it: a stream of new questions leaves no lists behind.
    expect(counting.searches).toBe(2);
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
    const third = await cached.search("LoRA 微调");
    expect(counting.searches).toBe(2);
    expect(third).toBe(second);
    expect(first.length).toBeGreaterThan(0);
  });

  it("keeps nothing of queries asked once, however many", async () => {
    const counting = new CountingRetriever(t.tutor.retriever);
    const cached = withSearchCache(counting, { maxEntries: 10, version: () => "v1" });
    const questions = ["RAG", "LoRA", "微调", "Transformer", "向量数据库", "提示工程"];
    for (const question of questions) await cached.search(question);
    for (const question of questions) await cached.search(question);
    expect(counting.searches).toBe(12);
    for (const question of questions) await cached.search(question);
    expect(counting.searches).toBe(12);
  });

  it("misses when the index version, k or the filters differ", async () => {
    const counting = new CountingRetriever(t.tutor.retriever);
    let version = "v1";
    const cached = withSearchCache(counting, { maxEntries: 10, version: () => version });
    const twice = async (query: string, options?: RetrieveOptions) => {
      await cached.search(query, options);
      return cached.search(query, options);
    };
    await twice("RAG");
    version = "v2";
    await cached.search("RAG");
    expect(counting.searches).toBe(3);
    const three = await twice("RAG", { k: 3 });
    await twice("RAG", { filters: { documents: ["roadmaps/001_8e5e9a45eaf284ba.txt"] } });
    expect(counting.searches).toBe(7);
    expect(await cached.search("RAG", { k: 3 })).toBe(three);
    expect(counting.searches).toBe(7);
  });

  it("caches nothing while no index is loaded, or at size 0; retrieve() is never cached", async () => {
    const counting = new CountingRetriever(t.tutor.retriever);
    const unloaded = withSearchCache(counting, { maxEntries: 10, version: () => undefined });
    for (let i = 0; i < 3; i++) await unloaded.search("RAG");
    expect(counting.searches).toBe(3);
    expect(withSearchCache(counting, { maxEntries: 0, version: () => "v1" })).toBe(counting);
    const cached = withSearchCache(counting, { maxEntries: 10, version: () => "v1" });
    const a = await cached.retrieve("RAG");
    const b = await cached.retrieve("RAG");
    expect(b).not.toBe(a);
  });

  it("answers a repeated /api/search with the same JSON bytes and content type", async () => {
    const search = (query: string) => t.app.inject({ method: "POST", url: "/api/search", payload: { query, k: 4 } });
    const first = await search("学完 LoRA 之后该学什么?");
    const kept = await search("学完 LoRA  之后该学什么?");
    const again = await search("学完 LoRA 之后该学什么? ");
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(kept.body).toBe(first.body);
    expect(again.body).toBe(first.body);
    expect(again.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(first.json().results).toHaveLength(4);
    // Sent as UTF-8 bytes: the length is the bytes', and Chinese passages arrive as written.
    for (const reply of [first, again]) expect(reply.headers["content-length"]).toBe(String(Buffer.byteLength(reply.body)));
    expect(first.body).toMatch(/[\u4e00-\u9fff]/u);
  });
});
