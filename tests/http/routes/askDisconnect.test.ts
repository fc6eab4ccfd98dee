import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/buildTestApp.js";

/**
 * A model server that streams slowly and records when its client went away, so the test can
 * see that our server cancels the upstream call when the browser disconnects.
 */
function slowStreamingUpstream(): Promise<{ server: Server; baseURL: string; closedEarly: Promise<boolean> }> {
  let resolveClosed!: (early: boolean) => void;
  const closedEarly = new Promise<boolean>((resolve) => (resolveClosed = resolve));
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      let sent = 0;
      const timer = setInterval(() => {
        if (sent++ >= 100) {
          clearInterval(timer);
          res.end("data: [DONE]\n\n");
          return;
        }
        res.write(
          `data: ${JSON.stringify({ id: "x", object: "chat.completion.chunk", choices: [{ index: 0, delta: { content: "微调 " }, finish_reason: null }] })}\n\n`,
        );
      }, 100);
      res.on("close", () => {
        clearInterval(timer);
        resolveClosed(!res.writableFinished);
      });
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, closedEarly }),
    ),
  );
}

let t: TestApp | undefined;
let upstream: Server | undefined;
afterEach(async () => {
  await t?.close();
  upstream?.closeAllConnections();
  await new Promise((resolve) => upstream?.close(resolve));
  t = undefined;
  upstream = undefined;
});

describe("client disconnect", () => {
  it("aborts the upstream model request when the client goes away mid-stream", async () => {
    const slow = await slowStreamingUpstream();
    upstream = slow.server;
    t = await buildTestApp({ env: { OPENAI_BASE_URL: slow.baseURL, CHAT_MODEL: "slow", OPENAI_MAX_RETRIES: "0" } });
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
    expect(await slow.closedEarly).toBe(true);
    // And the server is fine afterwards.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
