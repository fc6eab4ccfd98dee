import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { Config } from "../config.js";
import type { EmbedderIdentity } from "../embeddings/types.js";
import { embeddedStore } from "./embedded/EmbeddedStore.js";
import type { IndexStore } from "./types.js";

/**
 * The store the configuration names (STORE): the only place that decides which one runs. The
 * PostgreSQL store (and the pg driver) is imported only when configured: a file-store server
 * should not pay for loading it at every start.
 */
export async function openStore(
  config: Config,
  embedder: { embeddings: EmbeddingsInterface; identity: () => EmbedderIdentity },
): Promise<IndexStore> {
  if (config.STORE === "postgres") {
    const { postgresStore } = await import("./postgres/PostgresStore.js");
    return postgresStore({
      // parseConfig refuses STORE=postgres without DATABASE_URL.
      databaseUrl: config.DATABASE_URL!,
      poolSize: config.PG_POOL_SIZE,
      statementTimeoutMs: config.PG_STATEMENT_TIMEOUT_MS,
      pollMs: config.PG_VERSION_POLL_MS,
      ...embedder,
    });
  }
  return embeddedStore(config.INDEX_DIR, embedder);
}
