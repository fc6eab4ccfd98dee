import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { Config } from "../config.js";
import { ingestOptionsFromConfig } from "../index/ingestCorpus.js";
import type { EmbedderIdentity } from "../index/types.js";
import { embeddedStore } from "./embedded/EmbeddedStore.js";
import { postgresStore } from "./postgres/PostgresStore.js";
import type { IndexStore } from "./types.js";

/** The store the configuration names (STORE): the only place that decides which one runs. */
export function openStore(config: Config, embedder: { embeddings: EmbeddingsInterface; identity: () => EmbedderIdentity }): IndexStore {
  if (config.STORE === "postgres") {
    return postgresStore({
      // parseConfig refuses STORE=postgres without DATABASE_URL.
      databaseUrl: config.DATABASE_URL!,
      poolSize: config.PG_POOL_SIZE,
      statementTimeoutMs: config.PG_STATEMENT_TIMEOUT_MS,
      pollMs: config.PG_VERSION_POLL_MS,
      corpusDir: config.CORPUS_DIR,
      embeddings: embedder.embeddings,
      identity: embedder.identity,
      maxFileBytes: config.MAX_FILE_BYTES,
      batchSize: config.EMBEDDING_BATCH_SIZE,
    });
  }
  return embeddedStore(ingestOptionsFromConfig(config, embedder));
}
