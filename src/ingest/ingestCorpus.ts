import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { CHUNKER_VERSION } from "../chunking/index.js";
import { FileVersionWriter } from "../index/FileVersionWriter.js";
import { INDEX_FORMAT_VERSION, type IndexManifest } from "../index/types.js";
import type { WrittenVersion } from "../index/VersionWriter.js";
import { buildLexicon } from "./buildLexicon.js";
import { chunkCorpus, sizeHint, type ChunkedCorpus } from "./chunkCorpus.js";
import { embedChunks, type EmbeddedChunks } from "./embedChunks.js";
import type { IngestOptions, IngestSummary } from "./types.js";

export type { IngestOptions } from "./types.js";

const WRITE_STEPS = 5;

/**
 * Corpus folder → a new index version, made live atomically, in five named steps:
 * load the corpus → chunk it → embed what the cache lacks → write the version → flip the pointer
 * (publish). Whatever goes wrong before the flip — an error, an abort, a kill — the previous
 * version stays live and the unfinished one is removed (by this run, or by the next one if the
 * process died). Where versions go is the writer's business (VersionWriter; files by default).
 */
export async function ingestCorpus(options: IngestOptions): Promise<IngestSummary> {
  const now = options.now ?? (() => new Date());
  const started = performance.now();
  const { signal, onProgress } = options;
  const writer =
    options.writer ?? new FileVersionWriter(options.indexDir, { now, ...(options.writeFile ? { writeFile: options.writeFile } : {}) });
  signal?.throwIfAborted();

  const corpus = await chunkCorpus(options.corpusDir, options.maxFileBytes, onProgress);
  signal?.throwIfAborted();

  const size = () => sizeHint(corpus, options.identity().dimensions);
  let release: () => Promise<void>;
  try {
    release = await writer.lock();
  } catch (error) {
    throw await writer.explainFailure(error, size(), false);
  }
  let written: WrittenVersion | undefined;
  let writing = false;
  try {
    const embedded = await embedChunks(corpus.chunks, {
      embeddings: options.embeddings,
      identity: options.identity,
      batchSize: options.batchSize,
      readCache: (namespace) => writer.readCachedVectors(namespace),
      ...(signal ? { signal } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
    signal?.throwIfAborted();

    writing = true;
    let step = 0;
    const lexicon = buildLexicon(embedded.lexical.vocabulary, await writer.readLexicon?.(), embedded.termTable.terms);
    written = await writer.write({ ...versionContents(corpus, embedded, options.embeddings, now), lexicon }, (label) => {
      signal?.throwIfAborted();
      onProgress?.({ phase: "write", done: step++, total: WRITE_STEPS, message: label });
    });
    signal?.throwIfAborted();
    // The point of no return: from here on the new version is live.
    await writer.publish(written);
    onProgress?.({ phase: "write", done: WRITE_STEPS, total: WRITE_STEPS, message: "swapped in" });
    return summarize(options, corpus, embedded, written, started);
  } catch (error) {
    if (written !== undefined) await writer.discard(written);
    throw await writer.explainFailure(error, size(), writing);
  } finally {
    await release();
  }
}

function versionContents(corpus: ChunkedCorpus, embedded: EmbeddedChunks, embeddings: EmbeddingsInterface, now: () => Date) {
  const manifest: Omit<IndexManifest, "artifacts" | "vectors"> = {
    formatVersion: INDEX_FORMAT_VERSION,
    createdAt: now().toISOString(),
    embedder: embedded.identity,
    chunkerVersion: CHUNKER_VERSION,
    files: corpus.files,
    counts: {
      documents: corpus.documents.length,
      sections: corpus.documents.reduce((sum, doc) => sum + doc.outline.length, 0),
      chunks: corpus.chunks.length,
      resources: corpus.resources.length,
      notes: corpus.documents.filter((doc) => doc.kind !== "roadmap").length,
    },
  };
  return {
    manifest,
    documents: corpus.documents,
    chunks: corpus.chunks,
    resources: corpus.resources,
    chunkVectors: embedded.chunkVectors,
    cache: { namespace: embedded.namespace, entries: embedded.entries },
    embeddings,
    lexical: embedded.lexical,
    termTable: embedded.termTable,
  };
}

function summarize(
  options: IngestOptions,
  corpus: ChunkedCorpus,
  embedded: EmbeddedChunks,
  written: WrittenVersion,
  started: number,
): IngestSummary {
  const { counts } = written.manifest;
  return {
    indexDir: options.writer?.location ?? options.indexDir,
    versionDir: written.location,
    documents: counts.documents,
    sections: counts.sections,
    chunks: counts.chunks,
    resources: counts.resources,
    notes: counts.notes,
    embeddedChunks: counts.chunks - embedded.cachedChunks,
    cachedChunks: embedded.cachedChunks,
    embeddingCalls: embedded.calls,
    skipped: corpus.skipped,
    warnings: corpus.warnings,
    seconds: (performance.now() - started) / 1000,
  };
}
