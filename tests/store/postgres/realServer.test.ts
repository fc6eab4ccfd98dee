import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followVersion } from "../../../src/store/postgres/followVersion.js";
import type { IndexStore } from "../../../src/store/types.js";
import type { PostgresTestServer } from "../../support/postgresServer.js";
import { realPostgresTestsRun, startRealPostgres } from "../../support/realPostgres.js";
import { ingestInto, migrated, testPool, testPostgresStore } from "../support/storeTestSupport.js";

const CORPUS = path.resolve("corpus");
const NAME = "a real PostgreSQL server: advisory lock and LISTEN/NOTIFY between sessions";

/**
 * What PGlite cannot show, since it serves every connection in one session (an advisory lock is
 * re-entrant within a session, and a session's own NOTIFY is all it hears).
 */
describe.skipIf(!realPostgresTestsRun(NAME))(NAME, () => {
  let server: PostgresTestServer | undefined;
  const stores: IndexStore[] = [];
  const pools: pg.Pool[] = [];
  const stops: (() => void)[] = [];

  beforeAll(async () => {
    server = await startRealPostgres();
    await migrated(server.url);
  }, 180_000);
  afterAll(async () => {
    for (const stop of stops) stop();
    await Promise.allSettled([...stores.map((s) => s.close()), ...pools.map((p) => p.end())]);
    await server?.stop();
  }, 60_000);

  const live = async (pool: pg.Pool) => (await pool.query<{ v: string }>("SELECT version::text AS v FROM current_version")).rows[0]?.v;

  it("lets exactly one of two concurrent ingests run and tells the other clearly", async () => {
    // The first ingest stops between writing its version and flipping to it, holding the lock,
    // until the second has tried: the overlap is certain, not a race the test hopes to win.
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const first = testPostgresStore(server!.url, {
      beforePublish: async () => {
        holding();
        await released;
      },
    });
    const second = testPostgresStore(server!.url);
    stores.push(first, second);

    const running = ingestInto(first, CORPUS);
    await held;
    const refused = await ingestInto(second, CORPUS).then(
      () => undefined,
      (error: unknown) => error,
    );
    release();
    const summary = await running;

    expect(refused).toBeInstanceOf(Error);
    expect(refused).toMatchObject({ status: 503, code: "overloaded" });
    expect((refused as Error).message).toMatch(/Another ingest is already writing to this database/);
    expect(summary.chunks).toBeGreaterThan(0);
    const pool = testPool(server!.url);
    pools.push(pool);
    const versions = await pool.query<{ n: string }>("SELECT count(*)::text AS n FROM index_versions");
    expect(versions.rows[0]!.n).toBe("1");
    // The lock went with the first ingest: the next one runs.
    await ingestInto(second, CORPUS);
  }, 300_000);

  it("brings a flip to two followers through NOTIFY, not through polling", async () => {
    // Two replicas' followers, each with its own pool and listening connection; polling once a
    // minute so that within this test a new version can only arrive by NOTIFY.
    const followers = [0, 1].map(() => {
      const pool = testPool(server!.url);
      pools.push(pool);
      let listening!: () => void;
      const ready = new Promise<void>((resolve) => (listening = resolve));
      const seen: { version: string; via: string }[] = [];
      let notified!: (version: string) => void;
      const flip = new Promise<string>((resolve) => (notified = resolve));
      stops.push(
        followVersion({
          pool,
          databaseUrl: server!.url,
          pollMs: 60_000,
          connectTimeoutMs: 30_000,
          onListening: listening,
          onVersion: (version, via) => {
            seen.push({ version, via });
            if (via === "notify") notified(version);
          },
        }),
      );
      return { ready, seen, flip };
    });
    await Promise.all(followers.map((f) => f.ready));

    const writer = testPostgresStore(server!.url);
    stores.push(writer);
    await ingestInto(writer, CORPUS);
    const pool = pools[0]!;
    const version = await live(pool);
    for (const follower of followers) {
      expect(await follower.flip).toBe(version);
      expect(follower.seen).toEqual([{ version, via: "notify" }]);
    }
  }, 300_000);
});
