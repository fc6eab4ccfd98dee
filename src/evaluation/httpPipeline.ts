import type { AnswerResult } from "../answering/types.js";
import { BadInput, UpstreamFailed } from "../errors.js";
import { historyTurns } from "./dataset.js";
import type { EvalPipeline } from "./types.js";

export interface HttpPipelineOptions {
  baseUrl: string;
  /** Bearer key when the server has API_KEYS set. */
  apiKey?: string | undefined;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
  /** Told before each wait on a 429/503, so a run never waits silently. */
  onBusy?: (wait: BusyWait) => void;
}

/** One wait on a rate-limited (429) or busy (503) server. */
export interface BusyWait {
  request: string;
  status: number;
  /** The server's error code from the body, when it sent one (e.g. "rate_limited"). */
  code: string | undefined;
  waitMs: number;
  /** Whether the wait comes from the server's Retry-After or is our default. */
  fromRetryAfter: boolean;
  attempt: number;
  maxAttempts: number;
}

const MAX_BUSY_RETRIES = 5;
const MAX_RETRY_WAIT_MS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface DocumentsResponse {
  documents: { id: string; source: string }[];
}

/**
 * A running server, over its public API: POST /api/ask for the answer (its citations are the
 * passages scored), GET /api/documents/:id for the text gold quotes are located in. Checks /healthz
 * first, so an unreachable URL is bad input (exit 2), not 52 failed questions.
 */
export async function openHttpPipeline(options: HttpPipelineOptions): Promise<EvalPipeline> {
  const fetchFn = options.fetch ?? fetch;
  const now = options.now ?? (() => performance.now());
  const timeoutMs = options.timeoutMs ?? 120_000;
  let base: URL;
  try {
    base = new URL(options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`);
    if (base.protocol !== "http:" && base.protocol !== "https:") throw new Error("protocol");
  } catch {
    throw new BadInput(`--base-url ${options.baseUrl} is not an http(s) URL.`);
  }
  const display = `${base.protocol}//${base.host}${base.pathname.replace(/\/$/, "")}`;
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;

  /** The parsed body, and how long the attempt that succeeded took (waits on 429/503 excluded). */
  const callTimed = async <T>(method: "GET" | "POST", route: string, body?: unknown): Promise<{ body: T; attemptMs: number }> => {
    const url = new URL(route.replace(/^\//, ""), base);
    let response: Response;
    let started: number;
    for (let attempt = 0; ; attempt++) {
      started = now();
      response = await fetchFn(url, {
        method,
        headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // A rate-limited or busy server says when to come back: an evaluation run is patient.
      if ((response.status !== 429 && response.status !== 503) || attempt >= MAX_BUSY_RETRIES) break;
      const seconds = Number(response.headers.get("retry-after"));
      const fromRetryAfter = Number.isFinite(seconds) && seconds > 0;
      const waitMs = Math.min(MAX_RETRY_WAIT_MS, fromRetryAfter ? seconds * 1000 : 1000);
      const code = await response.json().then(
        (b: { error?: { code?: unknown } }) => (typeof b?.error?.code === "string" ? b.error.code : undefined),
        () => undefined,
      );
      options.onBusy?.({
        request: `${method} ${url.pathname}`,
        status: response.status,
        code,
        waitMs,
        fromRetryAfter,
        attempt: attempt + 1,
        maxAttempts: MAX_BUSY_RETRIES,
      });
      await sleep(waitMs);
    }
    if (!response.ok) {
      // The error body's message is the server's own user-safe text; keep only its code.
      let code = "";
      try {
        code = ((await response.json()) as { error?: { code?: string } }).error?.code ?? "";
      } catch {
        // not JSON
      }
      throw new UpstreamFailed(
        `${method} ${display}${url.pathname} answered ${response.status}${code ? ` (${code})` : ""}`,
        response.status,
      );
    }
    const parsed = (await response.json()) as T;
    return { body: parsed, attemptMs: Math.round(now() - started) };
  };
  const call = async <T>(method: "GET" | "POST", route: string, body?: unknown): Promise<T> =>
    (await callTimed<T>(method, route, body)).body;

  try {
    const response = await fetchFn(new URL("healthz", base), { headers, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`status ${response.status}`);
  } catch (error) {
    throw new BadInput(`Cannot reach ${display} (GET /healthz: ${(error as Error).message}).`);
  }

  let documentIds: Promise<Map<string, string>> | undefined;
  const texts = new Map<string, Promise<string | undefined>>();

  return {
    target: display,
    async ask(question, { k, history }) {
      // Latency of the answer call itself: time spent waiting out a 429 is not the server's.
      const { body: answer, attemptMs: latencyMs } = await callTimed<AnswerResult>("POST", "/api/ask", {
        question,
        ...(k !== undefined ? { k } : {}),
        ...(history.length > 0 ? { history: historyTurns(history) } : {}),
      });
      return { answer, latencyMs };
    },
    sourceText(document) {
      let text = texts.get(document);
      if (!text) {
        documentIds ??= call<DocumentsResponse>("GET", "/api/documents").then((r) => new Map(r.documents.map((d) => [d.source, d.id])));
        text = documentIds.then(async (ids) => {
          const id = ids.get(document);
          if (id === undefined) return undefined;
          return (await call<{ text: string }>("GET", `/api/documents/${encodeURIComponent(id)}`)).text;
        });
        texts.set(document, text);
      }
      return text;
    },
    async close() {},
  };
}
