import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { EmbedderIdentity } from "../../embeddings/types.js";
import { IndexNotReady, isTutorError } from "../../errors.js";
import type { IndexStore } from "../types.js";
import { followVersion } from "./followVersion.js";
import { createPool, type PoolSettings } from "./pool.js";
import { liveVersion, loadPostgresSnapshot } from "./postgresSnapshot.js";
import { PostgresVersionWriter } from "./PostgresVersionWriter.js";
import { checkSchema } from "./schema.js";

export interface PostgresStoreOptions extends PoolSettings {
  embeddings: EmbeddingsInterface;
  identity: () => EmbedderIdentity;
  pollMs: number;
  /** Called between writing a version and flipping to it (tests kill a process there). */
  beforePublish?: (version: string) => Promise<void> | void;
}

/**
 * STORE=postgres: one index in PostgreSQL + pgvector shared by every replica. Each replica
 * keeps the read model of the live version in memory and sends dense and lexical searches to
 * SQL; an ingest anywhere flips current_version and every replica follows (followVersion.ts).
 * The schema is checked before anything else: an unmigrated or newer schema is refused.
 */
export function postgresStore(options: PostgresStoreOptions): IndexStore {
  const pool = createPool(options);
  let schemaChecked = false;
  const ready = async () => {
    if (schemaChecked) return;
    await checkSchema(pool);
    schemaChecked = true;
  };
  return {
    kind: "postgres",
    writer: () => new PostgresVersionWriter(pool, options.beforePublish),
    hasLiveVersion: async () => {
      await ready();
      return (await liveVersion(pool)) !== undefined;
    },
    load: async () => {
      await ready();
      const version = await liveVersion(pool);
      if (version === undefined) {
        throw new IndexNotReady("The database holds no index version yet; run `npm run ingest -- --store postgres`.");
      }
      return loadPostgresSnapshot(pool, version, options.embeddings, options.identity());
    },
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
        // pg errors can echo connection details: only typed errors pass through as they are.
        ...(onError
          ? { onError: (error: unknown) => onError(isTutorError(error) ? error : new Error("database unreachable", { cause: error })) }
          : {}),
      });
    },
    close: () => pool.end(),
  };
}
