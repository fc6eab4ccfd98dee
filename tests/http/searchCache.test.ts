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
  it("serves a repeated query from the cache, whitespace aside", async () => {
    const counting = new CountingRetriever(t.tutor.retriever);
    const cached = withSearchCache(counting, { maxEntries: 10, version: () => "v1" });
    const first = await cached.search("LoRA 微调");
    const again = await cached.search("  LoRA   微调\n");
    expect(counting.searches).toBe(1);
    expect(again).toBe(first);
    expect(first.length).toBeGreaterThan(0);
  });

  it("misses when the index version, k or the filters differ", async () => {
    const counting = new CountingRetriever(t.tutor.retriever);
    let version = "v1";
    const cached = withSearchCache(counting, { maxEntries: 10, version: () => version });
    await cached.search("RAG");
    version = "v2";
    await cached.search("RAG");
    expect(counting.searches).toBe(2);
    const three = await cached.search("RAG", { k: 3 });
    await cached.search("RAG", { filters: { documents: ["roadmaps/001_8e5e9a45eaf284ba.txt"] } });
    expect(counting.searches).toBe(4);
    expect(await cached.search("RAG", { k: 3 })).toBe(three);
    expect(counting.searches).toBe(4);
  });

  it("caches nothing while no index is loaded, or at size 0; retrieve() is never cached", async () => {
    const counting = new CountingRetriever(t.tutor.retriever);
    const unloaded = withSearchCache(counting, { maxEntries: 10, version: () => undefined });
    await unloaded.search("RAG");
    await unloaded.search("RAG");
    expect(counting.searches).toBe(2);
    expect(withSearchCache(counting, { maxEntries: 0, version: () => "v1" })).toBe(counting);
    const cached = withSearchCache(counting, { maxEntries: 10, version: () => "v1" });
    const a = await cached.retrieve("RAG");
    const b = await cached.retrieve("RAG");
    expect(b).not.toBe(a);
  });

  it("answers a repeated /api/search with the same JSON bytes and content type", async () => {
    const search = (query: string) => t.app.inject({ method: "POST", url: "/api/search", payload: { query, k: 4 } });
    const first = await search("学完 LoRA 之后该学什么?");
    const again = await search("学完 LoRA  之后该学什么?");
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(again.body).toBe(first.body);
    expect(first.json().results).toHaveLength(4);
  });
});
