import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument, Resource } from "../corpus/types.js";
import type { EmbedderIdentity } from "../embeddings/types.js";

import type { GeneralIdfTable } from "../text/generalIdf.js";
import type { TermTable } from "../text/termTable.js";
import type { SparseVectorHeader } from "./SparseVectorIndex.js";

/**
 * 2: lexical.bin postings, label-only docstore, embedding cache read from hnswlib.index.
 * 3: sparse vectors (the local embedder's) in vectors.bin, searched exactly; HNSW only for dense ones.
 * 4: terms.json + terms.bin, each chunk's distinct tokens for term statistics (read, not re-tokenized, at load).
 * 5: documents carry the platform their editor's marks tell (metadata.platform), which cleaning cuts
 *    out of the text: an index of format 4 would not know "the CSDN one", so it is rebuilt.
 * 6: the platform also from a generator's front-matter scaffold ("hexo"): a format-5 index would not
 *    know "the Hexo blog".
 * 7: a numbered list before a document's first heading is part of its outline (corpus/leadingList.ts):
 *    a format-6 index has that list as one preamble passage and no stages for it.
 * 8: documents carry their card (corpus/documentCard.ts: the front matter's and byline's facts with
 *    their lines): a format-7 index could not cite "date: 2024-09-05" or know a post names no author.
 */
export const INDEX_FORMAT_VERSION = 8;

/** Which vector index a version has (manifest.json "vectors"). */
export type VectorIndexDescriptor = SparseVectorHeader | { kind: "hnsw"; m: number; efConstruction: number };

/** manifest.json of one index version. */
export interface IndexManifest {
  formatVersion: typeof INDEX_FORMAT_VERSION;
  createdAt: string;
  embedder: EmbedderIdentity;
  chunkerVersion: string;
  /** Per source file: sha256 of its bytes and how many chunks it produced. */
  files: Record<string, { contentHash: string; chunks: number }>;
  counts: { documents: number; sections: number; chunks: number; resources: number; notes: number };
  vectors: VectorIndexDescriptor;
  /** Byte size of every file of the version (paths relative to it), checked on load to catch truncated files. */
  artifacts?: Record<string, number>;
}

/** What retrieval needs from CC-CEDICT for one corpus: glosses of its Chinese words, and the English words glosses use. */
export interface IndexLexicon {
  glosses: ReadonlyMap<string, readonly string[]>;
  englishWords: ReadonlySet<string>;
  /** jieba's general-language idf of the corpus's words (text/generalIdf.ts); absent in a version written before it. */
  generalIdf?: { median: number; idf: ReadonlyMap<string, number> };
  /** The toneless readings of the corpus's 2–4-character Han words (text/hanSounds.ts); absent in a version written before them. */
  sounds?: ReadonlyMap<string, readonly string[]>;
}

/** lexicon.json of a version. */
export interface LexiconFile {
  glosses: Record<string, string[]>;
  englishWords: string[];
  /** Every word looked up (with or without an entry), so the next ingest parses CC-CEDICT only for new words. */
  looked?: string[];
  /** The term table's words' idf in jieba's general table, and its median (generalIdfTable). */
  generalIdf?: GeneralIdfTable;
  /** soundsOf of the term table's 2–4-character Han words, for the typo corrector (soundsTable). */
  sounds?: Record<string, string[]>;
}

/** A lexical (BM25) hit: chunk id and its score (higher is better, unbounded). */
export interface LexicalHit {
  chunkId: string;
  score: number;
  /** Distinct query terms that matched this chunk. */
  matchedTerms: string[];
}

export interface LexicalSearch {
  /** The k best chunks, best first; with `accept`, the k best of the chunks it accepts. */
  search(query: string, k: number, accept?: (chunkId: string) => boolean): LexicalHit[];
}

/** A stored vector's entry: the chunk it stands for is `metadata.chunkId`. */
export interface StoredVectorDocument {
  pageContent: string;
  metadata: Record<string, unknown>;
  id?: string | undefined;
}

/**
 * What serving asks of a vector index: LangChain's VectorStore method of that name (HNSWLib is
 * used as it is), without requiring the whole VectorStore class, whose module graph (runnables,
 * callbacks, langsmith: ~350 modules) the exact sparse index does not need at start-up.
 * Results are [entry, cosine distance], nearest first.
 */
export interface DenseVectorSearch {
  similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: (doc: StoredVectorDocument) => boolean,
  ): Promise<[StoredVectorDocument, number][]>;
}

/** Everything the server needs from one index version, loaded and validated. */
export interface LoadedIndex {
  /** The version directory that was loaded. */
  dir: string;
  manifest: IndexManifest;
  documents: CorpusDocument[];
  chunks: Chunk[];
  chunkById: Map<string, Chunk>;
  resources: Resource[];
  /** HNSWLib for dense vectors, SparseVectorStore (exact) for sparse ones. */
  vectorStore: DenseVectorSearch;
  lexical: LexicalSearch;
  /** Each chunk's distinct search tokens (terms.json + terms.bin), for term statistics. */
  termTable: TermTable;
  embeddings: EmbeddingsInterface;
  /** The CC-CEDICT entries this version's words need (lexicon.json), so serving never parses the 11 MB dictionary. */
  lexicon?: IndexLexicon;
  /** Set when CURRENT's version was damaged and this older intact version was loaded instead: why. */
  fallbackFrom?: string;
}
