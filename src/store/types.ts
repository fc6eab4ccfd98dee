import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument, Resource } from "../corpus/types.js";
import type { IndexLexicon, IndexManifest, LexicalHit } from "../index/types.js";
import type { VersionWriter } from "../index/VersionWriter.js";
import type { TermTable } from "../text/termTable.js";

export type { IndexManifest, LexicalHit } from "../index/types.js";

/** The manifest as every store keeps it: the file layout's own fields are optional. */
export type StoreManifest = Omit<IndexManifest, "artifacts" | "vectors"> & Partial<Pick<IndexManifest, "artifacts" | "vectors">>;

/**
 * The store seam: what retrieval and the HTTP read routes need from one version of the index,
 * whichever store holds it (the embedded HNSW + lexical files, or PostgreSQL + pgvector).
 * Nothing outside src/index and src/store knows which store runs.
 *
 * A snapshot is immutable: a reindex produces a new one, and a request keeps the snapshot it
 * started with, so a flip never changes the index under a running request. The read model
 * (documents with their outlines, chunks, resources, manifest) is held in memory by every
 * replica; dense and lexical search go to the store (hnswlib in-process, or SQL).
 */
export interface IndexSnapshot {
  /** Which store serves this snapshot. */
  store: "file" | "postgres";
  /** The version's name: its directory name (file store) or its version id (Postgres). */
  version: string;
  /**
   * What the version holds and how it was built. The file layout's own parts (`artifacts`: file
   * sizes, `vectors`: which vector file) belong to the file store and are absent elsewhere.
   */
  manifest: StoreManifest;
  /** Every document, each with its outline (`outline`: sections in reading order). */
  documents: CorpusDocument[];
  /** Every chunk, in index order. */
  chunks: Chunk[];
  chunkById: ReadonlyMap<string, Chunk>;
  resources: Resource[];
  /** Set when the live version was damaged and an older intact one is served instead: why. */
  fallbackFrom?: string;
  /**
   * The CC-CEDICT entries this version's words need, when the store keeps them (file store:
   * lexicon.json), with jieba's general idf and the pinyin readings of its words. Without it
   * retrieval falls back to the whole dictionary and reads the words' pinyin (a slower start), and
   * scans jieba's idf table on the first off-field question.
   */
  lexicon?: IndexLexicon;
  /**
   * Each chunk's distinct search tokens, when the store keeps them (file store: terms.json +
   * terms.bin, written at ingest). Without it term statistics tokenize every chunk at load.
   */
  termTable?: TermTable;
  /** The query vector, by the embedder the version was built with (a size mismatch fails clearly). */
  embedQuery(text: string): Promise<ArrayLike<number>>;
  /** Dense k-NN by cosine: the k chunks nearest to `vector` (as embedQuery gives it), most similar first. */
  nearest(vector: ArrayLike<number>, k: number, filter?: ChunkFilter): Promise<DenseHit[]>;
  /**
   * nearest(await embedQuery(text), k, filter) in one step, when the store can embed and search
   * without handing the vector out (the embedded sparse store: the vector is made in a buffer of
   * its own and searched at once, not allocated per question). The same hits.
   */
  nearestToText?(text: string, k: number, filter?: ChunkFilter): Promise<DenseHit[]>;
  /** Lexical (BM25) search over the same Chinese-aware tokens (src/text/tokenize.ts), best first. */
  lexicalSearch(query: string, k: number, filter?: ChunkFilter): Promise<LexicalHit[]>;
}

/**
 * Which chunks a search may return. Tags and document paths are resolved to document ids by
 * retrieval (src/retrieval/filters.ts) over the read model, so a store filters by id only.
 */
export interface ChunkFilter {
  documentIds?: ReadonlySet<string>;
}

export interface DenseHit {
  chunkId: string;
  /** Cosine similarity, 1 = same direction. */
  similarity: number;
}

/** Something that holds the live snapshot of a process (requests read it once). */
export interface SnapshotSource {
  /** The live snapshot; IndexNotReady when none is loaded. */
  current(): IndexSnapshot;
  tryCurrent(): IndexSnapshot | undefined;
}

/**
 * Where index versions live and how a process follows them: the file store (default) or
 * PostgreSQL. Chosen once, from config, by openStore (src/store/openStore.ts). Ingest
 * (src/ingest) writes through the store's VersionWriter.
 */
export interface IndexStore {
  readonly kind: IndexSnapshot["store"];
  /** Where an ingest writes its version; undefined: the file writer ingest uses by default. */
  writer(): VersionWriter | undefined;
  /** Whether a version is live (false on a fresh database: `npm start` then builds one). */
  hasLiveVersion(): Promise<boolean>;
  /** Load the live version. */
  load(): Promise<IndexSnapshot>;
  /**
   * Call `onChange` when another process may have made a new version live (with that version
   * when the store knows it, so the caller can skip the one it already serves); returns stop().
   */
  follow(onChange: (version?: string) => void, onError?: (error: unknown) => void): () => void;
  /** Release connections (the file store holds none). */
  close(): Promise<void>;
}
