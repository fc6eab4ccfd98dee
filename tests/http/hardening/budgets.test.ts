import { afterEach, describe, expect, it, vi } from "vitest";
import { buildLlmTestApp, type LlmTestApp } from "../../support/buildTestApp.js";

let t: LlmTestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const ask = (question: string) => ({ method: "POST" as const, url: "/api/ask", payload: { question } });
const chat = (content: string) => ({
  method: "POST" as const,
  url: "/v1/chat/completions",
  payload: { model: "roadmap-tutor", messages: [{ role: "user", content }] },
});

describe("one model budget (issue 13 item 14)", () => {
  it("/api/ask and /v1/chat/completions draw on the same RATE_LIMIT_ASK_MAX", async () => {
    const llm = await buildLlmTestApp({
      chat: () => ({ kind: "text", content: "LoRA 之后学 QLoRA [1]。" }),
      env: { RATE_LIMIT_ASK_MAX: "3", RATE_LIMIT_WINDOW: "1m" },
    });
    t = llm;
    const statuses = [
      (await llm.app.inject(ask("学完 LoRA 之后该学什么"))).statusCode,
      (await llm.app.inject(chat("学完 LoRA 之后该学什么"))).statusCode,
      (await llm.app.inject(ask("RAG 是什么"))).statusCode,
      (await llm.app.inject(chat("RAG 是什么"))).statusCode,
      (await llm.app.inject(ask("什么是微调"))).statusCode,
    ];
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const chatCalls = llm.fake.requests.filter((r) => r.path.endsWith("/chat/completions"));
    expect(chatCalls).toHaveLength(3);
    const limited = await llm.app.inject(chat("再问一次"));
    expect(limited.json().error).toMatchObject({ type: "rate_limit_error", code: "rate_limited" });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
  });
});

describe("fairness: per-client in-flight cap (issue 13 item 12)", () => {
  it("a client past CLIENT_MAX_IN_FLIGHT gets 429 at once while another client is served", async () => {
    // The first two model calls hang until the upstream timeout, so two requests stay in flight.
    const llm = await buildLlmTestApp({
      chat: (_body, callIndex) => (callIndex < 2 ? { kind: "hang" } : { kind: "text", content: "RAG 是检索增强生成 [1]。" }),
      env: { CLIENT_MAX_IN_FLIGHT: "2", OPENAI_TIMEOUT_MS: "4000", REQUEST_TIMEOUT_MS: "20000" },
    });
    t = llm;
    const hogging = [llm.app.inject(ask("学完 LoRA 之后该学什么")), llm.app.inject(ask("RAG 是什么"))];
    await vi.waitFor(() => expect(llm.fake.requests.filter((r) => r.path.endsWith("/chat/completions"))).toHaveLength(2), {
      timeout: 10_000,
    });

    const third = await llm.app.inject(ask("什么是微调"));
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe("too_many_in_flight");
    expect(Number(third.headers["retry-after"])).toBeGreaterThan(0);

    // Another client (another address) is not queued behind the first one's requests.
    const other = await llm.app.inject({ ...ask("什么是微调"), remoteAddress: "192.0.2.7" });
    expect(other.statusCode).toBe(200);
    // Health probes are never capped.
    expect((await llm.app.inject({ url: "/healthz" })).statusCode).toBe(200);

    // When the hung requests end (upstream timeout), their slots are freed.
    const ended = await Promise.all(hogging);
    for (const r of ended) expect(r.statusCode).toBeGreaterThanOrEqual(500); // upstream timeout
    expect((await llm.app.inject(ask("什么是微调"))).statusCode).toBe(200);
  });
});
