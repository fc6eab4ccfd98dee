import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerEvent, AnswerRequest, AnswerResult, Answerer } from "../../src/answering/types.js";
import { CachedAnswerer, withAnswerCache } from "../../src/http/answerCache.js";
import { buildTestApp, type TestApp } from "../support/buildTestApp.js";

/** The real offline answerer, counting how often it is really asked. */
class CountingAnswerer implements Answerer {
  answers = 0;
  streams = 0;
  constructor(private readonly inner: Answerer) {}
  get mode() {
    return this.inner.mode;
  }
  answer(request: AnswerRequest): Promise<AnswerResult> {
    this.answers++;
    return this.inner.answer(request);
  }
  stream(request: AnswerRequest): AsyncIterable<AnswerEvent> {
    this.streams++;
    return this.inner.stream(request);
  }
}

async function collect(events: AsyncIterable<AnswerEvent>): Promise<AnswerEvent[]> {
  const out: AnswerEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

/** An answer or event with its timings left out: two computations of one answer take their own time. */
function withoutTimings<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, field: unknown) => (key === "timings" ? undefined : field))) as T;
}

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

describe("answer cache (offline answers per index version)", () => {
  it("answers a repeated question from the cache from its second request on, whitespace aside", async () => {
    const counting = new CountingAnswerer(t.tutor.answerer);
    const cached = new CachedAnswerer(counting, { maxEntries: 10, version: () => "v1" });
    const first = await cached.answer({ question: "学完 LoRA 之后该学什么?" });
    const second = await cached.answer({ question: "  学完 LoRA  之后该学什么?\n" });
    // A question's first request only notes it: a stream of new questions leaves no answers behind.
    expect(counting.answers).toBe(2);
    expect(withoutTimings(second)).toEqual(withoutTimings(first));
    const again = await cached.answer({ question: "学完 LoRA 之后该学什么?" });
    expect(counting.answers).toBe(2);
    expect(again).toBe(second);
    expect(first.citations.length).toBeGreaterThan(0);
  });

  it("replays a cached answer as a stream: citations, the text, done", async () => {
    const counting = new CountingAnswerer(t.tutor.answerer);
    const cached = new CachedAnswerer(counting, { maxEntries: 10, version: () => "v1" });
    const first = await collect(cached.stream({ question: "which book should I read for deep learning?" }));
    const live = await collect(cached.stream({ question: "which book should I read for deep learning?" }));
    expect(live.map(withoutTimings)).toEqual(first.map(withoutTimings));
    const replay = await collect(cached.stream({ question: "which book should I read for deep learning?" }));
    expect(counting.streams).toBe(2);
    const done = live.at(-1);
    expect(done?.type).toBe("done");
    expect(replay.map((e) => e.type)).toEqual(["citations", "token", "done"]);
    expect(replay.at(-1)).toEqual(done);
    expect(replay[1]).toEqual({ type: "token", text: done?.type === "done" ? done.result.answer : undefined });
  });

  it("misses when the index version changes, and when history or k differ", async () => {
    const counting = new CountingAnswerer(t.tutor.answerer);
    let version = "v1";
    const cached = new CachedAnswerer(counting, { maxEntries: 10, version: () => version });
    const twice = async (request: AnswerRequest) => {
      await cached.answer(request);
      return cached.answer(request);
    };
    await twice({ question: "RAG 是什么" });
    version = "v2";
    await cached.answer({ question: "RAG 是什么" });
    expect(counting.answers).toBe(3);
    await twice({ question: "RAG 是什么", k: 3 });
    await twice({ question: "RAG 是什么", history: [{ role: "user", content: "LoRA 是什么?" }] });
    expect(counting.answers).toBe(7);
    await cached.answer({ question: "RAG 是什么", k: 3 });
    expect(counting.answers).toBe(7);
  });

  it("caches nothing while no index is loaded", async () => {
    const counting = new CountingAnswerer(t.tutor.answerer);
    const cached = new CachedAnswerer(counting, { maxEntries: 10, version: () => undefined });
    for (let i = 0; i < 3; i++) await cached.answer({ question: "RAG 是什么" });
    expect(counting.answers).toBe(3);
  });

  it("is off at size 0 and for model-backed answers", () => {
    const answerer = t.tutor.answerer;
    expect(withAnswerCache(answerer, { maxEntries: 0, version: () => "v1" })).toBe(answerer);
    expect(withAnswerCache(answerer, { maxEntries: 10, version: () => "v1" })).toBeInstanceOf(CachedAnswerer);
    const modelBacked: Answerer = { mode: "llm", answer: (r) => answerer.answer(r), stream: (r) => answerer.stream(r) };
    expect(withAnswerCache(modelBacked, { maxEntries: 10, version: () => "v1" })).toBe(modelBacked);
  });

  it("gives each client its own links on /v1 when the answer came from the cache", async () => {
    const ask = (host: string) =>
      t.app.inject({
        method: "POST",
        url: "/v1/chat/completions",
        headers: { host },
        payload: { model: t.config.OPENAI_COMPAT_MODEL_ID, messages: [{ role: "user", content: "学完 LoRA 之后该学什么?" }] },
      });
    const a = (await ask("a.example")).json();
    // The second request keeps the answer (keepOnlyRepeated): the third, b's, is served from the cache.
    await ask("a.example");
    const b = (await ask("b.example")).json();
    expect(b.choices[0].message.content.replaceAll("b.example", "a.example")).toBe(a.choices[0].message.content);
    const urls = (body: { citations: { url: string }[] }) => body.citations.map((c) => c.url).filter((u) => u.includes("/documents/"));
    expect(urls(a).length).toBeGreaterThan(0);
    for (const url of urls(a)) expect(url).toContain("//a.example/");
    for (const url of urls(b)) expect(url).toContain("//b.example/");
  });
});
