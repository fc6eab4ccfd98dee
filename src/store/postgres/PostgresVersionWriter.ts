import type pg from "pg";
import { Overloaded } from "../../errors.js";
import type { IndexManifest } from "../../index/types.js";
import type { CachedVectors, VersionContents, VersionWriter, WrittenVersion } from "../../index/VersionWriter.js";
import { checkSchema } from "./schema.js";
import { parseVector, vectorLiteral } from "./vectors.js";
import { flipVersion, pruneVersions, writeVersion } from "./writeVersion.js";

/** pg_try_advisory_lock key: one ingest per database at a time. */
export const INGEST_LOCK = 7_274_104_018;

/**
 * The ingest pipeline's writer for STORE=postgres (src/ingest runs the steps; this is where a
 * version goes). lock(): a session advisory lock, held on its own connection for the whole
 * ingest, so a second ingest (another replica's /admin/reindex, a CLI run) fails at once.
 * write(): new vectors into embedding_cache (committed at once, so an interrupted ingest does
 * not pay for them again), then the whole version in one transaction. publish(): flip
 * current_version + NOTIFY in one transaction, then prune. A kill anywhere before the flip
 * leaves the live version serving: the server rolls back the open transaction.
 */
export class PostgresVersionWriter implements VersionWriter {
  readonly location = "postgres (DATABASE_URL)";
  private namespace: string | undefined;

  constructor(
    private readonly pool: pg.Pool,
    /** Called between write and publish (tests stop a process there). */
    private readonly beforePublish?: (version: string) => Promise<void> | void,
  ) {}

  async lock(): Promise<() => Promise<void>> {
    await checkSchema(this.pool);
    const client = await this.pool.connect();
    try {
      const result = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [INGEST_LOCK]);
      if (!result.rows[0]?.locked)
        throw new Overloaded("Another ingest is already writing to this database; try again when it has finished.", 5);
    } catch (error) {
      client.release();
      throw error;
    }
    return async () => {
      try {
        await client.query("SELECT pg_advisory_unlock($1)", [INGEST_LOCK]);
        client.release();
      } catch {
        // The connection is gone, and the session lock with it.
        client.release(true);
      }
    };
  }

  async readCachedVectors(namespace: string): Promise<CachedVectors | undefined> {
    this.namespace = namespace;
    const result = await this.pool.query<{ key: string; embedding: string }>(
      "SELECT key, embedding::text AS embedding FROM embedding_cache WHERE namespace = $1",
      [namespace],
    );
    if (result.rows.length === 0) return undefined;
    const first = parseVector(result.rows[0]!.embedding);
    const dimensions = first.length;
    const keys: string[] = [];
    const vectors = new Float32Array(result.rows.length * dimensions);
    for (const row of result.rows) {
      const vector = keys.length === 0 ? first : parseVector(row.embedding);
      // A model that changed size behind the same name: only vectors of one size are reusable.
      if (vector.length !== dimensions) continue;
      vectors.set(vector, keys.length * dimensions);
      keys.push(row.key);
    }
    return { dimensions, keys, vectorAt: (slot) => vectors.subarray(slot * dimensions, (slot + 1) * dimensions) };
  }

  async write(contents: VersionContents, step: (label: string) => void): Promise<WrittenVersion> {
    const { namespace, entries } = contents.cache;
    this.namespace = namespace;
    const keyOf = new Map<Float32Array, string>();
    for (const [key, vector] of entries) if (!keyOf.has(vector)) keyOf.set(vector, key);
    const cacheKeys = contents.chunkVectors.map((vector) => keyOf.get(vector) ?? "");
    step("embedding cache");
    await this.storeCache(namespace, [...entries]);
    const manifest = contents.manifest as IndexManifest;
    const client = await this.pool.connect();
    try {
      const version = await writeVersion(
        client,
        {
          manifest,
          documents: contents.documents,
          chunks: contents.chunks,
          vectors: contents.chunkVectors,
          cacheKeys,
          resources: contents.resources,
        },
        step,
      );
      await this.beforePublish?.(version);
      return { name: version, location: `postgres index version ${version}`, manifest };
    } finally {
      client.release();
    }
  }

  async publish(version: WrittenVersion): Promise<void> {
    const client = await this.pool.connect();
    try {
      const previous = await client.query<{ version: string }>("SELECT version::text AS version FROM current_version");
      await flipVersion(client, version.name);
      // Keep the version just replaced: a replica may still be finishing requests on it.
      await pruneVersions(client, [version.name, ...previous.rows.map((r) => r.version)], this.namespace ?? "").catch(() => 0);
    } finally {
      client.release();
    }
  }

  async discard(version: WrittenVersion): Promise<void> {
    await this.pool
      .query("DELETE FROM index_versions WHERE version = $1 AND version NOT IN (SELECT version FROM current_version)", [version.name])
      .catch(() => {});
  }

  async explainFailure(error: unknown): Promise<unknown> {
    return error;
  }

  /** Vectors already stored are left alone (same key, same text, same embedder). */
  private async storeCache(namespace: string, entries: [string, Float32Array][]): Promise<void> {
    for (let offset = 0; offset < entries.length; offset += 200) {
      const batch = entries.slice(offset, offset + 200);
      await this.pool.query(
        `INSERT INTO embedding_cache (namespace, key, embedding)
         SELECT $1, k, v::vector FROM unnest($2::text[], $3::text[]) AS x(k, v)
         ON CONFLICT (namespace, key) DO NOTHING`,
        [namespace, batch.map(([key]) => key), batch.map(([, vector]) => vectorLiteral(vector))],
      );
    }
  }
}
