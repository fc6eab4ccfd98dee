import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import pg from "pg";
import { LocalHashedEmbeddings } from "../../../src/embeddings/LocalHashedEmbeddings.js";
import type { EmbedderIdentity } from "../../../src/embeddings/types.js";
import { ingestCorpus } from "../../../src/ingest/ingestCorpus.js";
import type { IngestSummary } from "../../../src/ingest/types.js";
import { createPool } from "../../../src/store/postgres/pool.js";
import { postgresStore } from "../../../src/store/postgres/PostgresStore.js";
import { migrate } from "../../../src/store/postgres/schema.js";
import type { IndexStore } from "../../../src/store/types.js";

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

export function testPostgresStore(
  url: string,
  options: { pollMs?: number; beforePublish?: (version: string) => Promise<void> | void } = {},
): IndexStore {
  return postgresStore({
    databaseUrl: url,
    poolSize: 4,
    statementTimeoutMs: TEST_STATEMENT_TIMEOUT_MS,
    pollMs: options.pollMs ?? 200,
    ...localEmbedder(),
    ...(options.beforePublish ? { beforePublish: options.beforePublish } : {}),
  });
}

/** The real ingest pipeline (src/ingest) writing through the store's writer. */
export function ingestInto(store: IndexStore, corpusDir: string): Promise<IngestSummary> {
  const writer = store.writer();
  if (!writer) throw new Error("the store has no writer of its own");
  return ingestCorpus({ corpusDir, indexDir: "unused", ...localEmbedder(), maxFileBytes: 2_000_000, batchSize: 64, writer });
}
