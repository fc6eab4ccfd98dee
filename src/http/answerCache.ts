import type { AnswerEvent, AnswerRequest, AnswerResult, Answerer } from "../answering/types.js";
import { normalizeWhitespace, PerVersionCache, type PerVersionCacheOptions } from "./perVersionCache.js";

/**
 * Repeated questions (the widget's starter questions, a class asking the same thing) answered
 * once per index version, kept from their second request on (within the cache's size of
 * misses). Only offline (extractive) answers are cached: they are a pure function of the index
 * and the request, so an entry can be served to anyone. The key is everything the
 * answer depends on: index version, question, history, k, filters and generation settings. The
 * answerer is given the normalized request the key was made from, so two requests with one key
 * cannot get different answers. Nothing per client (base URL, key, address) is in an answer:
 * routes add those after the cache.
 */

export interface AnswerCacheOptions extends PerVersionCacheOptions {
  /** Most answers kept (ANSWER_CACHE_SIZE); 0 turns the cache off. */
  maxEntries: number;
}

function normalized(request: AnswerRequest): AnswerRequest {
  return {
    ...request,
    question: normalizeWhitespace(request.question),
    ...(request.history ? { history: request.history.map((t) => ({ role: t.role, content: normalizeWhitespace(t.content) })) } : {}),
  };
}

const keyParts = ({ question, history, k, filters, generation }: AnswerRequest) => [
  question,
  history ?? [],
  k ?? null,
  filters ?? null,
  generation ?? null,
];

export class CachedAnswerer implements Answerer {
  readonly mode: Answerer["mode"];
  private readonly cache: PerVersionCache<AnswerResult>;

  constructor(
    private readonly inner: Answerer,
    options: AnswerCacheOptions,
  ) {
    this.mode = inner.mode;
    // Most questions are new: an answer is kept from its question's second request on
    // (perVersionCache.ts keepOnlyRepeated), so new questions leave nothing behind to collect.
    this.cache = new PerVersionCache({ ...options, keepOnlyRepeated: true });
  }

  async answer(request: AnswerRequest): Promise<AnswerResult> {
    const clean = normalized(request);
    const slot = this.cache.slot(keyParts(clean));
    if (slot.hit) return slot.hit;
    const result = await this.inner.answer(clean);
    slot.keep(result);
    return result;
  }

  async *stream(request: AnswerRequest): AsyncIterable<AnswerEvent> {
    const clean = normalized(request);
    const slot = this.cache.slot(keyParts(clean));
    const hit = slot.hit;
    if (hit) {
      // The same events a live answer produces: citations, the text, done.
      yield { type: "citations", citations: hit.citations };
      if (hit.answer) yield { type: "token", text: hit.answer };
      yield { type: "done", result: hit };
      return;
    }
    for await (const event of this.inner.stream(clean)) {
      if (event.type === "done") slot.keep(event.result);
      yield event;
    }
  }
}

/** The answerer behind a cache when it is worth one (offline answers, size > 0), else as is. */
export function withAnswerCache(answerer: Answerer, options: AnswerCacheOptions): Answerer {
  if (options.maxEntries <= 0 || answerer.mode !== "extractive") return answerer;
  return new CachedAnswerer(answerer, options);
}
