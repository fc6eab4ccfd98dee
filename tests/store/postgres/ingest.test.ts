import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type pg from "pg";
import type { IndexStore } from "../../../src/store/types.js";
import { builtFile } from "../../support/childBuild.js";
import { startPostgresServer, type PostgresTestServer } from "../../support/postgresServer.js";
import { ingestInto, migrated, testPool, testPostgresStore } from "../support/storeTestSupport.js";

const CORPUS = path.resolve("corpus");

describe("ingest into Postgres", () => {
  let server: PostgresTestServer;
  let store: IndexStore;
  let pool: pg.Pool;
  const versions = async () =>
    (await pool.query<{ v: string }>("SELECT version::text AS v FROM index_versions ORDER BY version")).rows.map((r) => r.v);
  const live = async () => (await pool.query<{ v: string }>("SELECT version::text AS v FROM current_version")).rows[0]?.v;

  beforeAll(async () => {
    server = await startPostgresServer();
    await migrated(server.url);
    store = testPostgresStore(server.url);
    pool = testPool(server.url);
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    await store?.close();
    await server?.stop();
  });

  it("writes a version, flips to it, re-embeds nothing unchanged, and prunes all but the live and previous versions", async () => {
    const first = await ingestInto(store, CORPUS);
    expect(first.embeddedChunks).toBe(first.chunks);
    expect(first.embeddingCalls).toBeGreaterThan(0);
    const v1 = await live();
    expect(v1).toBeDefined();
    expect((await store.load()).version).toBe(v1);

    const second = await ingestInto(store, CORPUS);
    // The embedding cache lives in the database: an unchanged corpus makes no embedding call.
    expect(second.cachedChunks).toBe(second.chunks);
    expect(second.embeddingCalls).toBe(0);
    const v2 = await live();
    expect(v2).not.toBe(v1);

    await ingestInto(store, CORPUS);
    const v3 = await live();
    expect(await versions()).toEqual([v2, v3]);
    const rows = await pool.query<{ versions: string[] }>(
      "SELECT array_agg(DISTINCT version::text ORDER BY version::text) AS versions FROM chunks",
    );
    expect(rows.rows[0]!.versions.sort()).toEqual([v2, v3].sort());
  }, 300_000);

  it("a process killed (SIGKILL) in the middle of writing leaves the live version serving and no trace of its own", async () => {
    const before = await live();
    const versionsBefore = await versions();
    // The child from the run's build (tests/support/childBuild.ts says why).
    const child = spawn(process.execPath, [builtFile("tests/store/support/ingestChild.ts"), server.url, CORPUS], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const output: string[] = [];
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (data: Buffer) => {
        output.push(data.toString());
        if (output.join("").includes("WRITING")) resolve();
      });
      child.on("exit", (code) => reject(new Error(`the ingest ended (${code}) before it was killed: ${output.join("")}`)));
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGKILL");
    await exited;

    // The server rolled the open transaction back: the half-written version never existed.
    expect(await live()).toBe(before);
    expect(await versions()).toEqual(versionsBefore);
    const snapshot = await store.load();
    expect(snapshot.version).toBe(before);
    expect((await snapshot.lexicalSearch("LoRA 微调", 3)).length).toBeGreaterThan(0);
    expect((await snapshot.nearest(await snapshot.embedQuery("LoRA 微调"), 3)).length).toBe(3);
    // And the next ingest goes through.
    await ingestInto(store, CORPUS);
    expect(await live()).not.toBe(before);
  }, 300_000);
});
