import type { Passage, QueryAnalysis, RetrievalResult, RetrieveOptions, Retriever } from "../retrieval/types.js";
import { normalizeWhitespace, PerVersionCache, type PerVersionCacheOptions } from "./perVersionCache.js";

/**
 * /api/search results per index version for repeated queries. Search is a pure function of the
 * index and the request in every mode (query rewriting only touches retrieve()), so a result
 * can be served to anyone. A query's list is kept from its second request on (within the
 * cache's size of misses). Only search() is cached: retrieve() belongs to the answerer, whose
 * own cache (answerCache.ts) covers offline answers.
 */
export interface SearchCacheOptions extends PerVersionCacheOptions {
  /** Most result lists kept (SEARCH_CACHE_SIZE); 0 turns the cache off. */
  maxEntries: number;
}

class SearchCachingRetriever implements Retriever {
  private readonly cache: PerVersionCache<Passage[]>;

  constructor(
    private readonly inner: Retriever,
    options: SearchCacheOptions,
  ) {
    // Most searches are new questions: a list is kept from its query's second request
    // (perVersionCache.ts keepOnlyRepeated), so new questions leave nothing behind to collect.
    this.cache = new PerVersionCache({ ...options, keepOnlyRepeated: true });
  }

  async search(query: string, options?: RetrieveOptions): Promise<Passage[]> {
    const clean = normalizeWhitespace(query);
    const slot = this.cache.slot([clean, options?.k ?? null, options?.filters ?? null]);
    if (slot.hit) return slot.hit;
    const passages = await this.inner.search(clean, options);
    slot.keep(passages);
    return passages;
  }

  retrieve(query: string, options?: RetrieveOptions): Promise<RetrievalResult> {
    return this.inner.retrieve(query, options);
  }

  analyzeQuestion(question: string): QueryAnalysis {
    return this.inner.analyzeQuestion(question);
  }

  topicOf(question: string): string | undefined {
    return this.inner.topicOf(question);
  }

  namesStage(phrase: string): boolean {
    return this.inner.namesStage?.(phrase) ?? false;
  }

  neighbourStage(phrase: string, direction: "next" | "previous"): string | undefined {
    return this.inner.neighbourStage?.(phrase, direction);
  }

  roadmapNamedIn(question: string): string | undefined {
    return this.inner.roadmapNamedIn(question);
  }
}

/** The retriever with its search() behind a cache (size > 0), else as is. */
export function withSearchCache(retriever: Retriever, options: SearchCacheOptions): Retriever {
  return options.maxEntries > 0 ? new SearchCachingRetriever(retriever, options) : retriever;
}
