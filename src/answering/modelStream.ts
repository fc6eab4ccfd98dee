import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { AIMessageChunk, BaseMessage, MessageContent, UsageMetadata } from "@langchain/core/messages";
import { abortedBy } from "./deadline.js";
import type { Usage } from "./types.js";

export interface ModelStreamOptions {
  /** Aborts the upstream request (client gone, deadline passed). */
  signal: AbortSignal;
  /** Longest silence allowed between two chunks (and before the first) before giving up. */
  idleTimeoutMs: number;
  /** Text kept at most; past it the upstream request is stopped and the reply marked truncated. */
  maxChars: number;
  /** The error to throw when the stream stalls (names the server). */
  stalled: () => Error;
  stop?: string[] | undefined;
}

export interface ModelStreamEnd {
  usage?: Usage;
  /** The reply was cut at maxChars and the upstream request stopped. */
  truncated: boolean;
}

export function textOf(content: MessageContent): string {
  if (typeof content === "string") return content;
  return content.map((part) => (part.type === "text" && typeof part.text === "string" ? part.text : "")).join("");
}

export function toUsage(metadata: UsageMetadata | undefined): Usage | undefined {
  if (!metadata) return undefined;
  return { promptTokens: metadata.input_tokens, completionTokens: metadata.output_tokens, totalTokens: metadata.total_tokens };
}

export function addUsage(a: Usage | undefined, b: Usage | undefined): Usage | undefined {
  if (!a) return b;
  if (!b) return a;
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    totalTokens: a.totalTokens + b.totalTokens,
  };
}

/** The iterator's next step, unless the stream stays silent too long or the signal fires first. */
async function nextWithin<T>(iterator: AsyncIterator<T>, options: ModelStreamOptions): Promise<IteratorResult<T>> {
  const next = iterator.next();
  // Whichever loses the race must not surface later as an unhandled rejection.
  next.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(options.stalled()), options.idleTimeoutMs);
  });
  const aborted = abortedBy(options.signal);
  try {
    return await Promise.race([next, idle, aborted.promise]);
  } finally {
    clearTimeout(timer);
    aborted.dispose();
  }
}

/**
 * Every model reply goes through here as a stream, JSON answers included, so one set of limits
 * holds for all of them: an idle timeout between chunks (a server that sends headers and a token,
 * then nothing, would otherwise hold the request and its concurrency slot forever), a cap on the
 * text kept (a server that ignores max_tokens can send megabytes), and an upstream request that
 * is really stopped, not merely ignored, whenever we stop reading.
 */
export async function* streamModel(
  model: BaseChatModel,
  messages: BaseMessage[],
  options: ModelStreamOptions,
): AsyncGenerator<string, ModelStreamEnd> {
  const stopReading = new AbortController();
  const signal = AbortSignal.any([options.signal, stopReading.signal]);
  let iterator: AsyncIterator<AIMessageChunk> | undefined;
  let finished = false;
  let usage: Usage | undefined;
  let chars = 0;
  try {
    const aborted = abortedBy(signal);
    const stream = await Promise.race([
      model.stream(messages, { signal, ...(options.stop ? { stop: options.stop } : {}) }),
      aborted.promise,
    ]).finally(() => aborted.dispose());
    iterator = stream[Symbol.asyncIterator]();
    for (;;) {
      const step = await nextWithin(iterator, { ...options, signal });
      if (step.done) break;
      usage = toUsage(step.value.usage_metadata) ?? usage;
      const piece = textOf(step.value.content);
      if (piece.length === 0) continue;
      if (chars + piece.length > options.maxChars) {
        const kept = piece.slice(0, options.maxChars - chars);
        if (kept.length > 0) yield kept;
        return { ...(usage ? { usage } : {}), truncated: true };
      }
      chars += piece.length;
      yield piece;
    }
    finished = true;
    return { ...(usage ? { usage } : {}), truncated: false };
  } finally {
    if (!finished) {
      // Stalled, capped, failed, or the consumer stopped early: close the upstream connection.
      stopReading.abort(new Error("stopped reading the model stream"));
      void iterator?.return?.()?.catch(() => {});
    }
  }
}
