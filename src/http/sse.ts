import type { ServerResponse } from "node:http";

/**
 * Minimal Server-Sent Events writer over the raw response. We hijack the reply for streams, so
 * headers (CORS, request id) that Fastify hooks already set are copied over by the caller.
 */
export function startEventStream(raw: ServerResponse, headers: Record<string, string | number | string[]>): void {
  raw.writeHead(200, {
    ...headers,
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    // Proxies such as nginx buffer responses unless told not to; buffering defeats streaming.
    "x-accel-buffering": "no",
  });
  raw.flushHeaders();
}

export function writeEvent(raw: ServerResponse, event: string | null, data: unknown): boolean {
  if (raw.writableEnded || raw.destroyed) return false;
  const payload = typeof data === "string" ? data : JSON.stringify(data);
  const lines = payload.split("\n").map((line) => `data: ${line}`).join("\n");
  return raw.write(`${event ? `event: ${event}\n` : ""}${lines}\n\n`);
}

/** Headers already set on the Fastify reply (CORS, security, request id) to carry into a hijacked stream. */
export function carriedHeaders(headers: Record<string, unknown>): Record<string, string | number | string[]> {
  const out: Record<string, string | number | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === "string" || typeof value === "number" || Array.isArray(value)) out[name] = value as string;
  }
  return out;
}
