import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import pg from "pg";
import { LocalHashedEmbeddings } from "../../src/embeddings/LocalHashedEmbeddings.js";
import type { EmbedderIdentity } from "../../src/index/types.js";
import { createPool } from "../../src/store/postgres/pool.js";
import { postgresStore } from "../../src/store/postgres/PostgresStore.js";
import { migrate } from "../../src/store/postgres/schema.js";
import type { IndexStore } from "../../src/store/types.js";

/** Generous deadlines: PGlite runs every statement one at a time in WASM on a shared machine. */
export const TEST_STATEMENT_TIMEOUT_MS = 120_000;

export function localEmbedder(): { embeddings: EmbeddingsInterface; identity: () => EmbedderIdentity } {
  const embeddings = new LocalHashedEmbeddings();
  return { embeddings, identity: () => embeddings.identity() };
}

/** A pool to the test database, for setup and inspection. */
export function testPool(url: string, max = 2): pg.Pool {
  return createPool({ databaseUrl: url, poolSize: max, statementTimeoutMs: TEST_STATEMENT_TIMEOUT_MS });
}

export async function migrated(url: string): Promise<void> {
  const pool = testPool(url, 1);
  try {
    await migrate(pool);
  } finally {
    await pool.end();
  }
}

export function testPostgresStore(url: string, corpusDir: string, pollMs = 200): IndexStore {
  return postgresStore({
    databaseUrl: url,
    poolSize: 4,
    statementTimeoutMs: TEST_STATEMENT_TIMEOUT_MS,
    pollMs,
    corpusDir,
    ...localEmbedder(),
    maxFileBytes: 2_000_000,
    batchSize: 64,
  });
}
