import { afterEach, describe, expect, it } from "vitest";
import { startFakeOpenAiServer, type ChatReply } from "../../support/fakeOpenAiServer.js";
import { buildLlmTestApp, buildTestApp, parseSse, type LlmTestApp, type TestApp } from "../../support/buildTestApp.js";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function llmApp(
  chat: (body: unknown, i: number) => ChatReply,
  env: Record<string, string> = {},
  chunkDelayMs = 0,
): Promise<LlmTestApp> {
  const app = await buildLlmTestApp({ chat, env, chunkDelayMs });
  t = app;
  return app;
}
const ask = (app: TestApp, question = "学完 LoRA 之后该学什么?") =>
  app.app.inject({ method: "POST", url: "/api/ask", payload: { question } });

describe("model server faults", () => {
  const faults: [string, ChatReply, number][] = [
    ["429 from upstream", { kind: "status", status: 429, message: "slow down" }, 502],
    ["malformed JSON", { kind: "malformed" }, 502],
  ];
  for (const [name, reply, status] of faults) {
    it(`${name} → ${status}, then the next request works`, async () => {
      let call = 0;
      const app = await llmApp(() => (call++ === 0 ? reply : { kind: "text", content: "参数高效微调之后学习多模态 [1]。" }));
      const first = await ask(app);
      expect(first.statusCode).toBe(status);
      expect(first.json().error.message).toContain("127.0.0.1");
      const second = await ask(app);
      expect(second.statusCode).toBe(200);
    });
  }

  it("connection refused → 502 naming the server", async () => {
    const closed = await startFakeOpenAiServer();
    const url = closed.baseURL;
    await closed.close();
    t = await buildTestApp({ env: { OPENAI_BASE_URL: url, CHAT_MODEL: "fake-chat", OPENAI_MAX_RETRIES: "0", OPENAI_TIMEOUT_MS: "2000" } });
    const res = await ask(t);
    expect(res.statusCode).toBe(502);
    expect(res.json().error.message).toContain(new URL(url).host);
  });

  it("falls back to the extractive answer when FALLBACK_EXTRACTIVE=true, marked as such", async () => {
    const app = await llmApp(() => ({ kind: "status", status: 500 }), { FALLBACK_EXTRACTIVE: "true" });
    const res = await ask(app);
    expect(res.statusCode).toBe(200);
    expect(res.json().fallback).toBe(true);
    expect(res.json().mode).toBe("extractive");
    expect(res.json().citations.length).toBeGreaterThan(0);
  });

  it("caps concurrent model calls and refuses the overflow with 503 + Retry-After", async () => {
    const app = await llmApp(
      () => ({ kind: "text", content: "先学习参数高效微调 [1]，然后学习多模态模型 [2]，最后学习评估 [1]。" }),
      { MODEL_CONCURRENCY: "1", MODEL_QUEUE: "1" },
      150,
    );
    const stream = (q: string) => app.app.inject({ method: "POST", url: "/api/ask", payload: { question: q, stream: true } });
    const results = await Promise.all([stream("学完 LoRA 之后该学什么?"), stream("RAG 是什么?"), stream("Transformer 是什么?")]);
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 200, 503]);
    const refused = results.find((r) => r.statusCode === 503)!;
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(refused.json().error.code).toBe("overloaded");
  });
});

const streamAsk = (app: TestApp, payload: Record<string, unknown>) =>
  app.app.inject({ method: "POST", url: "/api/ask", payload: { ...payload, stream: true } });

async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(check()).toBe(true);
}

describe("a model stream that stalls, floods or sends garbage (issue 13: 5, 6, 9, 11)", () => {
  it("stall after the first token: SSE error event 504, upstream aborted, concurrency slot freed", { timeout: 20_000 }, async () => {
    let call = 0;
    const app = await buildLlmTestApp({
      chat: () =>
        call++ === 0
          ? { kind: "stall", content: "先学习参数高效微调 [1]，然后学习多模态。", afterChunks: 1 }
          : { kind: "text", content: "先学多模态 [1]。" },
      env: { MODEL_IDLE_TIMEOUT_MS: "400", MODEL_CONCURRENCY: "1", MODEL_QUEUE: "0" },
    });
    t = app;
    const res = await streamAsk(app, { question: "学完 LoRA 之后该学什么?" });
    const events = parseSse(res.body);
    expect(events[0]?.event).toBe("citations");
    expect(events.some((e) => e.event === "token")).toBe(true);
    expect(events.at(-1)?.event).toBe("error");
    expect(JSON.parse(events.at(-1)!.data).error.status).toBe(504);
    await eventually(() => app.fake.abortedByClient >= 1);
    // The only slot is free again: with MODEL_QUEUE=0 a held slot would mean 503.
    const next = await ask(app);
    expect(next.statusCode).toBe(200);
  });

  it("a stream that keeps trickling past REQUEST_TIMEOUT_MS ends with a 504 error event", { timeout: 20_000 }, async () => {
    const app = await buildLlmTestApp({
      chat: () => ({ kind: "text", content: "先学习 参数高效微调 [1]， 然后 学习 多模态 模型， 再 看 评估 方法 和 部署 方式。".repeat(4) }),
      chunkDelayMs: 100,
      env: { REQUEST_TIMEOUT_MS: "1500", MODEL_IDLE_TIMEOUT_MS: "5000" },
    });
    t = app;
    const res = await streamAsk(app, { question: "学完 LoRA 之后该学什么?" });
    const events = parseSse(res.body);
    expect(events.at(-1)?.event).toBe("error");
    expect(JSON.parse(events.at(-1)!.data).error.code).toBe("upstream_timeout");
    await eventually(() => app.fake.abortedByClient >= 1);
  });

  const garbage: [string, ChatReply][] = [
    ["an HTML page", { kind: "html" }],
    ["choices: []", { kind: "emptyChoices" }],
    ["malformed SSE", { kind: "malformed" }],
    ["an empty reply", { kind: "text", content: "" }],
  ];
  for (const [name, reply] of garbage) {
    it(`${name} is an upstream failure, streamed (error event) and not (502)`, async () => {
      const app = await llmApp(() => reply);
      const streamed = parseSse((await streamAsk(app, { question: "学完 LoRA 之后该学什么?" })).body);
      expect(streamed.map((e) => e.event)).not.toContain("done");
      expect(streamed.at(-1)?.event).toBe("error");
      expect(JSON.parse(streamed.at(-1)!.data).error.status).toBe(502);
      const json = await ask(app);
      expect(json.statusCode).toBe(502);
      expect(json.json().error.message).toContain("127.0.0.1");
    });
  }

  it(
    "a follow-up against a hanging model returns 504 within REQUEST_TIMEOUT_MS, retries included, and aborts upstream",
    { timeout: 20_000 },
    async () => {
      const app = await llmApp(() => ({ kind: "hang" }), {
        REQUEST_TIMEOUT_MS: "1500",
        OPENAI_TIMEOUT_MS: "10000",
        OPENAI_MAX_RETRIES: "2",
      });
      const res = await app.app.inject({
        method: "POST",
        url: "/api/ask",
        payload: {
          question: "那之后呢?",
          history: [
            { role: "user", content: "LoRA 是什么?" },
            { role: "assistant", content: "一种参数高效微调方法。" },
          ],
        },
      });
      expect(res.statusCode).toBe(504);
      expect(res.json().error.code).toBe("upstream_timeout");
      await eventually(() => app.fake.abortedByClient >= 1);
    },
  );

  it("a model that ignores max_tokens is cut at MAX_ANSWER_CHARS and its request stopped", { timeout: 20_000 }, async () => {
    const app = await llmApp(() => ({ kind: "endless", piece: "多模态模型 [1] 很重要。" }), { MAX_ANSWER_CHARS: "2000" });
    const res = await ask(app);
    expect(res.statusCode).toBe(200);
    expect(res.json().truncated).toBe(true);
    expect(res.json().answer.length).toBeLessThanOrEqual(2000);
    await eventually(() => app.fake.abortedByClient >= 1);
    const streamed = parseSse((await streamAsk(app, { question: "学完 LoRA 之后该学什么?" })).body);
    const done = JSON.parse(streamed.at(-1)!.data);
    expect(streamed.at(-1)?.event).toBe("done");
    expect(done.truncated).toBe(true);
    expect(
      streamed
        .filter((e) => e.event === "token")
        .map((e) => JSON.parse(e.data).text)
        .join(""),
    ).toBe(done.answer);
  });
});
