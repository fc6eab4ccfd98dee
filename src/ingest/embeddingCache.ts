import { createHash } from "node:crypto";
import type { EmbedderIdentity } from "../embeddings/types.js";
import { INDEX_FORMAT_VERSION } from "../index/types.js";
import type { CachedVectors } from "../index/VersionWriter.js";
import { TOKENIZER_ID } from "../text/tokenize.js";

/**
 * Vectors already computed, keyed by what was embedded, so a re-ingest only embeds new or changed
 * chunks. Read from the live version by the store (VersionWriter.readCachedVectors), written
 * with the next version.
 */

/**
 * Vectors from one embedder are only reused for that embedder. A remote model's size is fixed by
 * the model, so its namespace leaves the size out (it is unknown before the first call).
 *
 * The local embedder hashes the search tokens (text/tokenize.ts), so its vectors are only as
 * current as the cut: a new jieba, or cutting rules changed with a bump of the index format, would
 * otherwise reuse the old cut's vectors for every chunk whose text did not change. Its namespace
 * names both; recomputing local vectors is cheap. A remote model's vectors depend on neither.
 */
export function cacheNamespace(identity: EmbedderIdentity): string {
  return identity.provider === "local"
    ? `local/${identity.model}/${identity.dimensions}/${TOKENIZER_ID}/format-${INDEX_FORMAT_VERSION}`
    : `${identity.provider}/${identity.model}`;
}

/** 128 bits of sha256 over namespace and text: collisions are not a practical concern. */
export function cacheKey(namespace: string, text: string): string {
  return createHash("sha256").update(namespace).update("\0").update(text).digest("hex").slice(0, 32);
}

export class EmbeddingCache {
  private constructor(
    readonly dimensions: number,
    private readonly slots: ReadonlyMap<string, number>,
    private readonly vectorAt: (slot: number) => Float32Array,
  ) {}

  static empty(): EmbeddingCache {
    return new EmbeddingCache(0, new Map(), () => new Float32Array(0));
  }

  static of(stored: CachedVectors | undefined): EmbeddingCache {
    if (stored === undefined) return EmbeddingCache.empty();
    return new EmbeddingCache(stored.dimensions, new Map(stored.keys.map((key, i) => [key, i])), stored.vectorAt);
  }

  /** This cache plus vectors made since, which win (returned as the same objects). */
  with(extra: ReadonlyMap<string, Float32Array>): EmbeddingCache {
    if (extra.size === 0) return this;
    const slots = new Map(this.slots);
    const vectors: Float32Array[] = [];
    const base = this.slots.size;
    for (const [key, vector] of extra) {
      slots.set(key, base + vectors.length);
      vectors.push(vector);
    }
    const dimensions = this.dimensions || (vectors[0]?.length ?? 0);
    return new EmbeddingCache(dimensions, slots, (slot) => (slot >= base ? vectors[slot - base]! : this.vectorAt(slot)));
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  get size(): number {
    return this.slots.size;
  }

  /** The cached vector (a new array: stored vectors are read back on demand, not all held at once). */
  get(key: string): Float32Array | undefined {
    const slot = this.slots.get(key);
    return slot === undefined ? undefined : this.vectorAt(slot);
  }
}
