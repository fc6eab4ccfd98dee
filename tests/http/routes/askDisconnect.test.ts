import { afterEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/buildTestApp.js";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "../../support/fakeOpenAiServer.js";

let t: TestApp | undefined;
let upstream: FakeOpenAiServer | undefined;
afterEach(async () => {
  await t?.close();
  await upstream?.close();
  t = undefined;
  upstream = undefined;
});

describe("client disconnect", () => {
  it("aborts the upstream model request when the client goes away mid-stream", async () => {
    // A model server that streams slowly (one piece every 100 ms, 10 s in all) and records when its client went away.
    upstream = await startFakeOpenAiServer({ chat: () => ({ kind: "text", content: "微调 ".repeat(100) }), chunkDelayMs: 100 });
    t = await buildTestApp({ env: { OPENAI_BASE_URL: upstream.baseURL, CHAT_MODEL: "slow", OPENAI_MAX_RETRIES: "0" } });
    const base = await t.app.listen({ host: "127.0.0.1", port: 0 });
    const controller = new AbortController();
    const res = await fetch(`${base}/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "学完 LoRA 之后该学什么?", stream: true }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    let seen = "";
    while (!seen.includes("event: token")) seen += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    // The upstream stream (10 s long) is closed by us before it finished.
    await upstream.clientAborted();
    expect(upstream.abortedByClient).toBe(1);
    // And the server is fine afterwards.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
