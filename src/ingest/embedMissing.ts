import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { UpstreamFailed } from "../errors.js";
import { EmbeddingCache } from "./embeddingCache.js";

export interface EmbedMissingOptions {
  /** Cache key → text to embed; identical texts share a key and are embedded once. */
  textByKey: ReadonlyMap<string, string>;
  cache: EmbeddingCache;
  embeddings: EmbeddingsInterface;
  batchSize: number;
  signal?: AbortSignal;
  onBatch?: (doneTexts: number, totalTexts: number, batch: number, batches: number) => void;
}

export interface EmbeddedVectors {
  /** A vector for every key (cached views and new vectors), in textByKey's order. */
  vectors: Map<string, Float32Array>;
  /** embedDocuments calls made (one per batch). */
  calls: number;
  dimensions: number;
}

/** Vectors for every text: from the cache when present, otherwise embedded in batches. */
export async function embedMissing(options: EmbedMissingOptions): Promise<EmbeddedVectors> {
  const { textByKey, cache, batchSize } = options;
  const missing = [...textByKey.keys()].filter((key) => cache.get(key) === undefined);
  const fresh = new Map<string, Float32Array>();
  const batches = Math.ceil(missing.length / batchSize);
  let dimensions = missing.length < textByKey.size ? cache.dimensions : 0;
  let calls = 0;
  options.onBatch?.(0, missing.length, 0, batches);

  for (let start = 0; start < missing.length; start += batchSize) {
    options.signal?.throwIfAborted();
    const keys = missing.slice(start, start + batchSize);
    const texts = keys.map((key) => textByKey.get(key) as string);
    calls++;
    const vectors = await abortable(options.embeddings.embedDocuments(texts), options.signal);
    if (vectors.length !== texts.length)
      throw new UpstreamFailed(`the embedder returned ${vectors.length} vectors for ${texts.length} texts`);
    for (const [i, vector] of vectors.entries()) {
      if (dimensions === 0) dimensions = vector.length;
      if (vector.length !== dimensions) {
        if (fresh.size === 0 && i === 0 && cache.size > 0) {
          // The model behind the same name now makes vectors of another size: the cache is stale.
          return embedMissing({ ...options, cache: EmbeddingCache.empty() });
        }
        throw new UpstreamFailed(`the embedder returned vectors of ${vector.length} and ${dimensions} dimensions`);
      }
      fresh.set(keys[i] as string, Float32Array.from(vector));
    }
    options.onBatch?.(Math.min(start + batchSize, missing.length), missing.length, calls, batches);
  }

  const all = new Map<string, Float32Array>();
  for (const key of textByKey.keys()) all.set(key, fresh.get(key) ?? (cache.get(key) as Float32Array));
  return { vectors: all, calls, dimensions };
}

/** Reject as soon as the signal fires, even if the embedder (which takes no signal) is still working. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
