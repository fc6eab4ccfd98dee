import { TutorError, UpstreamFailed, UpstreamTimeout } from "./errors.js";

/**
 * The one place where failures of an OpenAI-compatible server (chat model or embeddings) become
 * product errors. Messages name the server and the HTTP status only: never the API key, never
 * the upstream body (it can echo the prompt or the key back), which is also why the client's
 * error is not kept as the cause of a status error: its message quotes that body.
 */

/** The server URL as it may be shown to users: no credentials, query or fragment. */
export function displayServerUrl(baseURL: string | undefined): string {
  const raw = baseURL ?? "https://api.openai.com/v1";
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return "the configured model server";
  }
}

interface ErrorShape {
  name?: unknown;
  message?: unknown;
  status?: unknown;
  code?: unknown;
  cause?: unknown;
}

function causeChain(error: unknown): ErrorShape[] {
  const chain: ErrorShape[] = [];
  let current: unknown = error;
  while (current && typeof current === "object" && chain.length < 6) {
    chain.push(current);
    current = (current as ErrorShape).cause;
  }
  return chain;
}

/** An error field as text: errors carry strings (name, message) or numbers (some codes), nothing else counts. */
function textOf(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

const TIMEOUT = /timed? ?out|timeout/i;
const CONNECTION_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
const LOST_CODES = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "ERR_STREAM_PREMATURE_CLOSE"]);

export interface UpstreamErrorContext {
  /** The server's base URL (OPENAI_BASE_URL, or the OpenAI default when unset). */
  baseURL: string | undefined;
  /** Which kind of server failed, for the message and the hint. Default "model". */
  server?: "model" | "embedding";
  /** The caller's signal: when it fired, the failure is the caller's abort, not the server's. */
  signal?: AbortSignal | undefined;
}

/**
 * Map anything the OpenAI client (through LangChain) throws to UpstreamFailed / UpstreamTimeout.
 * A TutorError passes through unchanged; an abort requested by the caller is rethrown as is,
 * unless its reason is itself a TutorError (a deadline: src/answering/deadline.ts), which wins.
 */
export function toUpstreamError(error: unknown, context: UpstreamErrorContext): unknown {
  if (context.signal?.aborted && context.signal.reason instanceof TutorError) return context.signal.reason;
  if (error instanceof TutorError) return error;
  if (context.signal?.aborted) return error;
  const kind = context.server ?? "model";
  const server = displayServerUrl(context.baseURL);
  const modelVariable = kind === "model" ? "CHAT_MODEL" : "EMBEDDING_MODEL";
  const chain = causeChain(error);

  const status = chain.map((e) => e.status).find((s): s is number => typeof s === "number");
  if (status !== undefined) {
    const hint =
      status === 401 || status === 403 ? " (check OPENAI_API_KEY)" : status === 404 ? ` (check ${modelVariable} and OPENAI_BASE_URL)` : "";
    return new UpstreamFailed(`${kind} server ${server} answered HTTP ${status}${hint}`, status);
  }
  const names = chain.map((e) => textOf(e.name));
  const messages = chain.map((e) => textOf(e.message));
  const codes = chain.map((e) => textOf(e.code));
  if (names.includes("TimeoutError") || codes.includes("ETIMEDOUT") || messages.some((m) => TIMEOUT.test(m))) {
    return new UpstreamTimeout(`${kind} server ${server} did not answer in time`, { cause: error });
  }
  if (codes.some((c) => CONNECTION_CODES.has(c)) || messages.some((m) => /ECONNREFUSED|ENOTFOUND/.test(m))) {
    return new UpstreamFailed(`could not connect to ${kind} server ${server}`, undefined, { cause: error });
  }
  if (names.includes("AbortError")) {
    // An abort nobody asked for: the client library gave up waiting.
    return new UpstreamTimeout(`${kind} server ${server} did not answer in time`, { cause: error });
  }
  if (
    codes.some((c) => LOST_CODES.has(c)) ||
    messages.some((m) => /terminated|premature close|socket hang up|other side closed/i.test(m))
  ) {
    return new UpstreamFailed(`connection to ${kind} server ${server} was lost before the answer was complete`, undefined, {
      cause: error,
    });
  }
  if (names.includes("APIConnectionError") || messages.some((m) => /^Connection error/i.test(m))) {
    return new UpstreamFailed(`could not connect to ${kind} server ${server}`, undefined, { cause: error });
  }
  if (names.includes("SyntaxError") || messages.some((m) => /JSON|Unexpected (end|token)/i.test(m))) {
    return new UpstreamFailed(`${kind} server ${server} sent a response that could not be read`, undefined, { cause: error });
  }
  return new UpstreamFailed(`${kind} server ${server} failed`, undefined, { cause: error });
}
