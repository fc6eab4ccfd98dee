import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { CorpusWarning, SkippedFile } from "../corpus/types.js";
import type { EmbedderIdentity } from "../embeddings/types.js";
import type { VersionWriter } from "../index/VersionWriter.js";
import type { WriteVersionFile } from "../index/writeIndexVersion.js";

export interface IngestOptions {
  corpusDir: string;
  /** The file store's folder (INDEX_DIR); versions are written there unless `writer` says otherwise. */
  indexDir: string;
  /** Where the version is written; default: the file store in indexDir (FileVersionWriter). */
  writer?: VersionWriter;
  embeddings: EmbeddingsInterface;
  /** The embedder's identity (a function: a remote model's size is known only after its first answer). */
  identity: () => EmbedderIdentity;
  maxFileBytes: number;
  /** Chunks per embedding call. */
  batchSize: number;
  /** Aborting stops at the next step, removes the unfinished version and rejects with the signal's reason. */
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
  /** Clock for version names and timing (tests). */
  now?: () => Date;
  /** Writes the file store's files (default: durable writes); tests inject a full disk here. */
  writeFile?: WriteVersionFile;
}

export interface IngestProgress {
  phase: "load" | "chunk" | "embed" | "write";
  done: number;
  total: number;
  message?: string;
}

export interface IngestSummary {
  indexDir: string;
  versionDir: string;
  documents: number;
  sections: number;
  chunks: number;
  resources: number;
  notes: number;
  embeddedChunks: number;
  cachedChunks: number;
  embeddingCalls: number;
  skipped: SkippedFile[];
  warnings: CorpusWarning[];
  seconds: number;
}
