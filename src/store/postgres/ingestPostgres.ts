import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type pg from "pg";
import { CHUNKER_VERSION, chunkDocument, contextualText } from "../../chunking/index.js";
import type { Chunk } from "../../chunking/types.js";
import { buildResources, loadCorpus } from "../../corpus/index.js";
import type { Resource } from "../../corpus/types.js";
import { BadInput, Overloaded, UpstreamFailed } from "../../errors.js";
import { cacheKey, cacheNamespace, EmbeddingCache } from "../../index/embeddingCache.js";
import { embedMissing } from "../../index/embedMissing.js";
import { INDEX_FORMAT_VERSION, type EmbedderIdentity, type IndexManifest, type IngestProgress, type IngestSummary } from "../../index/types.js";
import { parseVector, vectorLiteral } from "./vectors.js";
import { flipVersion, pruneVersions, writeVersion } from "./writeVersion.js";

export interface PostgresIngestOptions {
  pool: pg.Pool;
  corpusDir: string;
  embeddings: EmbeddingsInterface;
  identity: () => EmbedderIdentity;
  maxFileBytes: number;
  batchSize: number;
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
  /** Called after the version is written and before the flip (tests stop a process here). */
  beforeFlip?: (version: string) => Promise<void> | void;
}

/** pg_try_advisory_lock key: one ingest per database at a time. */
export const INGEST_LOCK = 7_274_104_018;

/**
 * Corpus folder → a new index version in Postgres, then live everywhere:
 * take the advisory lock (or fail at once: another ingest is running), load and chunk the
 * corpus, embed only the chunks the embedding_cache table lacks (and store the new vectors
 * there straight away, so an interrupted ingest does not pay for them twice), write the whole
 * version in one transaction, flip current_version in another, then prune old versions.
 * A failure or a kill before the flip leaves the live version serving; the server rolls back
 * the unfinished transaction when the connection drops.
 */
export async function ingestIntoPostgres(options: PostgresIngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { pool, signal, onProgress } = options;
  signal?.throwIfAborted();
  const lockClient = await pool.connect();
  try {
    const locked = await lockClient.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [INGEST_LOCK]);
    if (!locked.rows[0]?.locked) {
      throw new Overloaded("Another ingest is already writing to this database; try again when it has finished.", 5);
    }
    try {
      return await ingestLocked(options, lockClient, started);
    } finally {
      await lockClient.query("SELECT pg_advisory_unlock($1)", [INGEST_LOCK]).catch(() => {});
    }
  } finally {
    lockClient.release();
  }

  async function ingestLocked(options: PostgresIngestOptions, client: pg.PoolClient, startedAt: number): Promise<IngestSummary> {
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

    const namespace = cacheNamespace(options.identity());
    const keys = chunks.map((chunk) => cacheKey(namespace, contextualText(chunk)));
    const cached = await readCache(client, namespace, [...new Set(keys)]);
    const textByKey = new Map<string, string>();
    chunks.forEach((chunk, i) => {
      if (!cached.has(keys[i]!)) textByKey.set(keys[i]!, contextualText(chunk));
    });
    const embedded = await embedMissing({
      textByKey,
      cache: EmbeddingCache.empty(),
      embeddings: options.embeddings,
      batchSize: options.batchSize,
      ...(signal ? { signal } : {}),
      onBatch: (done, total, batch, batches) => onProgress?.({ phase: "embed", done, total, message: `batch ${batch}/${batches}` }),
    });
    const cachedSize = cached.values().next().value?.length;
    let vectors = new Map<string, ArrayLike<number>>([...cached, ...embedded.vectors]);
    if (embedded.vectors.size > 0 && cachedSize !== undefined && cachedSize !== embedded.dimensions) {
      // The model behind the same name now makes vectors of another size: the cache is stale.
      const all = await embedMissing({
        textByKey: new Map(keys.map((key, i) => [key, contextualText(chunks[i]!)])),
        cache: EmbeddingCache.empty(),
        embeddings: options.embeddings,
        batchSize: options.batchSize,
        ...(signal ? { signal } : {}),
      });
      vectors = all.vectors;
    }
    const dimensions = vectors.values().next().value?.length ?? 0;
    const reported = options.identity().dimensions;
    if (reported > 0 && reported !== dimensions) {
      throw new UpstreamFailed(`the embedder produced ${dimensions}-dimensional vectors but reports ${reported}`);
    }
    await storeCache(client, namespace, [...vectors].filter(([key]) => !cached.has(key) || cachedSize !== dimensions));
    signal?.throwIfAborted();

    const manifest: IndexManifest = {
      formatVersion: INDEX_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      embedder: { ...options.identity(), dimensions },
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
    const steps = 6;
    let step = 0;
    const writer = await pool.connect();
    let version: string;
    try {
      version = await writeVersion(
        writer,
        { manifest, documents: corpus.documents, chunks, vectors: keys.map((key) => vectors.get(key)!), cacheKeys: keys, resources },
        (label) => {
          signal?.throwIfAborted();
          onProgress?.({ phase: "write", done: step++, total: steps, message: label });
        },
      );
      await options.beforeFlip?.(version);
      signal?.throwIfAborted();
      const previous = await writer.query<{ version: string }>("SELECT version::text AS version FROM current_version");
      // The point of no return: from here on the new version is live on every replica.
      await flipVersion(writer, version);
      onProgress?.({ phase: "write", done: steps, total: steps, message: "flipped" });
      const keep = [version, ...previous.rows.map((r) => r.version)];
      await pruneVersions(writer, keep, namespace).catch(() => 0);
    } finally {
      writer.release();
    }

    const cachedChunks = keys.filter((key) => cached.has(key) && cachedSize === dimensions).length;
    return {
      indexDir: "postgres",
      versionDir: `postgres index version ${version}`,
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
      seconds: (performance.now() - startedAt) / 1000,
    };
  }
}

async function readCache(client: pg.PoolClient, namespace: string, keys: string[]): Promise<Map<string, Float32Array>> {
  const found = new Map<string, Float32Array>();
  for (let offset = 0; offset < keys.length; offset += 1_000) {
    const result = await client.query<{ key: string; embedding: string }>(
      "SELECT key, embedding::text AS embedding FROM embedding_cache WHERE namespace = $1 AND key = ANY($2::text[])",
      [namespace, keys.slice(offset, offset + 1_000)],
    );
    for (const row of result.rows) found.set(row.key, parseVector(row.embedding));
  }
  return found;
}

/** Newly paid-for vectors, committed at once (outside the version's transaction). */
async function storeCache(client: pg.PoolClient, namespace: string, entries: [string, ArrayLike<number>][]): Promise<void> {
  for (let offset = 0; offset < entries.length; offset += 200) {
    const batch = entries.slice(offset, offset + 200);
    await client.query(
      `INSERT INTO embedding_cache (namespace, key, embedding)
       SELECT $1, k, v::vector FROM unnest($2::text[], $3::text[]) AS x(k, v)
       ON CONFLICT (namespace, key) DO UPDATE SET embedding = EXCLUDED.embedding`,
      [namespace, batch.map(([key]) => key), batch.map(([, vector]) => vectorLiteral(vector))],
    );
  }
}
