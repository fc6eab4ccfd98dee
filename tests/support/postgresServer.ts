import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { freePort } from "./freePort.js";

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
 *
 * pglite-socket 0.2 queues protocol messages one by one, so the Parse/Bind/Execute/Sync of two
 * connections' parameterised queries can interleave on the shared session ("unnamed prepared
 * statement does not exist"): a real server keeps each connection's statements apart. The
 * queue below keeps a connection's extended-protocol batch together up to its Sync.
 */
export interface PostgresTestServer {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startPostgresServer(options: { maxConnections?: number } = {}): Promise<PostgresTestServer> {
  const db = await freshDatabase();
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: options.maxConnections ?? 40 });
  keepBatchesTogether(server, db);
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

/**
 * The data directory of a database just made (initdb, then pgvector), kept as a tar in memory by
 * the first server a test worker starts; later servers of that worker (its files share modules:
 * vitest.config.ts's `isolate: false`) restore it instead of running initdb again. On this machine `PGlite.create` costs ~3.4 s of CPU (initdb in WASM) and a
 * restore ~1.3 s, and the suite starts six such servers. Each server still gets a database of
 * its own, in the state initdb left it, that no other server has touched.
 */
let freshDataDir: Promise<Blob> | undefined;

async function freshDatabase(): Promise<PGlite> {
  if (freshDataDir) {
    const dataDir = await freshDataDir.catch(() => undefined);
    if (dataDir) {
      const db = await PGlite.create({ extensions: { vector }, loadDataDir: dataDir });
      await db.exec("CREATE EXTENSION IF NOT EXISTS vector"); // already there: a no-op that says what the test relies on
      return db;
    }
  }
  const db = await PGlite.create({ extensions: { vector } });
  await db.exec("CREATE EXTENSION IF NOT EXISTS vector");
  freshDataDir = db.dumpDataDir("none");
  await freshDataDir;
  return db;
}

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}
interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Frontend messages that continue an extended-protocol batch: Parse, Bind, Describe, Execute, Close, Flush. */
const CONTINUES_BATCH = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

/** Replace the socket server's queue loop with one that serves a connection's batch up to its Sync. */
function keepBatchesTogether(server: PGLiteSocketServer, db: PGlite): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let pinned: number | null = null;
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    if (pinned === handlerId) pinned = null;
    clear(handlerId);
    void queue.processQueue();
  };
  queue.processQueue = async () => {
    if (queue.processing || queue.queue.length === 0) return;
    queue.processing = true;
    try {
      while (queue.queue.length > 0) {
        // The connection in a transaction, or in the middle of a batch, goes on alone.
        const owner = db.isInTransaction() && queue.lastHandlerId !== null ? queue.lastHandlerId : pinned;
        let item: QueuedMessage | undefined;
        if (owner !== null) {
          const at = queue.queue.findIndex((q) => q.handlerId === owner);
          item = at === -1 ? undefined : queue.queue.splice(at, 1)[0];
        } else item = queue.queue.shift();
        if (!item) break;
        let bytes = 0;
        const current = item;
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(current.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                current.onData(data);
              },
            }),
          );
        } catch (error) {
          pinned = null;
          current.reject(error);
          continue;
        }
        pinned = CONTINUES_BATCH.has(current.message[0] ?? 0) ? current.handlerId : null;
        queue.lastHandlerId = current.handlerId;
        current.resolve(bytes);
      }
    } finally {
      queue.processing = false;
    }
  };
}
