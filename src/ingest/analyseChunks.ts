import { contextLine, contextualText } from "../chunking/index.js";
import type { Chunk } from "../chunking/types.js";
import type { TokenAwareEmbedder } from "../embeddings/types.js";
import { LexicalIndex } from "../index/LexicalIndex.js";
import { PostingsBuilder } from "../index/lexicalPostings.js";
import { TermTableBuilder, type TermTableBlocks } from "../text/termTable.js";
import { TokenIds } from "../text/tokenIds.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import type { IngestProgress } from "./types.js";

export interface AnalysedChunks {
  lexical: LexicalIndex;
  /** Each chunk's distinct tokens for term statistics, from the same tokens (stored so serving never re-tokenizes). */
  termTable: TermTableBlocks;
  /** Vectors made here (token-aware embedder only), by cache key. */
  vectors: Map<string, Float32Array>;
  /** Batches of `batchSize` texts embedded here, counted like embedding calls. */
  batches: number;
}

export interface AnalyseOptions {
  keys: readonly string[];
  /** The local embedder, when it is the one configured: it reuses the tokens. */
  embedder?: TokenAwareEmbedder;
  /** Whether a key still needs a vector (not in the cache). */
  needsVector: (key: string) => boolean;
  batchSize: number;
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
}

/** Chunks between yields to the event loop (a server rebuilding in-process keeps answering). */
const YIELD_EVERY = 256;

/**
 * Step 3a: tokenize every chunk's contextual text once, for every consumer of the tokens: the
 * BM25 postings (built chunk by chunk, so no chunk's token list outlives its turn), the term
 * table of term statistics (heading path + text) and, when the local embedder is configured,
 * its vector. The text is tokenized once and its context line and heading path apart: the
 * tokenizer cuts at lines and whitespace, so the parts joined are the tokens of the whole. Tokenizing (jieba) is most of what both cost; doing it
 * once instead of twice (and not again in the lexical write step) is the largest ingest saving
 * after the HNSW build.
 */
export async function analyseChunks(chunks: readonly Chunk[], options: AnalyseOptions): Promise<AnalysedChunks> {
  // One vocabulary for both builders: each token is looked up once, then counted by id.
  const vocabulary = new TokenIds();
  const builder = new PostingsBuilder(vocabulary);
  const terms = new TermTableBuilder(vocabulary);
  const embed = options.embedder?.corpusEmbedder(vocabulary);
  const vectors = new Map<string, Float32Array>();
  let textIds: Uint32Array = new Uint32Array(256);
  let headingIds: Uint32Array = new Uint32Array(64);
  let embedded = 0;
  for (const [i, chunk] of chunks.entries()) {
    const text = contextualText(chunk);
    const tokens = tokenizeForSearch(text);
    textIds = vocabulary.idsOf(tokens, textIds);
    builder.addIds(textIds, tokens.length);
    // Term statistics count the heading path and the text (chunkTermParts). contextualText is
    // the context line, a line break, the text, and the tokenizer cuts at line breaks, so the
    // text's tokens are those after the context line's (a short text, so remembered, not re-cut).
    const headingTokens = tokenizeForSearch(chunk.headingPath.join(" "));
    headingIds = vocabulary.idsOf(headingTokens, headingIds);
    terms.addIds(headingIds, headingTokens.length, textIds, tokenizeForSearch(contextLine(chunk)).length, tokens.length);
    const key = options.keys[i]!;
    if (embed && !vectors.has(key) && options.needsVector(key)) {
      vectors.set(key, embed(text, textIds, tokens.length));
      embedded++;
    }
    if (i % YIELD_EVERY === YIELD_EVERY - 1) {
      options.signal?.throwIfAborted();
      options.onProgress?.({ phase: "embed", done: i + 1, total: chunks.length, message: "tokenize + embed" });
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const lexical = LexicalIndex.fromBuilder(
    builder,
    chunks.map((chunk) => chunk.id),
  );
  return { lexical, termTable: terms.blocks(), vectors, batches: Math.ceil(embedded / Math.max(1, options.batchSize)) };
}
