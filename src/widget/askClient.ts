import type { AnswerEventData, AnswerResponse, AskRequestBody, CitationResponse, Turn } from "../http/contract/answers.js";
import { SseParser } from "./sseParser.js";

/** What went wrong, in terms the panel can explain to a reader. */
export type AskFailure =
  | { kind: "unreachable" }
  | { kind: "rate-limited"; retryAfterSeconds: number | undefined; message: string | undefined }
  | { kind: "server"; status: number; message: string | undefined; retryAfterSeconds?: number | undefined }
  | { kind: "rejected"; status: number; message: string | undefined }
  | { kind: "interrupted" };

export class AskError extends Error {
  constructor(readonly failure: AskFailure) {
    super(failure.kind);
    this.name = "AskError";
  }
}

export interface AskHandlers {
  onCitations(citations: CitationResponse[]): void;
  onToken(text: string): void;
}

export interface AskOptions {
  endpoint: string;
  question: string;
  history: Turn[];
  signal: AbortSignal;
  /** Injected so tests can run it against any fetch. */
  fetch?: typeof fetch;
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

async function errorMessage(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    return typeof body.error?.message === "string" ? body.error.message : undefined;
  } catch {
    return undefined;
  }
}

async function failureFor(response: Response): Promise<AskFailure> {
  const retryAfterSeconds = parseRetryAfter(response.headers.get("retry-after"));
  const message = await errorMessage(response);
  if (response.status === 429) return { kind: "rate-limited", retryAfterSeconds, message };
  if (response.status >= 500) return { kind: "server", status: response.status, message, retryAfterSeconds };
  return { kind: "rejected", status: response.status, message };
}

/**
 * POST /api/ask with stream:true and read the SSE answer. Resolves with the final result;
 * rejects with AskError (or the AbortError when the signal fires).
 */
export async function askStreaming(options: AskOptions, handlers: AskHandlers): Promise<AnswerResponse> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${options.endpoint}/api/ask`, {
      method: "POST",
      mode: "cors",
      credentials: "omit",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({
        question: options.question,
        ...(options.history.length > 0 ? { history: options.history } : {}),
        stream: true,
      } satisfies AskRequestBody),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal.aborted) throw error;
    throw new AskError({ kind: "unreachable" });
  }
  if (!response.ok) throw new AskError(await failureFor(response));

  if (!(response.headers.get("content-type") ?? "").includes("text/event-stream")) {
    // A proxy or an older server answered with plain JSON: still usable.
    const result = (await response.json()) as AnswerResponse;
    handlers.onCitations(result.citations);
    handlers.onToken(result.answer);
    return result;
  }

  const body = response.body;
  if (!body) throw new AskError({ kind: "interrupted" });
  const reader = body.getReader();
  const parser = new SseParser();
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (options.signal.aborted) throw error;
        throw new AskError({ kind: "interrupted" });
      }
      const events = chunk.done ? parser.end() : parser.push(chunk.value);
      for (const event of events) {
        // The server writes these shapes (src/http/contract/answers.ts); a proxy may still mangle them.
        const data: unknown = JSON.parse(event.data);
        if (event.event === "citations") handlers.onCitations((data as Partial<AnswerEventData<"citations">>).citations ?? []);
        else if (event.event === "token") {
          const text = (data as Partial<AnswerEventData<"token">>).text;
          handlers.onToken(typeof text === "string" ? text : "");
        } else if (event.event === "done") return data as AnswerEventData<"done">;
        else if (event.event === "error") {
          const error: Partial<AnswerEventData<"error">["error"]> = (data as Partial<AnswerEventData<"error">>).error ?? {};
          const status = typeof error.status === "number" ? error.status : 502;
          throw new AskError(
            status === 429
              ? { kind: "rate-limited", retryAfterSeconds: undefined, message: error.message }
              : { kind: "server", status, message: error.message },
          );
        }
      }
      if (chunk.done) throw new AskError({ kind: "interrupted" });
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}
