import { createHash } from "node:crypto";
import { endianness } from "node:os";
import { open, readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileDurably } from "./durableFiles.js";
import { VERSION_FILES } from "./indexLayout.js";
import type { EmbedderIdentity } from "./types.js";

/**
 * Vectors already computed, keyed by what was embedded, so a re-ingest only embeds new or changed
 * chunks. Stored in each index version as embeddings.json (namespace, size, keys in order) plus
 * embeddings.f32 (the vectors back to back as float32): 100k chunks × 1024 dims is 400 MB of
 * floats and 3.3 MB of keys, read with one call and never parsed as JSON numbers.
 */

interface CacheKeysFile {
  formatVersion: 1;
  namespace: string;
  dimensions: number;
  littleEndian: boolean;
  keys: string[];
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

const WRITE_BLOCK_VECTORS = 1024;

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
      if (keysFile.formatVersion !== 1 || keysFile.namespace !== namespace || !Array.isArray(keysFile.keys)) return EmbeddingCache.empty();
      if (keysFile.littleEndian !== (endianness() === "LE")) return EmbeddingCache.empty();
      const bytes = await readFile(path.join(versionDir, VERSION_FILES.cacheVectors));
      const dims = keysFile.dimensions;
      if (!Number.isInteger(dims) || dims <= 0 || bytes.byteLength !== keysFile.keys.length * dims * 4) return EmbeddingCache.empty();
      // Float32Array needs 4-byte alignment; a pooled Buffer may not have it.
      const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
      const vectors = new Float32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
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

/** Write the cache of a new version: exactly the vectors it indexes, in key order. */
export async function writeEmbeddingCache(
  versionDir: string,
  namespace: string,
  dimensions: number,
  entries: ReadonlyMap<string, Float32Array>,
): Promise<void> {
  const keys = [...entries.keys()];
  // Written in blocks so a large cache is never held twice in memory.
  const handle = await open(path.join(versionDir, VERSION_FILES.cacheVectors), "w");
  try {
    const block = new Float32Array(WRITE_BLOCK_VECTORS * dimensions);
    let filled = 0;
    const flush = async () => {
      if (filled > 0) await handle.write(new Uint8Array(block.buffer, 0, filled * dimensions * 4));
      filled = 0;
    };
    for (const vector of entries.values()) {
      if (vector.length !== dimensions) throw new Error(`embedding cache: a vector has ${vector.length} dimensions, expected ${dimensions}`);
      block.set(vector, filled * dimensions);
      if (++filled === WRITE_BLOCK_VECTORS) await flush();
    }
    await flush();
    await handle.sync();
  } finally {
    await handle.close();
  }
  const keysFile: CacheKeysFile = { formatVersion: 1, namespace, dimensions, littleEndian: endianness() === "LE", keys };
  await writeFileDurably(path.join(versionDir, VERSION_FILES.cacheKeys), JSON.stringify(keysFile));
}
