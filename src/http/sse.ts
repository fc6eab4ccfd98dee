import type { ServerResponse } from "node:http";
import type { FastifyReply, FastifyRequest } from "fastify";
import { UpstreamTimeout } from "../errors.js";

/**
 * Server-Sent Events for the answer routes (/api/ask and /v1/chat/completions): the request's
 * abort signal, and the one place that pulls the first event, hijacks the reply, writes events
 * and ends the stream with an error event on failure. The routes only say how events look.
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
  const lines = payload
    .split("\n")
    .map((line) => `data: ${line}`)
    .join("\n");
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

/**
 * The signal an answer runs under: it fires when the client disconnects (so the model request
 * stops) or when REQUEST_TIMEOUT_MS has passed since the request arrived (504). Cleared when the
 * response is done.
 */
export function answerSignal(reply: FastifyReply, timeoutMs: number): AbortSignal {
  // One controller for both causes (no AbortSignal.any per request): the deadline aborts with a
  // typed error, so code that sees the signal fire can still tell a timeout from a disconnect.
  const answer = new AbortController();
  const timer = setTimeout(() => answer.abort(new UpstreamTimeout(`No answer within REQUEST_TIMEOUT_MS (${timeoutMs} ms).`)), timeoutMs);
  timer.unref();
  // The response's close fires on client disconnect as well as on normal end; only the former
  // leaves the response unfinished.
  reply.raw.once("close", () => {
    if (!reply.raw.writableFinished) answer.abort(new Error("client disconnected"));
    clearTimeout(timer);
  });
  return answer.signal;
}

export interface EventStreamFraming<E> {
  /** Written right after the headers (the /v1 role chunk). */
  open?: (raw: ServerResponse) => void;
  write: (raw: ServerResponse, event: E) => void;
  /** The failure as the stream's last event; not called when the client is already gone. */
  writeError: (raw: ServerResponse, error: unknown) => void;
  /** Written last, after success and failure alike (the /v1 `[DONE]`). */
  close?: (raw: ServerResponse) => void;
}

/**
 * Stream `events` as SSE. The first event is pulled before committing to a 200 stream, so
 * failures before anything was produced (bad filters, index not ready, queue full, upstream
 * refused) stay plain JSON errors with their status.
 */
export async function sendEventStream<E>(
  request: FastifyRequest,
  reply: FastifyReply,
  events: AsyncIterable<E>,
  framing: EventStreamFraming<E>,
): Promise<FastifyReply> {
  const iterator = events[Symbol.asyncIterator]();
  let step = await iterator.next();
  reply.hijack();
  const raw = reply.raw;
  startEventStream(raw, carriedHeaders(reply.getHeaders()));
  framing.open?.(raw);
  try {
    for (; !step.done; step = await iterator.next()) framing.write(raw, step.value);
  } catch (error) {
    if (!raw.destroyed) {
      request.log.warn({ err: error }, "answer stream failed");
      framing.writeError(raw, error);
    }
  } finally {
    // Stopped early (a write threw): let the answerer release its slot and its model request.
    if (!step.done) void iterator.return?.()?.catch(() => {});
    framing.close?.(raw);
    raw.end();
  }
  return reply;
}
