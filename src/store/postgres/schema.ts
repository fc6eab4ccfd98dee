import type pg from "pg";
import { IndexNotReady } from "../../errors.js";
import { MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";

/** Serialises concurrent `db:migrate` runs (two replicas started at once). */
const MIGRATE_LOCK = 7_274_104_017;

const SCHEMA_TABLE = `CREATE TABLE IF NOT EXISTS schema_version (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/** Apply the migrations the database lacks, each in its own transaction; returns the versions applied. */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATE_LOCK]);
    try {
      await client.query(SCHEMA_TABLE);
      const current = await appliedVersion(client);
      if (current > SCHEMA_VERSION) throw unknownVersion(current);
      for (const migration of MIGRATIONS.filter((m) => m.version > current)) {
        await client.query("BEGIN");
        try {
          await client.query(migration.sql);
          await client.query("INSERT INTO schema_version (version, name) VALUES ($1, $2)", [migration.version, migration.name]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw new Error(`Migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, { cause: error });
        }
        applied.push(migration.version);
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATE_LOCK]);
    }
  } finally {
    client.release();
  }
  return applied;
}

/**
 * Refuse to serve a database this build does not understand: not migrated yet (run
 * `npm run db:migrate`), or migrated by a newer build (its tables may mean something else).
 */
export async function checkSchema(pool: pg.Pool | pg.PoolClient): Promise<void> {
  const exists = await pool.query<{ present: boolean }>("SELECT to_regclass('schema_version') IS NOT NULL AS present");
  const version = exists.rows[0]?.present ? await appliedVersion(pool) : 0;
  if (version === SCHEMA_VERSION) return;
  if (version > SCHEMA_VERSION) throw unknownVersion(version);
  throw new IndexNotReady(
    version === 0
      ? "The database has no Roadmap Tutor schema yet; run `npm run db:migrate` (then `npm run ingest -- --store postgres`)."
      : `The database schema is at version ${version}, this build needs ${SCHEMA_VERSION}; run \`npm run db:migrate\`.`,
  );
}

async function appliedVersion(client: pg.Pool | pg.PoolClient): Promise<number> {
  const result = await client.query<{ version: number | null }>("SELECT max(version) AS version FROM schema_version");
  return result.rows[0]?.version ?? 0;
}

function unknownVersion(version: number): IndexNotReady {
  return new IndexNotReady(
    `The database schema is at version ${version}, newer than this build knows (${SCHEMA_VERSION}): it was migrated by a newer release. Deploy that release (or restore a matching backup); refusing to start.`,
  );
}
