import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { AskError, askStreaming, parseRetryAfter, type AskFailure } from "../../src/widget/askClient.js";
import { failureText } from "../../src/widget/failureText.js";
import { messagesFor } from "../../src/widget/messages.js";

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let server: Server | undefined;

async function serve(handler: Handler): Promise<string> {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
}

afterEach(async () => {
  const current = server;
  if (!current) return;
  current.closeAllConnections();
  await new Promise((resolve) => current.close(resolve));
  server = undefined;
});

const result = { answer: "先学 RLHF [1]", citations: [{ n: 1 }], abstained: false, mode: "extractive" };

async function ask(endpoint: string, signal = new AbortController().signal) {
  const tokens: string[] = [];
  const citations: unknown[] = [];
  const final = await askStreaming(
    { endpoint, question: "学完 LoRA 之后该学什么？", history: [{ role: "user", content: "hi" }], signal },
    { onToken: (t) => tokens.push(t), onCitations: (c) => citations.push(...c) },
  );
  return { tokens, citations, final };
}

async function failureOf(promise: Promise<unknown>): Promise<AskFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AskError);
  return (error as AskError).failure;
}

describe("askStreaming", () => {
  it("POSTs the question with stream:true and history, and reads tokens split across writes", async () => {
    let received: { url?: string | undefined; body?: unknown; accept?: string | undefined } = {};
    const endpoint = await serve((req, res, body) => {
      received = { url: req.url, body: JSON.parse(body), accept: req.headers.accept };
      res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8" });
      const stream = `event: citations\ndata: {"citations":[{"n":1}]}\n\nevent: token\ndata: {"text":"先学"}\n\nevent: token\ndata: {"text":" RLHF [1]"}\n\nevent: done\ndata: ${JSON.stringify(result)}\n\n`;
      const bytes = Buffer.from(stream);
      // Write in 7-byte slices so events and UTF-8 characters straddle writes.
      let i = 0;
      const tick = () => {
        if (i >= bytes.length) return res.end();
        res.write(bytes.subarray(i, i + 7));
        i += 7;
        setImmediate(tick);
      };
      tick();
    });
    const { tokens, citations, final } = await ask(endpoint);
    expect(received).toEqual({
      url: "/api/ask",
      body: { question: "学完 LoRA 之后该学什么？", history: [{ role: "user", content: "hi" }], stream: true },
      accept: "text/event-stream",
    });
    expect(tokens.join("")).toBe("先学 RLHF [1]");
    expect(citations).toEqual([{ n: 1 }]);
    expect(final).toEqual(result);
  });

  it("reports 429 with the Retry-After seconds", async () => {
    const endpoint = await serve((_req, res) => {
      res.writeHead(429, { "content-type": "application/json", "retry-after": "17" });
      res.end(JSON.stringify({ error: { status: 429, code: "rate_limited", message: "Rate limit exceeded" } }));
    });
    const failure = await failureOf(ask(endpoint));
    expect(failure).toEqual({ kind: "rate-limited", retryAfterSeconds: 17, message: "Rate limit exceeded" });
    expect(failureText(failure, messagesFor("zh"), endpoint).text).toBe("提问太频繁了，请在 17 秒后重试。");
  });

  it("reports 5xx with the server's message, and 4xx as rejected", async () => {
    let status = 502;
    const endpoint = await serve((_req, res) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { status, code: "x", message: `model server http://m:8000/v1 answered ${status}` } }));
    });
    const server5xx = await failureOf(ask(endpoint));
    expect(server5xx).toMatchObject({ kind: "server", status: 502, message: "model server http://m:8000/v1 answered 502" });
    expect(failureText(server5xx, messagesFor("en"), endpoint)).toEqual({
      text: "The server had a problem (502). Try again in a moment.",
      detail: "model server http://m:8000/v1 answered 502",
    });
    status = 400;
    expect(await failureOf(ask(endpoint))).toMatchObject({ kind: "rejected", status: 400 });
  });

  it("reports an unreachable server", async () => {
    const endpoint = await serve(() => undefined);
    server?.close();
    const failure = await failureOf(ask(endpoint));
    expect(failure).toEqual({ kind: "unreachable" });
    expect(failureText(failure, messagesFor("en"), endpoint).text).toContain(endpoint);
  });

  it("turns an SSE error event into a failure after tokens were shown", async () => {
    const endpoint = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(
        'event: token\ndata: {"text":"部分"}\n\nevent: error\ndata: {"error":{"status":504,"code":"upstream_timeout","message":"timed out"}}\n\n',
      );
    });
    expect(await failureOf(ask(endpoint))).toMatchObject({ kind: "server", status: 504, message: "timed out" });
  });

  it("reports a stream that ends without a done event as interrupted", async () => {
    const endpoint = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('event: token\ndata: {"text":"部分"}\n\n');
      setTimeout(() => res.destroy(), 20);
    });
    expect(await failureOf(ask(endpoint))).toEqual({ kind: "interrupted" });
  });

  it("stops reading when aborted, with the abort error rather than a failure", async () => {
    const endpoint = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('event: token\ndata: {"text":"慢"}\n\n'); // and never finishes
    });
    const controller = new AbortController();
    const pending = ask(endpoint, controller.signal);
    setTimeout(() => controller.abort(), 50);
    const error = await pending.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).not.toBeInstanceOf(AskError);
    expect((error as Error).name).toBe("AbortError");
  });

  it("accepts a plain JSON answer from a server that does not stream", async () => {
    const endpoint = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(result));
    });
    const { tokens, final } = await ask(endpoint);
    expect(tokens).toEqual(["先学 RLHF [1]"]);
    expect(final.answer).toBe("先学 RLHF [1]");
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(parseRetryAfter("30", now)).toBe(30);
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:01:00 GMT", now)).toBe(60);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
