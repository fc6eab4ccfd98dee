/**
 * A real OpenAI-compatible HTTP server on 127.0.0.1 for tests: chat completions (JSON and SSE),
 * embeddings (float and base64), model listing, and scripted faults (error status, hang, cut
 * stream, malformed body, a stall after some tokens, an HTML page, empty choices, endless output). Tests talk real HTTP to it instead of stubbing the client.
 */
import { createServer } from "node:http";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export type ChatReply =
  | {
      kind: "text";
      content: string;
      usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
      /** Stream exactly these deltas (default: content split at spaces). */
      pieces?: string[];
    }
  | { kind: "status"; status: number; message?: string }
  | { kind: "hang" }
  | { kind: "cut"; content: string; afterChunks: number }
  | { kind: "malformed" }
  /** Streams the first `afterChunks` pieces, then stays silent with the connection open. */
  | { kind: "stall"; content: string; afterChunks: number }
  /** 200 with an HTML page (a captive portal or a misrouted proxy), streaming or not. */
  | { kind: "html" }
  /** A well-formed reply whose chunks (or body) have `choices: []`. */
  | { kind: "emptyChoices" }
  /** Streams `piece` forever, ignoring max_tokens, until the client closes the connection. */
  | { kind: "endless"; piece: string };

export interface FakeOpenAiServerOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  chat?: (body: any, callIndex: number) => ChatReply;
  embeddings?: (inputs: string[], callIndex: number) => number[][] | { status: number; message?: string };
  chunkDelayMs?: number;
}

export interface FakeOpenAiServer {
  baseURL: string;
  requests: RecordedRequest[];
  /** Chat requests whose connection the client closed before the reply was complete. */
  readonly abortedByClient: number;
  /** Resolves when a client closes a chat request before its reply is complete (at once if one already did). */
  clientAborted(): Promise<void>;
  /** Bytes written by `endless` replies, to show the client stopped reading. */
  readonly endlessBytes: number;
  close(): Promise<void>;
}

const MODEL_IDS = ["fake-chat", "fake-embed"];

/** Deterministic 8-dim vector from the characters of the text (same text → same vector). */
export function fakeEmbedding(text: string): number[] {
  const vector = new Array<number>(8).fill(0);
  for (let i = 0; i < text.length; i++) {
    const slot = i % 8;
    vector[slot] = (vector[slot] ?? 0) + ((text.charCodeAt(i) % 97) + 1) / 97;
  }
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0)) || 1;
  return vector.map((x) => x / norm);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function lastUserMessage(body: any): string {
  const messages: unknown = body?.messages;
  if (!Array.isArray(messages)) return "";
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i] as { role?: string; content?: unknown };
    if (message.role === "user") {
      if (typeof message.content === "string") return message.content;
      if (Array.isArray(message.content)) {
        return message.content.map((part: { text?: string }) => (typeof part?.text === "string" ? part.text : "")).join("");
      }
    }
  }
  return "";
}

/** Splits content into a few pieces so streaming clients see several deltas. */
export function splitIntoStreamChunks(content: string): string[] {
  const pieces = content.match(/\S+\s*|\s+/g) ?? [];
  if (pieces.length > 1) return pieces;
  // One long word (e.g. Chinese without spaces): cut by characters.
  const chars = Array.from(content);
  if (chars.length <= 1) return chars.length === 0 ? [""] : [content];
  const size = Math.max(1, Math.ceil(chars.length / 4));
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(""));
  return out;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on("data", (part: Buffer) => parts.push(part));
    request.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    request.on("error", reject);
  });
}

function sendJson(response: ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload);
  response.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  response.end(text);
}

function sendError(response: ServerResponse, status: number, message: string | undefined): void {
  sendJson(response, status, {
    error: {
      message: message ?? `fake server error ${status}`,
      type: status >= 500 ? "server_error" : "invalid_request_error",
      code: null,
    },
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startFakeOpenAiServer(options: FakeOpenAiServerOptions = {}): Promise<FakeOpenAiServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  let chatCalls = 0;
  let abortedByClient = 0;
  const abortWaiters: (() => void)[] = [];
  let endlessBytes = 0;
  let embeddingCalls = 0;
  let closed = false;
  const chunkDelayMs = options.chunkDelayMs ?? 0;

  const chatReply = options.chat ?? ((body: unknown): ChatReply => ({ kind: "text", content: `Echo: ${lastUserMessage(body)}` }));

  async function writeStream(
    response: ServerResponse,
    id: string,
    model: string,
    pieces: string[],
    cutAfter: number | null,
    includeUsage: boolean,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    usage: any,
    keepOpenAfterCut = false,
  ): Promise<void> {
    response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache", Connection: "keep-alive" });
    const created = Math.floor(Date.now() / 1000);
    const chunk = (delta: Record<string, unknown>, finishReason: string | null) => ({
      id,
      object: "chat.completion.chunk",
      created,
      model,
      choices: [{ index: 0, delta, finish_reason: finishReason }],
    });
    const send = (payload: unknown) => response.write(`data: ${JSON.stringify(payload)}\n\n`);
    send(chunk({ role: "assistant", content: "" }, null));
    for (let i = 0; i < pieces.length; i++) {
      if (cutAfter !== null && i >= cutAfter) break;
      if (chunkDelayMs > 0) await sleep(chunkDelayMs);
      if (closed || response.destroyed) return;
      send(chunk({ content: pieces[i] }, null));
    }
    if (cutAfter !== null && keepOpenAfterCut) return;
    if (cutAfter !== null) {
      // Give the client a moment to receive what was sent, then drop the connection mid-stream.
      await sleep(Math.max(chunkDelayMs, 10));
      response.socket?.destroy();
      return;
    }
    send(chunk({}, "stop"));
    if (includeUsage) {
      send({ id, object: "chat.completion.chunk", created, model, choices: [], usage });
    }
    response.write("data: [DONE]\n\n");
    response.end();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function handleChat(body: any, response: ServerResponse): Promise<void> {
    const reply = chatReply(body, chatCalls++);
    response.on("close", () => {
      if (response.writableFinished || closed) return;
      abortedByClient++;
      for (const wake of abortWaiters.splice(0)) wake();
    });
    const model = typeof body?.model === "string" ? body.model : "fake-chat";
    const id = `chatcmpl-fake-${chatCalls}`;
    const streaming = body?.stream === true;
    switch (reply.kind) {
      case "status":
        sendError(response, reply.status, reply.message);
        return;
      case "hang":
        hanging.add(response);
        response.on("close", () => hanging.delete(response));
        return;
      case "malformed":
        if (streaming) {
          response.writeHead(200, { "Content-Type": "text/event-stream" });
          response.end('data: {"id":"broken","choices":[{"delta":{"content":"x"\n\n');
        } else {
          response.writeHead(200, { "Content-Type": "application/json" });
          response.end('{"id":"broken","choices":[{"message":');
        }
        return;
      case "stall": {
        hanging.add(response);
        response.on("close", () => hanging.delete(response));
        await writeStream(response, id, model, splitIntoStreamChunks(reply.content), reply.afterChunks, false, null, true);
        return;
      }
      case "html":
        response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        response.end("<!doctype html><html><head><title>Login</title></head><body><h1>Please sign in</h1></body></html>");
        return;
      case "emptyChoices": {
        const created = Math.floor(Date.now() / 1000);
        if (!streaming) return sendJson(response, 200, { id, object: "chat.completion", created, model, choices: [] });
        response.writeHead(200, { "Content-Type": "text/event-stream" });
        for (let i = 0; i < 3; i++)
          response.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [] })}\n\n`);
        response.end("data: [DONE]\n\n");
        return;
      }
      case "endless": {
        if (!streaming) {
          response.writeHead(200, { "Content-Type": "application/json" });
          response.write('{"id":"endless","choices":[{"index":0,"message":{"role":"assistant","content":"');
        } else {
          response.writeHead(200, { "Content-Type": "text/event-stream" });
        }
        const line = streaming
          ? `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: 0, model, choices: [{ index: 0, delta: { content: reply.piece }, finish_reason: null }] })}\n\n`
          : reply.piece.replace(/["\\]/g, "");
        while (!closed && !response.destroyed) {
          endlessBytes += Buffer.byteLength(line);
          // Respect backpressure, and yield so the close of the connection is noticed.
          if (!response.write(line)) await new Promise((resolve) => response.once("drain", resolve).once("close", resolve));
          else await new Promise((resolve) => setImmediate(resolve));
        }
        return;
      }
      case "cut": {
        const pieces = splitIntoStreamChunks(reply.content);
        if (!streaming) {
          // A non-streaming client gets the headers and part of the JSON, then the socket dies.
          response.writeHead(200, { "Content-Type": "application/json" });
          response.write('{"id":"cut","choices":[{"message":{"role":"assistant","content":"');
          await sleep(10);
          response.socket?.destroy();
          return;
        }
        await writeStream(response, id, model, pieces, reply.afterChunks, false, null);
        return;
      }
      case "text": {
        const promptTokens = Math.max(1, JSON.stringify(body?.messages ?? "").length >> 2);
        const completionTokens = Math.max(1, splitIntoStreamChunks(reply.content).length);
        const usage = reply.usage ?? {
          prompt_tokens: promptTokens,
          completion_tokens: completionTokens,
          total_tokens: promptTokens + completionTokens,
        };
        if (streaming) {
          const includeUsage = body?.stream_options?.include_usage === true;
          await writeStream(response, id, model, reply.pieces ?? splitIntoStreamChunks(reply.content), null, includeUsage, usage);
          return;
        }
        sendJson(response, 200, {
          id,
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model,
          choices: [{ index: 0, message: { role: "assistant", content: reply.content }, finish_reason: "stop" }],
          usage,
        });
        return;
      }
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  function handleEmbeddings(body: any, response: ServerResponse): void {
    const rawInput: unknown = body?.input;
    const inputs = (Array.isArray(rawInput) ? rawInput : [rawInput]).map((x) => (typeof x === "string" ? x : JSON.stringify(x)));
    const result = options.embeddings ? options.embeddings(inputs, embeddingCalls++) : inputs.map(fakeEmbedding);
    if (!Array.isArray(result)) {
      sendError(response, result.status, result.message);
      return;
    }
    const base64 = body?.encoding_format === "base64";
    const tokens = inputs.reduce((sum, text) => sum + Math.max(1, text.length >> 2), 0);
    sendJson(response, 200, {
      object: "list",
      data: result.map((vector, index) => ({
        object: "embedding",
        index,
        embedding: base64 ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector,
      })),
      model: typeof body?.model === "string" ? body.model : "fake-embed",
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  }

  const server = createServer((request, response) => {
    void (async () => {
      const raw = await readBody(request);
      let body: unknown = null;
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw;
        }
      }
      const path = (request.url ?? "/").split("?")[0] ?? "/";
      requests.push({ method: request.method ?? "GET", path, headers: request.headers, body });
      if (request.method === "POST" && path === "/v1/chat/completions") return handleChat(body, response);
      if (request.method === "POST" && path === "/v1/embeddings") return handleEmbeddings(body, response);
      if (request.method === "GET" && path === "/v1/models") {
        return sendJson(response, 200, {
          object: "list",
          data: MODEL_IDS.map((id) => ({ id, object: "model", created: 0, owned_by: "fake" })),
        });
      }
      sendError(response, 404, `no route ${request.method} ${path}`);
    })().catch(() => {
      if (!response.headersSent) sendError(response, 500, "fake server failure");
      else response.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    get abortedByClient() {
      return abortedByClient;
    },
    clientAborted() {
      return abortedByClient > 0 ? Promise.resolve() : new Promise<void>((resolve) => abortWaiters.push(resolve));
    },
    get endlessBytes() {
      return endlessBytes;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const response of hanging) response.destroy();
      hanging.clear();
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
