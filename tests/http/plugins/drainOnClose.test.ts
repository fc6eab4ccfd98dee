import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { buildLlmTestApp, type LlmTestApp } from "../../support/buildTestApp.js";

let t: LlmTestApp | undefined;
afterEach(async () => {
  await t?.fake.close();
  t = undefined;
});

/**
 * A streamed answer in flight when the server starts closing: its keep-alive connection goes idle
 * only when the answer ends. The client's agent keeps idle sockets open indefinitely, so close()
 * can resolve only if the server closes that connection itself. A deadline, not a timing assert:
 * without the plugin close() waits for Fastify's 72 s keep-alive timeout and the test times out.
 */
describe("closing with a streamed answer in flight", () => {
  it("finishes the answer, then closes its keep-alive connection, so close() resolves", { timeout: 30_000 }, async () => {
    t = await buildLlmTestApp({
      chat: () => ({ kind: "text", content: "先学习 参数高效微调 [1] 然后 学习 多模态 模型 再 看 评估 方法" }),
      chunkDelayMs: 50,
    });
    const app = t.app;
    const url = new URL(await app.listen({ host: "127.0.0.1", port: 0 }));
    const agent = new http.Agent({ keepAlive: true });
    let closing: Promise<void> | undefined;
    const { body, socketClosed } = await new Promise<{ body: string; socketClosed: Promise<void> }>((resolve, reject) => {
      const request = http.request(
        { host: url.hostname, port: url.port, path: "/api/ask", method: "POST", agent, headers: { "content-type": "application/json" } },
        (response) => {
          const socketClosed = new Promise<void>((done) => response.socket.once("close", () => done()));
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            text += chunk;
            // The first event is out: close while the rest of the answer streams.
            closing ??= app.close();
          });
          response.on("end", () => resolve({ body: text, socketClosed }));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(JSON.stringify({ question: "学完 LoRA 之后该学什么?", stream: true }));
    });
    expect(body).toContain("event: done");
    await socketClosed;
    await closing;
    agent.destroy();
  });
});
