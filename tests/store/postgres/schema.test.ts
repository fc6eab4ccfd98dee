import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IndexNotReady } from "../../../src/errors.js";
import { SCHEMA_VERSION } from "../../../src/store/postgres/migrations.js";
import { checkSchema, migrate } from "../../../src/store/postgres/schema.js";
import { startPostgresServer, type PostgresTestServer } from "../../support/postgresServer.js";
import { testPool, testPostgresStore } from "../support/storeTestSupport.js";

describe("Postgres schema and migrations", () => {
  let server: PostgresTestServer;

  beforeAll(async () => {
    server = await startPostgresServer();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("refuses an unmigrated database, naming the command to run", async () => {
    const store = testPostgresStore(server.url);
    try {
      await expect(store.load()).rejects.toThrow(/npm run db:migrate/);
      await expect(store.load()).rejects.toBeInstanceOf(IndexNotReady);
    } finally {
      await store.close();
    }
  });

  it("migrates once: a second run applies nothing and changes nothing", async () => {
    const pool = testPool(server.url);
    try {
      expect(await migrate(pool)).toEqual([SCHEMA_VERSION]);
      const tables = async () =>
        (await pool.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows.map(
          (r) => r.name,
        );
      const before = await tables();
      expect(before).toEqual(
        expect.arrayContaining([
          "chunks",
          "current_version",
          "documents",
          "embedding_cache",
          "index_versions",
          "lexical_terms",
          "outlines",
          "resources",
          "schema_version",
        ]),
      );
      expect(await migrate(pool)).toEqual([]);
      expect(await tables()).toEqual(before);
      expect((await pool.query("SELECT version FROM schema_version")).rows).toEqual([{ version: SCHEMA_VERSION }]);
      await expect(checkSchema(pool)).resolves.toBeUndefined();
    } finally {
      await pool.end();
    }
  });

  it("refuses a schema migrated by a newer release, and db:migrate does not touch it", async () => {
    const pool = testPool(server.url);
    try {
      await pool.query("INSERT INTO schema_version (version, name) VALUES ($1, 'from the future')", [SCHEMA_VERSION + 1]);
      await expect(checkSchema(pool)).rejects.toThrow(
        new RegExp(`version ${SCHEMA_VERSION + 1}, newer than this build knows \\(${SCHEMA_VERSION}\\)`),
      );
      await expect(migrate(pool)).rejects.toBeInstanceOf(IndexNotReady);
      const store = testPostgresStore(server.url);
      await expect(store.load()).rejects.toThrow(/refusing to start/);
      await store.close();
    } finally {
      await pool.query("DELETE FROM schema_version WHERE version > $1", [SCHEMA_VERSION]);
      await pool.end();
    }
  });
});
