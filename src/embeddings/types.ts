import type { TokenIds } from "../text/tokenIds.js";

/**
 * An embedder whose features are the search tokens (the local hashed one): given the tokens an
 * ingest already has for the BM25 index, it skips tokenizing the text a second time.
 */
export interface TokenAwareEmbedder {
  /** Same vector as embedding `text`, where `tokens` is tokenizeForSearch(text). */
  embedTokenized(text: string, tokens: readonly string[]): Float32Array;
  /**
   * embedTokenized for the chunks of one ingest, given the ids `vocabulary` gave their tokens (the
   * first `count` of `tokenIds`): what the embedder works out per token is then worked out once per
   * corpus. The same vectors.
   */
  corpusEmbedder(vocabulary: TokenIds): (text: string, tokenIds: Uint32Array, count: number) => Float32Array;
  /**
   * embedQuery's vector as the Float32Array it is made as (embedQuery copies it into a number[]);
   * written into `into` when given and of the embedder's size, for a caller that reads it at once
   * and reuses one buffer (a question's vector searched in the same synchronous step).
   */
  embedText(text: string, into?: Float32Array): Float32Array;
}

export function isTokenAware(embeddings: object): embeddings is TokenAwareEmbedder {
  return typeof (embeddings as Partial<TokenAwareEmbedder>).embedTokenized === "function";
}

/** Which embedder produced an index's vectors; an index is only searched with the same one. */
export interface EmbedderIdentity {
  provider: "local" | "openai";
  model: string;
  dimensions: number;
}
