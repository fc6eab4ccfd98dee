import { afterEach, describe, expect, it } from "vitest";
import { startFakeOpenAiServer, type ChatReply } from "../../support/fakeOpenAiServer.js";
import { buildLlmTestApp, buildTestApp, type TestApp } from "../../support/buildTestApp.js";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function llmApp(chat: (body: unknown, i: number) => ChatReply, env: Record<string, string> = {}, chunkDelayMs = 0) {
  t = await buildLlmTestApp({ chat, env, chunkDelayMs });
  return t;
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
