import { LRUCache } from "lru-cache";
import type { AnswerEvent, AnswerRequest, AnswerResult, Answerer } from "../answering/types.js";

/**
 * Repeated questions (the widget's starter questions, a class asking the same thing) answered
 * once per index version. Only offline (extractive) answers are cached: they are a pure function
 * of the index and the request, so an entry can be served to anyone. The key is everything the
 * answer depends on: index version, question, history, k, filters and generation settings. The
 * answerer is given the normalized request the key was made from, so two requests with one key
 * cannot get different answers. Nothing per client (base URL, key, address) is in an answer:
 * routes add those after the cache.
 */

export interface AnswerCacheOptions {
  /** Most answers kept (ANSWER_CACHE_SIZE); 0 turns the cache off. */
  maxEntries: number;
  /** The live index version, or undefined while none is loaded (nothing is cached then). */
  version: () => string | undefined;
}

/** Runs of whitespace count as one space: "什么是 LoRA" and "什么是  LoRA\n" are one question. */
const normalizeText = (text: string) => text.replace(/\s+/g, " ").trim();

function normalized(request: AnswerRequest): AnswerRequest {
  return {
    ...request,
    question: normalizeText(request.question),
    ...(request.history ? { history: request.history.map((t) => ({ role: t.role, content: normalizeText(t.content) })) } : {}),
  };
}

function keyOf(version: string, request: AnswerRequest): string {
  const { question, history, k, filters, generation } = request;
  return JSON.stringify([version, question, history ?? [], k ?? null, filters ?? null, generation ?? null]);
}

export class CachedAnswerer implements Answerer {
  readonly mode: Answerer["mode"];
  private readonly cache: LRUCache<string, AnswerResult>;

  constructor(
    private readonly inner: Answerer,
    private readonly options: AnswerCacheOptions,
  ) {
    this.mode = inner.mode;
    this.cache = new LRUCache({ max: options.maxEntries });
  }

  async answer(request: AnswerRequest): Promise<AnswerResult> {
    const clean = normalized(request);
    const version = this.options.version();
    const key = version === undefined ? undefined : keyOf(version, clean);
    const hit = key === undefined ? undefined : this.cache.get(key);
    if (hit) return hit;
    const result = await this.inner.answer(clean);
    this.keep(key, version, result);
    return result;
  }

  async *stream(request: AnswerRequest): AsyncIterable<AnswerEvent> {
    const clean = normalized(request);
    const version = this.options.version();
    const key = version === undefined ? undefined : keyOf(version, clean);
    const hit = key === undefined ? undefined : this.cache.get(key);
    if (hit) {
      // The same events a live answer produces: citations, the text, done.
      yield { type: "citations", citations: hit.citations };
      if (hit.answer) yield { type: "token", text: hit.answer };
      yield { type: "done", result: hit };
      return;
    }
    for await (const event of this.inner.stream(clean)) {
      if (event.type === "done") this.keep(key, version, event.result);
      yield event;
    }
  }

  /** Stored only when the index did not change while answering (else it is the old version's answer). */
  private keep(key: string | undefined, version: string | undefined, result: AnswerResult): void {
    if (key !== undefined && this.options.version() === version) this.cache.set(key, result);
  }
}

/** The answerer behind a cache when it is worth one (offline answers, size > 0), else as is. */
export function withAnswerCache(answerer: Answerer, options: AnswerCacheOptions): Answerer {
  if (options.maxEntries <= 0 || answerer.mode !== "extractive") return answerer;
  return new CachedAnswerer(answerer, options);
}
