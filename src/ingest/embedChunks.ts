import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { contextualText } from "../chunking/index.js";
import type { Chunk } from "../chunking/types.js";
import { isTokenAware, type EmbedderIdentity } from "../embeddings/types.js";
import { UpstreamFailed } from "../errors.js";
import { cacheKey, cacheNamespace, EmbeddingCache } from "./embeddingCache.js";
import { embedMissing } from "./embedMissing.js";
import type { IngestProgress } from "./types.js";
import type { LexicalIndex } from "../index/LexicalIndex.js";
import type { CachedVectors } from "../index/VersionWriter.js";
import type { TermTableBlocks } from "../text/termTable.js";
import { analyseChunks } from "./analyseChunks.js";

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
  /** BM25 index, built from the same tokens. */
  lexical: LexicalIndex;
  /** Term statistics' table, from the same tokens. */
  termTable: TermTableBlocks;
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
 * Step 3: a vector for every chunk (and, from the same tokens, the BM25 index), embedding only the texts the previous version's cache does
 * not have (a re-ingest of an unchanged corpus makes no embedding call). What is embedded is the
 * chunk's contextual text (title › heading path + passage), keyed by embedder and text.
 */
export async function embedChunks(chunks: readonly Chunk[], options: EmbedChunksOptions): Promise<EmbeddedChunks> {
  const namespace = cacheNamespace(options.identity());
  const stored = EmbeddingCache.of(await options.readCache(namespace));
  const keys = chunks.map((chunk) => cacheKey(namespace, contextualText(chunk)));
  const analysed = await analyseChunks(chunks, {
    keys,
    ...(isTokenAware(options.embeddings) ? { embedder: options.embeddings } : {}),
    needsVector: (key) => !stored.has(key),
    batchSize: options.batchSize,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  // What the analysis embedded counts as cached for the remote path below: nothing is left for a local embedder.
  const cache = stored.with(analysed.vectors);
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
  const dimensions = embedded.dimensions || cache.dimensions;
  const reported = options.identity().dimensions;
  if (reported > 0 && reported !== dimensions) {
    throw new UpstreamFailed(`the embedder produced ${dimensions}-dimensional vectors but reports ${reported}`);
  }
  return {
    identity: { ...options.identity(), dimensions },
    namespace,
    chunkVectors: keys.map((key) => embedded.vectors.get(key) as Float32Array),
    entries: embedded.vectors,
    cachedChunks: keys.filter((key) => stored.has(key)).length,
    calls: embedded.calls + analysed.batches,
    lexical: analysed.lexical,
    termTable: analysed.termTable,
  };
}
