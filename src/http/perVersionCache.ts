import { LRUCache } from "lru-cache";
import { fnv1a } from "../text/fnv1a.js";

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
  /**
   * Keep a result only when its key was asked before, within the last `maxEntries` misses (a
   * "doorkeeper"): a key asked once is remembered as a 32-bit hash, not with its result. A
   * result kept in the cache outlives many young-generation collections, so each one that is
   * never asked again was copied and promoted for nothing; under a stream of new questions that
   * was most of the server's collection work.
   */
  keepOnlyRepeated?: boolean;
}

/** One request's place in the cache: what it holds, and how to fill it after a miss. */
export interface CacheSlot<V> {
  readonly hit: V | undefined;
  keep(value: V): void;
}

/**
 * Every value a PerVersionCache has kept (for as long as it lives): the only results a route can be
 * handed again, so the only ones whose written body is worth remembering (writtenOnce.ts). Most
 * results are new questions' and are never kept.
 */
const keptValues = new WeakSet<object>();

/** Whether a cache has kept this very value, so that a later request may be handed it again. */
export function keptByACache(value: object): boolean {
  return keptValues.has(value);
}

export class PerVersionCache<V extends object> {
  private readonly cache: LRUCache<string, V>;
  private readonly seenOnce: SeenOnce | undefined;

  constructor(private readonly options: PerVersionCacheOptions) {
    this.cache = new LRUCache({ max: Math.max(1, options.maxEntries) });
    this.seenOnce = options.keepOnlyRepeated && options.maxEntries > 0 ? new SeenOnce(options.maxEntries) : undefined;
  }

  slot(parts: readonly unknown[]): CacheSlot<V> {
    const version = this.options.maxEntries > 0 ? this.options.version() : undefined;
    if (version === undefined) return { hit: undefined, keep: () => {} };
    const key = JSON.stringify([version, ...parts]);
    const hit = this.cache.get(key);
    // A first request of its key is not kept (keepOnlyRepeated): only its hash is noted.
    if (hit === undefined && this.seenOnce && !this.seenOnce.repeated(key)) return { hit, keep: () => {} };
    return {
      hit,
      // Kept only when the index did not change meanwhile: else it is the old version's result.
      keep: (value) => {
        if (this.options.version() === version) {
          this.cache.set(key, value);
          keptValues.add(value);
        }
      },
    };
  }
}

/**
 * Keys asked once, as hashes in a direct-mapped table of twice the cache's size, each with the
 * miss it was noted at: typed memory, nothing allocated per request. `repeated(key)` says
 * whether the key was noted within the last `window` misses (the cache's size) and otherwise
 * notes it. A key asked again only after more misses than the cache holds is not admitted: an LRU
 * of that size would have lost it too, so a pool of questions larger than the cache, cycled (the
 * benchmark's distinct workload), is never served from it, with or without this table. Two keys
 * sharing a place only cost a repeated key one more miss; two sharing a hash only let a key be
 * kept at its first request, as without the table.
 */
class SeenOnce {
  private readonly hashes: Uint32Array;
  private readonly notedAt: Uint32Array;
  private readonly mask: number;
  /** Misses so far, modulo 2^32 (distances are taken modulo 2^32 as well). */
  private clock = 0;

  constructor(private readonly window: number) {
    let size = 64;
    while (size < 2 * window && size < 1 << 22) size *= 2;
    this.hashes = new Uint32Array(size);
    this.notedAt = new Uint32Array(size);
    this.mask = size - 1;
  }

  repeated(key: string): boolean {
    this.clock = (this.clock + 1) >>> 0;
    // 0 marks an empty place: a key hashing to 0 is noted as 1.
    const hash = fnv1a(key) || 1;
    const place = (hash ^ (hash >>> 16)) & this.mask;
    if (this.hashes[place] === hash && (this.clock - this.notedAt[place]!) >>> 0 <= this.window) return true;
    this.hashes[place] = hash;
    this.notedAt[place] = this.clock;
    return false;
  }
}

/** Runs of whitespace count as one space: "什么是 LoRA" and "什么是  LoRA\n" are one question. */
export const normalizeWhitespace = (text: string) => text.replace(/\s+/g, " ").trim();
