import { chunkDocument } from "../chunking/index.js";
import type { Chunk } from "../chunking/types.js";
import { buildResources, loadCorpus } from "../corpus/index.js";
import type { CorpusDocument, CorpusWarning, Resource, SkippedFile } from "../corpus/types.js";
import { BadInput } from "../errors.js";
import type { IndexManifest } from "../index/types.js";
import type { VersionSizeHint } from "../index/VersionWriter.js";
import type { IngestProgress } from "./types.js";

/** The corpus as the next steps need it: documents, their chunks and resources, per-file provenance. */
export interface ChunkedCorpus {
  documents: CorpusDocument[];
  chunks: Chunk[];
  resources: Resource[];
  files: IndexManifest["files"];
  skipped: SkippedFile[];
  warnings: CorpusWarning[];
}

/** Steps 1 and 2: load and clean the corpus folder, then cut every document into chunks. */
export async function chunkCorpus(
  corpusDir: string,
  maxFileBytes: number,
  onProgress?: (progress: IngestProgress) => void,
): Promise<ChunkedCorpus> {
  const corpus = await loadCorpus(corpusDir, {
    maxFileBytes,
    onProgress: (done, total, source) => onProgress?.({ phase: "load", done, total, message: source }),
  });
  const chunks: Chunk[] = [];
  const resources: Resource[] = [];
  const files: IndexManifest["files"] = {};
  for (const [i, doc] of corpus.documents.entries()) {
    const docChunks = chunkDocument(doc);
    chunks.push(...docChunks);
    resources.push(...buildResources(doc));
    files[doc.source] = { contentHash: doc.contentHash, chunks: docChunks.length };
    onProgress?.({ phase: "chunk", done: i + 1, total: corpus.documents.length, message: doc.source });
  }
  if (chunks.length === 0) throw new BadInput(`The corpus folder ${corpusDir} has no text to index.`);
  return { documents: corpus.documents, chunks, resources, files, skipped: corpus.skipped, warnings: corpus.warnings };
}

/** How big the version will be, before it is built (for "disk full" messages). */
export function sizeHint(corpus: ChunkedCorpus, dimensions: number): VersionSizeHint {
  return {
    chunks: corpus.chunks.length,
    dimensions,
    chunkTextBytes: corpus.chunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk.text), 0),
    documentBytes: corpus.documents.reduce((sum, doc) => sum + Buffer.byteLength(doc.text), 0),
  };
}
