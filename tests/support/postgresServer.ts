import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { createServer } from "node:net";

/**
 * PostgreSQL with pgvector for tests, without a server package: PGlite (Postgres compiled to
 * WASM) with the pgvector extension, served over the real wire protocol on 127.0.0.1 by
 * pglite-socket, so the product reaches it through the ordinary `pg` client exactly as it
 * reaches a real server. Production code never imports PGlite.
 *
 * What differs from a real server (and what tests therefore cannot prove here): every
 * connection shares ONE backend session, queries run one at a time, and an open transaction
 * holds back every other connection until it ends. Advisory locks and LISTEN/NOTIFY are
 * per-session, so they do not separate connections here.
 */
export interface PostgresTestServer {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startPostgresServer(options: { maxConnections?: number } = {}): Promise<PostgresTestServer> {
  const db = await PGlite.create({ extensions: { vector } });
  await db.exec("CREATE EXTENSION IF NOT EXISTS vector");
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: options.maxConnections ?? 40 });
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

/** A port the OS says is free now (the server binds it right after). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
