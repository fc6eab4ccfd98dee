import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument, Resource } from "../corpus/types.js";
import type { LexicalIndex } from "./LexicalIndex.js";
import type { TermTableBlocks } from "../text/termTable.js";
import type { IndexManifest, LexiconFile } from "./types.js";

/**
 * Where an ingest writes index versions: the seam between the ingest pipeline (src/ingest/) and a
 * store. The file store (FileVersionWriter: versioned folders, CURRENT pointer) is the default;
 * another store (Postgres) implements the same five steps. The contract every writer keeps:
 * a written version is invisible until publish(), only one ingest writes at a time, and a
 * failure before publish() leaves the live version as it was.
 */
export interface VersionWriter {
  /** Where versions go, for summaries and messages (a folder, a database). */
  readonly location: string;
  /** The exclusive right to write (one ingest at a time, across processes); resolves to its release. */
  lock(): Promise<() => Promise<void>>;
  /** The live version's vectors for `namespace`, reused so a re-ingest embeds only what changed. */
  readCachedVectors(namespace: string): Promise<CachedVectors | undefined>;
  /** The live version's lexicon, reused when the corpus has no new words (optional: without it the next ingest rebuilds it). */
  readLexicon?(): Promise<LexiconFile | undefined>;
  /** Write a complete version that is not live yet; `step` is called between parts (abort, progress). */
  write(contents: VersionContents, step: (label: string) => void): Promise<WrittenVersion>;
  /** Make the version live (the point of no return) and drop versions no longer needed. */
  publish(version: WrittenVersion): Promise<void>;
  /** Remove a version that was written but never published (after an error or an abort). */
  discard(version: WrittenVersion): Promise<void>;
  /** A store-specific reading of a failure (a full disk), or the error unchanged. */
  explainFailure(error: unknown, size: VersionSizeHint, whileWriting: boolean): Promise<unknown>;
}

export interface WrittenVersion {
  name: string;
  /** Where it is, e.g. its folder. */
  location: string;
  manifest: IndexManifest;
}

/** What a version holds, as the ingest pipeline produced it. */
export interface VersionContents {
  /** The manifest but what only writing decides (the vector index kind, file sizes). */
  manifest: Omit<IndexManifest, "artifacts" | "vectors">;
  documents: CorpusDocument[];
  chunks: Chunk[];
  resources: Resource[];
  /** One vector per chunk, in chunk order. */
  chunkVectors: Float32Array[];
  /** The embedding cache to store: key → vector, for exactly the chunks of this version. */
  cache: { namespace: string; entries: ReadonlyMap<string, Float32Array> };
  embeddings: EmbeddingsInterface;
  /** The BM25 index when the ingest already built it (from the tokens it had anyway); else built from the chunks. */
  lexical?: LexicalIndex;
  /** Term statistics' table when the ingest already built it; else built from the chunks. */
  termTable?: TermTableBlocks;
  /** CC-CEDICT entries the corpus needs, stored so that loading never parses the whole dictionary. */
  lexicon?: LexiconFile;
}

/** Vectors a previous version stored, by cache key: keys[i]'s vector is vectorAt(i) (a fresh array). */
export interface CachedVectors {
  dimensions: number;
  keys: readonly string[];
  vectorAt: (slot: number) => Float32Array;
}

/** Enough to estimate how much room a version needs, before it is built. */
export interface VersionSizeHint {
  chunks: number;
  /** 0 when not known yet (a remote model before its first answer). */
  dimensions: number;
  chunkTextBytes: number;
  documentBytes: number;
}
