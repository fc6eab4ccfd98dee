import { createHash } from "node:crypto";
import type { EmbedderIdentity } from "../embeddings/types.js";
import type { CachedVectors } from "../index/VersionWriter.js";

/**
 * Vectors already computed, keyed by what was embedded, so a re-ingest only embeds new or changed
 * chunks. Read from the live version by the store (VersionWriter.readCachedVectors), written
 * with the next version.
 */

/**
 * Vectors from one embedder are only reused for that embedder. A remote model's size is fixed by
 * the model, so its namespace leaves the size out (it is unknown before the first call).
 */
export function cacheNamespace(identity: EmbedderIdentity): string {
  return identity.provider === "local" ? `local/${identity.model}/${identity.dimensions}` : `${identity.provider}/${identity.model}`;
}

/** 128 bits of sha256 over namespace and text: collisions are not a practical concern. */
export function cacheKey(namespace: string, text: string): string {
  return createHash("sha256").update(namespace).update("\0").update(text).digest("hex").slice(0, 32);
}

export class EmbeddingCache {
  private constructor(
    readonly dimensions: number,
    private readonly slots: ReadonlyMap<string, number>,
    private readonly vectors: Float32Array,
  ) {}

  static empty(): EmbeddingCache {
    return new EmbeddingCache(0, new Map(), new Float32Array(0));
  }

  static of(stored: CachedVectors | undefined): EmbeddingCache {
    if (stored === undefined) return EmbeddingCache.empty();
    return new EmbeddingCache(stored.dimensions, new Map(stored.keys.map((key, i) => [key, i])), stored.vectors);
  }

  get size(): number {
    return this.slots.size;
  }

  /** A view into the cache (no copy). */
  get(key: string): Float32Array | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    return this.vectors.subarray(slot * this.dimensions, (slot + 1) * this.dimensions);
  }
}
