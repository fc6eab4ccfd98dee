import { LRUCache } from "lru-cache";

/**
 * Results that are a pure function of the index and the request (offline answers, search
 * results), kept per index version so that repeated questions (the widget's starter questions,
 * a class asking the same thing) are worked out once. The key is the version plus the request
 * parts the caller names; a new index version simply stops matching old keys, which age out.
 * Nothing per client belongs in a key or a value: callers add that after the cache.
 */
export interface PerVersionCacheOptions {
  /** Most entries kept; 0 keeps nothing. */
  maxEntries: number;
  /** The live index version, or undefined while none is loaded (nothing is cached then). */
  version: () => string | undefined;
}

/** One request's place in the cache: what it holds, and how to fill it after a miss. */
export interface CacheSlot<V> {
  readonly hit: V | undefined;
  keep(value: V): void;
}

export class PerVersionCache<V extends object> {
  private readonly cache: LRUCache<string, V>;

  constructor(private readonly options: PerVersionCacheOptions) {
    this.cache = new LRUCache({ max: Math.max(1, options.maxEntries) });
  }

  slot(parts: readonly unknown[]): CacheSlot<V> {
    const version = this.options.maxEntries > 0 ? this.options.version() : undefined;
    if (version === undefined) return { hit: undefined, keep: () => {} };
    const key = JSON.stringify([version, ...parts]);
    return {
      hit: this.cache.get(key),
      // Kept only when the index did not change meanwhile: else it is the old version's result.
      keep: (value) => {
        if (this.options.version() === version) this.cache.set(key, value);
      },
    };
  }
}

/** Runs of whitespace count as one space: "什么是 LoRA" and "什么是  LoRA\n" are one question. */
export const normalizeWhitespace = (text: string) => text.replace(/\s+/g, " ").trim();
