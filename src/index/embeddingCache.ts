import { createHash } from "node:crypto";
import hnswlibNode from "hnswlib-node";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileDurably } from "./durableFiles.js";
import { VERSION_FILES } from "./indexLayout.js";
import type { EmbedderIdentity } from "./types.js";

/**
 * Vectors already computed, keyed by what was embedded, so a re-ingest only embeds new or changed
 * chunks. The vectors themselves are not stored twice: embeddings.json holds the namespace and,
 * per key, the label of a chunk with that text in hnswlib/hnswlib.index, and the cache reads the
 * vectors back from that index (one binary read, no JSON numbers). hnswlib stores cosine-space
 * vectors L2-normalised; every embedder here returns unit vectors already (and cosine ignores
 * length), so a cached vector ranks exactly as a fresh one.
 */

interface CacheKeysFile {
  formatVersion: 2;
  namespace: string;
  dimensions: number;
  /** keys[i] is stored at labels[i] of hnswlib.index. */
  keys: string[];
  labels: number[];
}

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

  /** The cache stored in a version directory; empty when absent, unreadable or for another embedder. */
  static async read(versionDir: string, namespace: string): Promise<EmbeddingCache> {
    try {
      const keysFile = JSON.parse(await readFile(path.join(versionDir, VERSION_FILES.cacheKeys), "utf8")) as CacheKeysFile;
      if (keysFile.formatVersion !== 2 || keysFile.namespace !== namespace || !Array.isArray(keysFile.keys)) return EmbeddingCache.empty();
      const dims = keysFile.dimensions;
      if (!Number.isInteger(dims) || dims <= 0 || keysFile.labels.length !== keysFile.keys.length) return EmbeddingCache.empty();
      const hnsw = new hnswlibNode.HierarchicalNSW("cosine", dims);
      await hnsw.readIndex(path.join(versionDir, VERSION_FILES.hnswlib, "hnswlib.index"));
      const vectors = new Float32Array(keysFile.keys.length * dims);
      for (const [slot, label] of keysFile.labels.entries()) vectors.set(hnsw.getPoint(label), slot * dims);
      return new EmbeddingCache(dims, new Map(keysFile.keys.map((key, i) => [key, i])), vectors);
    } catch {
      return EmbeddingCache.empty();
    }
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

/**
 * Write the cache of a new version: for every key, the label of a chunk whose vector it is
 * (`chunkVectors` in label order holds the same Float32Array objects as `entries`).
 */
export async function writeEmbeddingCache(
  versionDir: string,
  namespace: string,
  dimensions: number,
  entries: ReadonlyMap<string, Float32Array>,
  chunkVectors: readonly Float32Array[],
): Promise<void> {
  const labelOf = new Map<Float32Array, number>();
  for (const [label, vector] of chunkVectors.entries()) if (!labelOf.has(vector)) labelOf.set(vector, label);
  const keys: string[] = [];
  const labels: number[] = [];
  for (const [key, vector] of entries) {
    if (vector.length !== dimensions) throw new Error(`embedding cache: a vector has ${vector.length} dimensions, expected ${dimensions}`);
    const label = labelOf.get(vector);
    // A vector no chunk of this version uses is not worth keeping.
    if (label === undefined) continue;
    keys.push(key);
    labels.push(label);
  }
  const keysFile: CacheKeysFile = { formatVersion: 2, namespace, dimensions, keys, labels };
  await writeFileDurably(path.join(versionDir, VERSION_FILES.cacheKeys), JSON.stringify(keysFile));
}
