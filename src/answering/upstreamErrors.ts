import { TutorError, UpstreamFailed, UpstreamTimeout } from "../errors.js";

/**
 * The one place where failures of the model server become product errors. Messages name the
 * server and the HTTP status only: never the API key, never the upstream body (it can echo the
 * prompt or the key back).
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
    chain.push(current as ErrorShape);
    current = (current as ErrorShape).cause;
  }
  return chain;
}

const TIMEOUT = /timed? ?out|timeout/i;
const CONNECTION_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
const LOST_CODES = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "ERR_STREAM_PREMATURE_CLOSE"]);

export interface UpstreamErrorContext {
  /** The model server's base URL (OPENAI_BASE_URL, or the OpenAI default when unset). */
  baseURL: string | undefined;
  /** The caller's signal: when it fired, the failure is the caller's abort, not the server's. */
  signal?: AbortSignal | undefined;
}

/**
 * Map anything the OpenAI client (through LangChain) throws to UpstreamFailed / UpstreamTimeout.
 * A TutorError passes through unchanged; an abort requested by the caller is rethrown as is.
 */
export function toUpstreamError(error: unknown, context: UpstreamErrorContext): unknown {
  if (error instanceof TutorError) return error;
  if (context.signal?.aborted) return error;
  const server = displayServerUrl(context.baseURL);
  const chain = causeChain(error);

  const status = chain.map((e) => e.status).find((s): s is number => typeof s === "number");
  if (status !== undefined) {
    const hint = status === 401 || status === 403 ? " (check OPENAI_API_KEY)" : status === 404 ? " (check CHAT_MODEL and OPENAI_BASE_URL)" : "";
    return new UpstreamFailed(`model server ${server} answered ${status}${hint}`, status, { cause: error });
  }
  const names = chain.map((e) => String(e.name ?? ""));
  const messages = chain.map((e) => String(e.message ?? ""));
  const codes = chain.map((e) => String(e.code ?? ""));
  if (names.includes("TimeoutError") || codes.includes("ETIMEDOUT") || messages.some((m) => TIMEOUT.test(m))) {
    return new UpstreamTimeout(`model server ${server} did not answer in time`, { cause: error });
  }
  if (codes.some((c) => CONNECTION_CODES.has(c)) || messages.some((m) => /ECONNREFUSED|ENOTFOUND/.test(m))) {
    return new UpstreamFailed(`could not connect to model server ${server}`, undefined, { cause: error });
  }
  if (names.includes("AbortError")) {
    // An abort nobody asked for: the client library gave up waiting.
    return new UpstreamTimeout(`model server ${server} did not answer in time`, { cause: error });
  }
  if (codes.some((c) => LOST_CODES.has(c)) || messages.some((m) => /terminated|premature close|socket hang up|other side closed/i.test(m))) {
    return new UpstreamFailed(`connection to model server ${server} was lost before the answer was complete`, undefined, { cause: error });
  }
  if (names.includes("APIConnectionError") || messages.some((m) => /^Connection error/i.test(m))) {
    return new UpstreamFailed(`could not connect to model server ${server}`, undefined, { cause: error });
  }
  if (names.includes("SyntaxError") || messages.some((m) => /JSON|Unexpected (end|token)/i.test(m))) {
    return new UpstreamFailed(`model server ${server} sent a response that could not be read`, undefined, { cause: error });
  }
  return new UpstreamFailed(`model server ${server} failed`, undefined, { cause: error });
}
