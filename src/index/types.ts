import type { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument, Resource } from "../corpus/types.js";
import type { EmbedderIdentity } from "../embeddings/types.js";

/** 2: lexical.bin postings, label-only docstore, embedding cache read from hnswlib.index. */
export const INDEX_FORMAT_VERSION = 2;

/** manifest.json of one index version. */
export interface IndexManifest {
  formatVersion: typeof INDEX_FORMAT_VERSION;
  createdAt: string;
  embedder: EmbedderIdentity;
  chunkerVersion: string;
  /** Per source file: sha256 of its bytes and how many chunks it produced. */
  files: Record<string, { contentHash: string; chunks: number }>;
  counts: { documents: number; sections: number; chunks: number; resources: number; notes: number };
  /** Byte size of every file of the version (paths relative to it), checked on load to catch truncated files. */
  artifacts?: Record<string, number>;
}

/** A lexical (BM25) hit: chunk id and its score (higher is better, unbounded). */
export interface LexicalHit {
  chunkId: string;
  score: number;
  /** Distinct query terms that matched this chunk. */
  matchedTerms: string[];
}

export interface LexicalSearch {
  search(query: string, k: number): LexicalHit[];
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
  vectorStore: HNSWLib;
  lexical: LexicalSearch;
  embeddings: EmbeddingsInterface;
  /** Set when CURRENT's version was damaged and this older intact version was loaded instead: why. */
  fallbackFrom?: string;
}
