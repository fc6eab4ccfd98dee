import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/buildTestApp.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** The documented error shape (docs/api.md). */
function expectDocumentedShape(body: unknown, status: number, code: string) {
  expect(body).toEqual({ error: { status, code, message: expect.any(String) } });
}

/** Send raw bytes and read the whole response (for errors Node's parser raises before Fastify). */
async function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    let data = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (data += chunk));
    socket.on("close", () => resolve(data));
    socket.on("error", (error) => (data ? resolve(data) : reject(error)));
  });
}

describe("every error goes through the one error handler (issue 13 item 15)", () => {
  it("an undecodable path (FST_ERR_BAD_URL) gets the documented shape", async () => {
    const res = await t.app.inject({ url: "/api/documents/%ff%fe" });
    expect(res.statusCode).toBe(400);
    expectDocumentedShape(res.json(), 400, "bad_url");
    expect(res.body).not.toContain("%ff");
    expect(res.headers["x-request-id"]).toBeTruthy();
  });

  it("an over-long path segment (414) neither skips the shape nor echoes the URL", async () => {
    const id = `longid${"x".repeat(295)}`;
    const res = await t.app.inject({ url: `/api/documents/${id}` });
    expect(res.statusCode).toBe(414);
    expectDocumentedShape(res.json(), 414, "uri_too_long");
    expect(res.body).not.toContain("longid");
  });

  it("a 404 does not echo the path", async () => {
    const res = await t.app.inject({ url: "/no-such-route-<script>marker" });
    expect(res.statusCode).toBe(404);
    expectDocumentedShape(res.json(), 404, "not_found");
    expect(res.body).not.toContain("marker");
  });

  it("headers too large (431, raised by Node's parser) get the documented shape", async () => {
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    const response = await rawRequest(port, `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${"q".repeat(20_000)}\r\n\r\n`);
    expect(response).toMatch(/^HTTP\/1\.1 431 /);
    const body = response.slice(response.indexOf("\r\n\r\n") + 4);
    expectDocumentedShape(JSON.parse(body), 431, "headers_too_large");
    expect(body).not.toContain("qqqq");
  });
});

describe("blank questions (issue 13 item 19)", () => {
  const blanks = ["\u200b", "\u200b\u200b\u200b", " \u3000\t\n", "\ufeff", "\u200d\u200c", "\u2060 \u200b", "\u3164", "\u00ad"];

  it("/api/ask and /api/search reject zero-width or whitespace-only text with 400", async () => {
    for (const question of blanks) {
      const ask = await t.app.inject({ method: "POST", url: "/api/ask", payload: { question } });
      expect(ask.statusCode, JSON.stringify(question)).toBe(400);
      expect(ask.json().error.code).toBe("invalid_request");
      const search = await t.app.inject({ method: "POST", url: "/api/search", payload: { query: question } });
      expect(search.statusCode, JSON.stringify(question)).toBe(400);
    }
  });

  it("/v1/chat/completions rejects a blank last user message with 400", async () => {
    for (const content of blanks) {
      const res = await t.app.inject({
        method: "POST",
        url: "/v1/chat/completions",
        payload: { model: "roadmap-tutor", messages: [{ role: "user", content }] },
      });
      expect(res.statusCode, JSON.stringify(content)).toBe(400);
      expect(res.json().error.type).toBe("invalid_request_error");
    }
  });

  it("keeps zero-width joiners inside a question", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/search", payload: { query: "\u200bRAG 👩\u200d💻\u200b" } });
    expect(res.statusCode).toBe(200);
  });
});
