import { TutorError, UpstreamFailed, UpstreamTimeout } from "../errors.js";

/**
 * Failures of an OpenAI-compatible embedding server as product errors. Messages name the server
 * and the HTTP status only: never the API key, never the response body (servers echo inputs,
 * and some echo the key).
 */

/** The server URL as it may be shown: no credentials, query or fragment. */
export function displayServerUrl(baseURL: string | undefined): string {
  const raw = baseURL ?? "https://api.openai.com/v1";
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return "the configured embedding server";
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
  while (current !== null && typeof current === "object" && chain.length < 6) {
    chain.push(current as ErrorShape);
    current = (current as ErrorShape).cause;
  }
  return chain;
}

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET"]);

/** Map anything the OpenAI client (through LangChain) throws to UpstreamFailed / UpstreamTimeout. */
export function toEmbeddingServerError(error: unknown, baseURL: string | undefined): TutorError {
  if (error instanceof TutorError) return error;
  const server = displayServerUrl(baseURL);
  const chain = causeChain(error);
  const status = chain.map((e) => e.status).find((s): s is number => typeof s === "number");
  if (status !== undefined) {
    const hint = status === 401 || status === 403 ? " (check OPENAI_API_KEY)" : status === 404 ? " (check EMBEDDING_MODEL and OPENAI_BASE_URL)" : "";
    // No cause: the client's error message quotes the response body.
    return new UpstreamFailed(`embedding server ${server} answered HTTP ${status}${hint}`, status);
  }
  const names = chain.map((e) => String(e.name ?? ""));
  const codes = chain.map((e) => String(e.code ?? ""));
  const messages = chain.map((e) => String(e.message ?? ""));
  if (names.includes("TimeoutError") || codes.includes("ETIMEDOUT") || messages.some((m) => /timed? ?out/i.test(m))) {
    return new UpstreamTimeout(`embedding server ${server} did not answer in time`, { cause: error });
  }
  const code = codes.find((c) => CONNECTION_CODES.has(c));
  if (code !== undefined || names.includes("APIConnectionError") || messages.some((m) => /^Connection error|fetch failed/i.test(m))) {
    return new UpstreamFailed(`could not connect to embedding server ${server}${code ? ` (${code})` : ""}`, undefined, { cause: error });
  }
  return new UpstreamFailed(`embedding server ${server} sent a response that could not be used`);
}
