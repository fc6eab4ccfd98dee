import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { contextualText } from "../chunking/index.js";
import type { Chunk } from "../chunking/types.js";
import type { EmbedderIdentity } from "../embeddings/types.js";
import { UpstreamFailed } from "../errors.js";
import { cacheKey, cacheNamespace, EmbeddingCache } from "./embeddingCache.js";
import { embedMissing } from "./embedMissing.js";
import type { IngestProgress } from "./types.js";
import type { CachedVectors } from "../index/VersionWriter.js";

export interface EmbeddedChunks {
  /** The identity to record, with the size the vectors really have. */
  identity: EmbedderIdentity;
  namespace: string;
  /** One vector per chunk, in chunk order (chunks with the same text share one array). */
  chunkVectors: Float32Array[];
  /** Cache key → vector, for exactly these chunks: the next version's cache. */
  entries: ReadonlyMap<string, Float32Array>;
  cachedChunks: number;
  calls: number;
}

export interface EmbedChunksOptions {
  embeddings: EmbeddingsInterface;
  identity: () => EmbedderIdentity;
  batchSize: number;
  /** The previous version's vectors, by cache key. */
  readCache: (namespace: string) => Promise<CachedVectors | undefined>;
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
}

/**
 * Step 3: a vector for every chunk, embedding only the texts the previous version's cache does
 * not have (a re-ingest of an unchanged corpus makes no embedding call). What is embedded is the
 * chunk's contextual text (title › heading path + passage), keyed by embedder and text.
 */
export async function embedChunks(chunks: readonly Chunk[], options: EmbedChunksOptions): Promise<EmbeddedChunks> {
  const namespace = cacheNamespace(options.identity());
  const cache = EmbeddingCache.of(await options.readCache(namespace));
  const keys = chunks.map((chunk) => cacheKey(namespace, contextualText(chunk)));
  const textByKey = new Map<string, string>();
  chunks.forEach((chunk, i) => textByKey.set(keys[i] as string, contextualText(chunk)));
  const embedded = await embedMissing({
    textByKey,
    cache,
    embeddings: options.embeddings,
    batchSize: options.batchSize,
    ...(options.signal ? { signal: options.signal } : {}),
    onBatch: (done, total, batch, batches) => options.onProgress?.({ phase: "embed", done, total, message: `batch ${batch}/${batches}` }),
  });
  const reported = options.identity().dimensions;
  if (reported > 0 && reported !== embedded.dimensions) {
    throw new UpstreamFailed(`the embedder produced ${embedded.dimensions}-dimensional vectors but reports ${reported}`);
  }
  return {
    identity: { ...options.identity(), dimensions: embedded.dimensions },
    namespace,
    chunkVectors: keys.map((key) => embedded.vectors.get(key) as Float32Array),
    entries: embedded.vectors,
    cachedChunks: keys.filter((key) => cache.get(key) !== undefined).length,
    calls: embedded.calls,
  };
}
