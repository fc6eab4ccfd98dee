import pg from "pg";

export interface PoolSettings {
  databaseUrl: string;
  poolSize: number;
  statementTimeoutMs: number;
}

/** Candidates pgvector's HNSW scan keeps (default 40): above the most any query asks for. */
const EF_SEARCH = 100;

/**
 * A connection pool with deadlines on everything: connecting, each statement on the server
 * (statement_timeout) and each query seen from here (query_timeout, which also covers a server
 * that stops answering). Errors of idle connections are swallowed: the pool replaces them.
 */
export function createPool(settings: PoolSettings): pg.Pool {
  const pool = new pg.Pool({
    connectionString: settings.databaseUrl,
    max: settings.poolSize,
    connectionTimeoutMillis: Math.max(1_000, settings.statementTimeoutMs),
    statement_timeout: settings.statementTimeoutMs,
    query_timeout: settings.statementTimeoutMs + 1_000,
    idleTimeoutMillis: 30_000,
    application_name: "roadmap-tutor",
    // Awaited before the pool hands out a new connection (pg-pool >= 3.10; @types/pg says void).
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    onConnect: async (client: pg.ClientBase) => {
      // Filtered k-NN (one version, some documents) keeps scanning the HNSW graph until k rows
      // pass the filter (pgvector >= 0.8), in exact distance order.
      await client.query(`SET hnsw.ef_search = ${EF_SEARCH}; SET hnsw.iterative_scan = strict_order`);
    },
  });
  pool.on("error", () => {
    // An idle client lost its connection (server restart, failover): the pool drops it.
  });
  return pool;
}
