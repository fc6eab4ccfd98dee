import { afterEach, describe, expect, it } from "vitest";
import type { ChatReply, FakeOpenAiServer } from "../../support/fakeOpenAiServer.js";
import { buildLlmTestApp, parseSse, type LlmTestApp } from "../../support/buildTestApp.js";
import { INVENTED_MARKERS_REPLY } from "../../fixtures/answering/inventedMarkers.js";

const SECRET = "fake-key-test-this-key-must-never-leak-0123456789";
let fake: FakeOpenAiServer | undefined;
let t: LlmTestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  fake = undefined;
});

async function llmApp(chat: (body: unknown, i: number) => ChatReply, env: Record<string, string> = {}) {
  t = await buildLlmTestApp({ chat, env, chunkDelayMs: 5, apiKey: SECRET });
  fake = t.fake;
  return t;
}

describe("POST /api/ask in LLM mode against an OpenAI-compatible server on 127.0.0.1", () => {
  it("returns the model's answer with checked citations and usage", async () => {
    const app = await llmApp(() => ({
      kind: "text",
      content: "学完 LoRA 之后可以学习前沿技术 [1]，还有一个编造的引用 [42]。",
      usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
    }));
    const res = await app.app.inject({ method: "POST", url: "/api/ask", payload: { question: "学完 LoRA 之后该学什么?" } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.mode).toBe("llm");
    expect(body.answer).toContain("[1]");
    expect(body.answer).not.toContain("[42]");
    // The marker that pointed at no passage was removed; how many were is internal, not returned.
    expect(body).not.toHaveProperty("removedCitations");
    expect(body.usage.totalTokens).toBe(120);
    const sent = fake!.requests.find((r) => r.path.endsWith("/chat/completions"));
    expect(sent?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(JSON.stringify(sent?.body.messages)).toContain("LoRA");
  });

  it("streams tokens over SSE", async () => {
    const app = await llmApp(() => ({ kind: "text", content: "先学习参数高效微调 [1]，然后学习多模态模型 [2]。" }));
    const res = await app.app.inject({ method: "POST", url: "/api/ask", payload: { question: "学完 LoRA 之后该学什么?", stream: true } });
    const events = parseSse(res.body);
    expect(events.map((e) => e.event)[0]).toBe("citations");
    expect(events.filter((e) => e.event === "token").length).toBeGreaterThan(1);
    expect(JSON.parse(events.at(-1)!.data).answer).toContain("多模态");
  });

  it("maps a 500 from the model server to 502 naming the server, never the key", async () => {
    const app = await llmApp(() => ({ kind: "status", status: 500, message: `upstream body with ${SECRET}` }));
    const res = await app.app.inject({ method: "POST", url: "/api/ask", payload: { question: "RAG 是什么" } });
    expect(res.statusCode).toBe(502);
    expect(res.body).toContain(fake!.baseURL.replace("/v1", ""));
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain("upstream body");
    // The server stays healthy and the next request works.
    expect((await app.app.inject({ url: "/healthz" })).statusCode).toBe(200);
  });

  it("maps a hang past the timeout to 504", async () => {
    const app = await llmApp(() => ({ kind: "hang" }), { OPENAI_TIMEOUT_MS: "300" });
    const res = await app.app.inject({ method: "POST", url: "/api/ask", payload: { question: "RAG 是什么" } });
    expect(res.statusCode).toBe(504);
    expect(res.body).not.toContain(SECRET);
  });

  it("sends an error event when the stream is cut mid-way, and closes cleanly", async () => {
    const app = await llmApp(() => ({ kind: "cut", content: "先学习参数高效微调，然后学习多模态模型，再看评估方法。", afterChunks: 2 }));
    const res = await app.app.inject({ method: "POST", url: "/api/ask", payload: { question: "学完 LoRA 之后该学什么?", stream: true } });
    const events = parseSse(res.body);
    expect(events[0]?.event).toBe("citations");
    expect(events.at(-1)?.event).toBe("error");
    expect(JSON.parse(events.at(-1)!.data).error.status).toBeGreaterThanOrEqual(500);
    expect(res.body).not.toContain(SECRET);
  });

  it("abstains without calling the model when the evidence is weak", async () => {
    const app = await llmApp(() => ({ kind: "text", content: "should not be called" }));
    const res = await app.app.inject({ method: "POST", url: "/api/ask", payload: { question: "今天上海天气怎么样？" } });
    expect(res.json().abstained).toBe(true);
    expect(fake!.requests.filter((r) => r.path.endsWith("/chat/completions"))).toHaveLength(0);
  });
});

describe("invented citation markers while streaming (issue 13 item 7)", () => {
  const { content, pieces, cleaned, invented } = INVENTED_MARKERS_REPLY;

  it("never sends an invented marker in a token event, and the stream equals the JSON answer", async () => {
    const app = await llmApp(() => ({ kind: "text", content, pieces }));
    const streamed = parseSse(
      (await app.app.inject({ method: "POST", url: "/api/ask", payload: { question: "学完 LoRA 之后该学什么?", stream: true } })).body,
    );
    const tokens = streamed.filter((e) => e.event === "token").map((e) => JSON.parse(e.data).text as string);
    const done = JSON.parse(streamed.at(-1)!.data);
    const json = (await app.app.inject({ method: "POST", url: "/api/ask", payload: { question: "学完 LoRA 之后该学什么?" } })).json();
    expect(json.answer).toBe(cleaned);
    expect(tokens.join("")).toBe(json.answer);
    expect(done.answer).toBe(json.answer);
    for (const marker of invented) expect(tokens.join("")).not.toContain(marker);
  });
});
