import type { Config } from "../config.js";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { CHUNKER_VERSION, chunkDocument, contextualText } from "../chunking/index.js";
import type { Chunk } from "../chunking/types.js";
import { buildResources, loadCorpus } from "../corpus/index.js";
import type { Resource } from "../corpus/types.js";
import { BadInput, isTutorError, UpstreamFailed } from "../errors.js";
import { cacheKey, cacheNamespace, EmbeddingCache } from "./embeddingCache.js";
import { embedMissing } from "./embedMissing.js";
import { newVersionName, readPointer, removeOtherVersions, writePointer } from "./indexLayout.js";
import { acquireIngestLock } from "./ingestLock.js";
import { INDEX_FORMAT_VERSION, type EmbedderIdentity, type IndexManifest, type IngestProgress, type IngestSummary } from "./types.js";
import { estimateVersionBytes, freeBytes, IndexDiskFull, isDiskFullError } from "./diskSpace.js";
import { writeIndexVersion, type WriteVersionFile } from "./writeIndexVersion.js";

export interface IngestOptions {
  corpusDir: string;
  indexDir: string;
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
  /** Writes the version's files (default: durable writes); tests inject a full disk here. */
  writeFile?: WriteVersionFile;
}

/** The ingest options a configuration implies, for a given embedder (from createEmbeddings). */
export function ingestOptionsFromConfig(
  config: Config,
  embedder: { embeddings: EmbeddingsInterface; identity: () => EmbedderIdentity },
): IngestOptions {
  return {
    corpusDir: config.CORPUS_DIR,
    indexDir: config.INDEX_DIR,
    embeddings: embedder.embeddings,
    identity: embedder.identity,
    maxFileBytes: config.MAX_FILE_BYTES,
    batchSize: config.EMBEDDING_BATCH_SIZE,
  };
}

/**
 * Corpus folder → a new index version, swapped in atomically:
 * load and clean the documents, chunk them, embed only the chunks the previous version's cache
 * does not have, write every file of the new version, then point CURRENT at it and remove old
 * versions (the live one and the one before it stay). Whatever goes wrong before the swap — an
 * error, an abort, a kill — the previous version stays live and the unfinished one is removed
 * (by this run, or by the next one if the process died).
 */
export async function ingestCorpus(options: IngestOptions): Promise<IngestSummary> {
  const now = options.now ?? (() => new Date());
  const started = performance.now();
  const { signal, onProgress } = options;
  signal?.throwIfAborted();

  const corpus = await loadCorpus(options.corpusDir, {
    maxFileBytes: options.maxFileBytes,
    onProgress: (done, total, source) => onProgress?.({ phase: "load", done, total, message: source }),
  });
  signal?.throwIfAborted();

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
  if (chunks.length === 0) throw new BadInput(`The corpus folder ${options.corpusDir} has no text to index.`);

  const needed = (dimensions: number) =>
    estimateVersionBytes({
      chunks: chunks.length,
      dimensions: dimensions > 0 ? dimensions : 1024,
      chunkTextBytes: chunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk.text), 0),
      documentBytes: corpus.documents.reduce((sum, doc) => sum + Buffer.byteLength(doc.text), 0),
    });
  let release: () => Promise<void>;
  try {
    await mkdir(options.indexDir, { recursive: true });
    release = await acquireIngestLock(options.indexDir);
  } catch (error) {
    throw await asDiskFull(error, options.indexDir, needed(options.identity().dimensions), false);
  }
  let versionDir: string | undefined;
  try {
    const previous = await readPointer(options.indexDir);
    const namespace = cacheNamespace(options.identity());
    const cache = previous ? await EmbeddingCache.read(path.join(options.indexDir, previous), namespace) : EmbeddingCache.empty();

    const keys = chunks.map((chunk) => cacheKey(namespace, contextualText(chunk)));
    const textByKey = new Map<string, string>();
    chunks.forEach((chunk, i) => textByKey.set(keys[i] as string, contextualText(chunk)));
    const embedded = await embedMissing({
      textByKey,
      cache,
      embeddings: options.embeddings,
      batchSize: options.batchSize,
      ...(signal ? { signal } : {}),
      onBatch: (done, total, batch, batches) => onProgress?.({ phase: "embed", done, total, message: `batch ${batch}/${batches}` }),
    });
    const dimensions = embedded.dimensions;
    const identity = { ...options.identity(), dimensions };
    if (options.identity().dimensions > 0 && options.identity().dimensions !== dimensions) {
      throw new UpstreamFailed(`the embedder produced ${dimensions}-dimensional vectors but reports ${options.identity().dimensions}`);
    }
    signal?.throwIfAborted();

    const name = newVersionName(now());
    versionDir = path.join(options.indexDir, name);
    const manifest: Omit<IndexManifest, "artifacts"> = {
      formatVersion: INDEX_FORMAT_VERSION,
      createdAt: now().toISOString(),
      embedder: identity,
      chunkerVersion: CHUNKER_VERSION,
      files,
      counts: {
        documents: corpus.documents.length,
        sections: corpus.documents.reduce((sum, doc) => sum + doc.outline.length, 0),
        chunks: chunks.length,
        resources: resources.length,
        notes: corpus.documents.filter((doc) => doc.kind !== "roadmap").length,
      },
    };
    const steps = 5;
    let step = 0;
    await writeIndexVersion(
      versionDir,
      {
        manifest,
        documents: corpus.documents,
        chunks,
        resources,
        chunkVectors: keys.map((key) => embedded.vectors.get(key) as Float32Array),
        cache: { namespace, entries: embedded.vectors },
        embeddings: options.embeddings,
      },
      (label) => {
        signal?.throwIfAborted();
        onProgress?.({ phase: "write", done: step++, total: steps, message: label });
      },
      options.writeFile,
    );
    signal?.throwIfAborted();
    // The point of no return: from here on the new version is live.
    await writePointer(options.indexDir, name);
    onProgress?.({ phase: "write", done: steps, total: steps, message: "swapped in" });
    const keep = new Set([name, ...(previous ? [previous] : [])]);
    await removeOtherVersions(options.indexDir, keep).catch(() => []);

    const cachedChunks = keys.filter((key) => cache.get(key) !== undefined).length;
    return {
      indexDir: options.indexDir,
      versionDir,
      documents: manifest.counts.documents,
      sections: manifest.counts.sections,
      chunks: chunks.length,
      resources: resources.length,
      notes: manifest.counts.notes,
      embeddedChunks: chunks.length - cachedChunks,
      cachedChunks,
      embeddingCalls: embedded.calls,
      skipped: corpus.skipped,
      warnings: corpus.warnings,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    if (versionDir !== undefined && (await readPointer(options.indexDir)) !== path.basename(versionDir)) {
      await rm(versionDir, { recursive: true, force: true });
    }
    throw await asDiskFull(error, options.indexDir, needed(options.identity().dimensions), versionDir !== undefined);
  } finally {
    await release();
  }
}

/**
 * ENOSPC anywhere (or, while writing the version, any untyped failure — hnswlib's native writer
 * does not say why — on a disk with less room than the version needs) becomes IndexDiskFull.
 */
async function asDiskFull(error: unknown, indexDir: string, needed: number, writing: boolean): Promise<unknown> {
  if (error instanceof IndexDiskFull) return error;
  const free = await freeBytes(indexDir);
  const coded = isDiskFullError(error);
  const tooSmall = writing && !isTutorError(error) && free !== undefined && free < needed;
  return coded || tooSmall ? new IndexDiskFull(indexDir, needed, free, { cause: error }) : error;
}
