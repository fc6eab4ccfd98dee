import type pg from "pg";
import type { Chunk } from "../../chunking/types.js";
import type { CorpusDocument, Resource } from "../../corpus/types.js";
import type { IndexManifest } from "../../index/types.js";
import { chunkTokens, documentFrequencies } from "./lexicalSql.js";
import { vectorLiteral } from "./vectors.js";

export interface VersionRows {
  manifest: IndexManifest;
  documents: readonly CorpusDocument[];
  chunks: readonly Chunk[];
  /** One vector per chunk, in chunk order. */
  vectors: readonly ArrayLike<number>[];
  /** Embedding cache key per chunk, in chunk order. */
  cacheKeys: readonly string[];
  resources: readonly Resource[];
}

/** Rows per INSERT: big enough to be few statements, small enough to keep each one short. */
const BATCH = 200;

/** The NOTIFY channel replicas LISTEN on; the payload is the new version. */
export const VERSION_CHANNEL = "roadmap_tutor_index_version";

/**
 * Write one complete index version in one transaction: it becomes visible all at once or (on any
 * error, or when the process dies and the server rolls back) not at all. The live version is not
 * touched; flipVersion makes the new one live. Returns the new version id.
 */
export async function writeVersion(client: pg.PoolClient, rows: VersionRows, step: (label: string) => void = () => {}): Promise<string> {
  const { manifest, chunks, vectors } = rows;
  const dimensions = manifest.embedder.dimensions;
  if (!Number.isInteger(dimensions) || dimensions <= 0) throw new Error(`invalid vector size ${dimensions}`);
  if (vectors.length !== chunks.length || rows.cacheKeys.length !== chunks.length)
    throw new Error("one vector and one cache key per chunk expected");
  const tokens = chunks.map(chunkTokens);
  const averageLength = tokens.length > 0 ? tokens.reduce((sum, t) => sum + t.distinct, 0) / tokens.length : 0;

  await client.query("BEGIN");
  try {
    const inserted = await client.query<{ version: string }>(
      "INSERT INTO index_versions (manifest, dimensions, chunk_count, average_length) VALUES ($1, $2, $3, $4) RETURNING version::text",
      [JSON.stringify(manifest), dimensions, chunks.length, averageLength],
    );
    const version = inserted.rows[0]!.version;

    step("documents and outlines");
    await insertBatches(client, rows.documents, (batch, offset) => [
      `INSERT INTO documents (version, doc_id, ord, source, kind, title, document)
       SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::jsonb[])`,
      [
        version,
        batch.map((d) => d.id),
        batch.map((_, i) => offset + i),
        batch.map((d) => d.source),
        batch.map((d) => d.kind),
        batch.map((d) => d.title),
        batch.map(({ outline: _outline, ...rest }) => JSON.stringify(rest)),
      ],
    ]);
    const sections = rows.documents.flatMap((doc) => doc.outline.map((section) => ({ docId: doc.id, section })));
    await insertBatches(client, sections, (batch) => [
      `INSERT INTO outlines (version, doc_id, section_index, heading, level, heading_path, start_line, end_line, parent)
       SELECT $1, d, i, h, l, ARRAY(SELECT jsonb_array_elements_text(p)), s, e, par
       FROM unnest($2::text[], $3::int[], $4::text[], $5::int[], $6::jsonb[], $7::int[], $8::int[], $9::int[]) AS u(d, i, h, l, p, s, e, par)`,
      [
        version,
        batch.map((s) => s.docId),
        batch.map((s) => s.section.index),
        batch.map((s) => s.section.heading),
        batch.map((s) => s.section.level),
        batch.map((s) => JSON.stringify(s.section.headingPath)),
        batch.map((s) => s.section.startLine),
        batch.map((s) => s.section.endLine),
        batch.map((s) => s.section.parent ?? null),
      ],
    ]);

    step("resources");
    await insertBatches(client, rows.resources, (batch, offset) => [
      `INSERT INTO resources (version, ord, doc_id, title, url, source, heading_path, line)
       SELECT $1, o, d, t, u, s, ARRAY(SELECT jsonb_array_elements_text(p)), l
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::int[]) AS x(o, d, t, u, s, p, l)`,
      [
        version,
        batch.map((_, i) => offset + i),
        batch.map((r) => r.docId),
        batch.map((r) => r.title),
        batch.map((r) => r.url),
        batch.map((r) => r.source),
        batch.map((r) => JSON.stringify(r.headingPath)),
        batch.map((r) => r.line),
      ],
    ]);

    step("chunks, vectors and tokens");
    const indexed = chunks.map((chunk, i) => ({ chunk, i }));
    await insertBatches(client, indexed, (batch) => [
      `INSERT INTO chunks (version, chunk_id, ord, doc_id, chunk, cache_key, dimensions, embedding, tokens, token_count)
       SELECT $1, c, o, d, j, k, $2, v::vector, t::tsvector, n
       FROM unnest($3::text[], $4::int[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::text[], $10::int[]) AS x(c, o, d, j, k, v, t, n)`,
      [
        version,
        dimensions,
        batch.map(({ chunk }) => chunk.id),
        batch.map(({ i }) => i),
        batch.map(({ chunk }) => chunk.docId),
        batch.map(({ chunk }) => JSON.stringify(chunk)),
        batch.map(({ i }) => rows.cacheKeys[i]!),
        batch.map(({ i }) => vectorLiteral(vectors[i]!)),
        batch.map(({ i }) => tokens[i]!.tsvector),
        batch.map(({ i }) => tokens[i]!.distinct),
      ],
    ]);

    step("lexical terms");
    const df = [...documentFrequencies(tokens)];
    await insertBatches(
      client,
      df,
      (batch) => [
        "INSERT INTO lexical_terms (version, term, df) SELECT $1, * FROM unnest($2::text[], $3::int[])",
        [version, batch.map(([term]) => term), batch.map(([, count]) => count)],
      ],
      2_000,
    );

    step("vector index");
    // One HNSW index per vector size (pgvector needs a fixed size to index): created by the first
    // version of that size, then maintained by Postgres on every insert. Partial, so a query
    // for one size never scans vectors of another.
    await client.query(
      `CREATE INDEX IF NOT EXISTS chunks_embedding_hnsw_${dimensions} ON chunks
       USING hnsw ((embedding::vector(${dimensions})) vector_cosine_ops) WHERE dimensions = ${dimensions}`,
    );
    await client.query("COMMIT");
    return version;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/**
 * Make `version` the live one and tell every replica, in one transaction (NOTIFY is delivered
 * on commit, so no replica hears of a version it cannot read yet).
 */
export async function flipVersion(client: pg.PoolClient, version: string): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO current_version (singleton, version) VALUES (true, $1)
       ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version, flipped_at = now()`,
      [version],
    );
    await client.query("SELECT pg_notify($1, $2)", [VERSION_CHANNEL, version]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/**
 * After a flip: delete every version but the live one and the one it replaced (a replica may
 * still be finishing requests on it), then cached vectors no remaining version uses.
 */
export async function pruneVersions(client: pg.PoolClient, keep: readonly string[], namespace: string): Promise<number> {
  const deleted = await client.query("DELETE FROM index_versions WHERE NOT (version::text = ANY($1::text[]))", [keep]);
  await client.query(
    `DELETE FROM embedding_cache e WHERE e.namespace = $1
       AND NOT EXISTS (SELECT 1 FROM chunks c WHERE c.cache_key = e.key)`,
    [namespace],
  );
  return deleted.rowCount ?? 0;
}

async function insertBatches<T>(
  client: pg.PoolClient,
  items: readonly T[],
  statement: (batch: readonly T[], offset: number) => [string, unknown[]],
  size = BATCH,
): Promise<void> {
  for (let offset = 0; offset < items.length; offset += size) {
    const [sql, params] = statement(items.slice(offset, offset + size), offset);
    await client.query(sql, params);
  }
}
