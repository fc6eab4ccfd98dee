import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An OpenAI-compatible chat server on 127.0.0.1 that streams at a fixed pace: the first content
 * chunk `firstTokenDelayMs` after the request arrived, then one chunk every `tokenIntervalMs`.
 * It records, per request, when the request body arrived and when the first chunk was written
 * (performance.now() of this process), i.e. the upstream's own time to first token.
 */
export interface PacedServerOptions {
  firstTokenDelayMs: number;
  tokenIntervalMs: number;
  /** The streamed content, one chunk per entry. */
  chunks: readonly string[];
}

export interface UpstreamTiming {
  receivedAt: number;
  firstChunkAt: number;
}

export interface PacedServer {
  baseURL: string;
  timings: UpstreamTiming[];
  close(): Promise<void>;
}

export async function startPacedOpenAiServer(options: PacedServerOptions): Promise<PacedServer> {
  const timings: UpstreamTiming[] = [];
  const server = createServer((request, response) => {
    void handle(request, response).catch(() => response.destroy());
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const receivedAt = performance.now();
    if (request.method === "GET" && request.url?.endsWith("/models")) {
      sendJson(response, 200, { object: "list", data: [{ id: "paced-chat", object: "model", created: 0, owned_by: "bench" }] });
      return;
    }
    if (request.method !== "POST" || !request.url?.endsWith("/chat/completions")) {
      sendJson(response, 404, { error: { message: "not found", type: "invalid_request_error", code: null } });
      return;
    }
    const body = JSON.parse(raw || "{}") as { stream?: boolean; model?: string };
    const id = `chatcmpl-paced-${timings.length}`;
    const timing: UpstreamTiming = { receivedAt, firstChunkAt: Number.NaN };
    timings.push(timing);
    const content = options.chunks.join("");
    if (!body.stream) {
      await sleep(options.firstTokenDelayMs);
      timing.firstChunkAt = performance.now();
      sendJson(response, 200, {
        id,
        object: "chat.completion",
        created: 0,
        model: body.model ?? "paced-chat",
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
        usage: { prompt_tokens: 1, completion_tokens: options.chunks.length, total_tokens: options.chunks.length + 1 },
      });
      return;
    }
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    response.flushHeaders();
    const chunk = (delta: Record<string, unknown>, finish: string | null) =>
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: 0, model: body.model ?? "paced-chat", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    await sleep(options.firstTokenDelayMs);
    for (const [i, text] of options.chunks.entries()) {
      if (i > 0) await sleep(options.tokenIntervalMs);
      if (response.destroyed) return;
      response.write(chunk(i === 0 ? { role: "assistant", content: text } : { content: text }, null));
      if (i === 0) timing.firstChunkAt = performance.now();
    }
    response.write(chunk({}, "stop"));
    response.end("data: [DONE]\n\n");
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    timings,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (data += chunk));
    request.on("end", () => resolve(data));
    request.on("error", reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
