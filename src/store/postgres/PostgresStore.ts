import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { IndexNotReady, isTutorError, Overloaded } from "../../errors.js";
import type { EmbedderIdentity } from "../../index/types.js";
import type { IndexStore } from "../types.js";
import { followVersion } from "./followVersion.js";
import { ingestIntoPostgres } from "./ingestPostgres.js";
import { createPool, type PoolSettings } from "./pool.js";
import { liveVersion, loadPostgresSnapshot } from "./postgresSnapshot.js";
import { checkSchema } from "./schema.js";

export interface PostgresStoreOptions extends PoolSettings {
  corpusDir: string;
  embeddings: EmbeddingsInterface;
  identity: () => EmbedderIdentity;
  maxFileBytes: number;
  batchSize: number;
  pollMs: number;
}

/**
 * STORE=postgres: one index in PostgreSQL + pgvector shared by every replica. Each replica
 * keeps the read model of the live version in memory and sends dense and lexical searches to
 * SQL; an ingest anywhere flips current_version and every replica follows (followVersion.ts).
 */
export function postgresStore(options: PostgresStoreOptions): IndexStore {
  const pool = createPool(options);
  let schemaChecked = false;
  const ready = async () => {
    if (schemaChecked) return;
    await checkSchema(pool);
    schemaChecked = true;
  };
  const ingest: IndexStore["ingest"] = async (run = {}) => {
    await ready();
    return ingestIntoPostgres({
      pool,
      corpusDir: options.corpusDir,
      embeddings: options.embeddings,
      identity: options.identity,
      maxFileBytes: options.maxFileBytes,
      batchSize: options.batchSize,
      ...run,
    });
  };
  return {
    kind: "postgres",
    ensure: async (onProgress) => {
      await ready();
      if ((await liveVersion(pool)) !== undefined) return;
      try {
        await ingest(onProgress ? { onProgress } : {});
      } catch (error) {
        // Another replica is building the first version: it will be followed when it flips.
        if (!(error instanceof Overloaded)) throw error;
      }
    },
    load: async () => {
      await ready();
      const version = await liveVersion(pool);
      if (version === undefined) {
        throw new IndexNotReady("The database holds no index version yet; run `npm run ingest -- --store postgres`.");
      }
      return loadPostgresSnapshot(pool, version, options.embeddings, options.identity());
    },
    ingest,
    follow: (onChange, onError) => {
      let last: string | undefined;
      return followVersion({
        pool,
        databaseUrl: options.databaseUrl,
        pollMs: options.pollMs,
        connectTimeoutMs: Math.max(1_000, options.statementTimeoutMs),
        onVersion: (version) => {
          if (version === last) return;
          last = version;
          onChange(version);
        },
        ...(onError ? { onError: (error: unknown) => onError(isTutorError(error) ? error : new Error("database unreachable", { cause: error })) } : {}),
      });
    },
    close: () => pool.end(),
  };
}
