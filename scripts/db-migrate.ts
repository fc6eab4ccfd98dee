/**
 * `npm run db:migrate`: create or upgrade the PostgreSQL schema of STORE=postgres in DATABASE_URL
 * (src/store/postgres/migrations.ts). Idempotent: a second run applies nothing.
 *
 * Exit codes: 0 up to date; 1 failed (unreachable, a migration failed, or the database was
 * migrated by a newer release); 2 bad configuration (no DATABASE_URL).
 */
import { CONFIG_ERROR_EXIT_CODE, ConfigError, loadEnvFile, parseConfig } from "../src/config.js";
import { createPool } from "../src/store/postgres/pool.js";
import { migrate } from "../src/store/postgres/schema.js";
import { SCHEMA_VERSION } from "../src/store/postgres/migrations.js";

async function main(): Promise<void> {
  loadEnvFile(process.env);
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(CONFIG_ERROR_EXIT_CODE);
    }
    throw error;
  }
  if (!config.DATABASE_URL) {
    console.error("DATABASE_URL: required for npm run db:migrate (e.g. postgres://tutor:secret@localhost:5432/tutor)");
    process.exit(CONFIG_ERROR_EXIT_CODE);
  }
  const pool = createPool({
    databaseUrl: config.DATABASE_URL,
    poolSize: 1,
    statementTimeoutMs: Math.max(config.PG_STATEMENT_TIMEOUT_MS, 60_000),
  });
  try {
    const applied = await migrate(pool);
    console.log(
      applied.length === 0
        ? `Schema already at version ${SCHEMA_VERSION}; nothing to do.`
        : `Applied migration${applied.length > 1 ? "s" : ""} ${applied.join(", ")}; schema at version ${SCHEMA_VERSION}.`,
    );
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  // pg errors never carry the password; the URL itself is not printed.
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
