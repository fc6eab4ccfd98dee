import { appendFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/buildTestApp.js";
import { startPostgresServer, type PostgresTestServer } from "../support/postgresServer.js";
import { migrated, TEST_STATEMENT_TIMEOUT_MS } from "./support/storeTestSupport.js";

const ADMIN = "admin-key-0123456789abcdef";

/**
 * Two replicas (two apps, each with its own tutor and pg pool, on its own port) share one
 * database. A reindex started through one is served by both, while a client loop sends queries
 * to both with zero failures; /readyz of each reports the version it serves.
 */
describe("two replicas on one Postgres index", () => {
  let server: PostgresTestServer;
  const replicas: TestApp[] = [];
  const bases: string[] = [];

  beforeAll(async () => {
    server = await startPostgresServer();
    await migrated(server.url);
    const env = {
      STORE: "postgres",
      DATABASE_URL: server.url,
      ADMIN_KEY: ADMIN,
      PG_POOL_SIZE: "4",
      PG_VERSION_POLL_MS: "250",
      PG_STATEMENT_TIMEOUT_MS: String(TEST_STATEMENT_TIMEOUT_MS),
    };
    // The first builds the first version into the empty database; the second finds it there.
    for (let i = 0; i < 2; i++) {
      const replica = await buildTestApp({ env });
      replicas.push(replica);
      replica.tutor.follow();
      bases.push(await replica.app.listen({ host: "127.0.0.1", port: 0 }));
    }
  }, 300_000);

  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await server?.stop();
  });

  const readyVersion = async (base: string) => {
    const res = await fetch(`${base}/readyz`);
    const body = (await res.json()) as { index?: { version: string; store: string } };
    expect(body.index?.store).toBe("postgres");
    return body.index?.version;
  };
  const search = (base: string, query: string) =>
    fetch(`${base}/api/search`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });

  it("serves a reindex started through one replica on both, with zero failed queries meanwhile", async () => {
    const [a, b] = bases as [string, string];
    const before = await readyVersion(a);
    expect(await readyVersion(b)).toBe(before);

    await appendFile(
      path.join(replicas[0]!.config.CORPUS_DIR, "roadmaps/003_8d5a7f427f497e9f.txt"),
      "\n\n## 补充阶段\n\n新增内容：混合专家模型 MoE 的路由机制与负载均衡。\n",
    );
    const started = await fetch(`${a}/admin/reindex`, { method: "POST", headers: { authorization: `Bearer ${ADMIN}` } });
    expect(started.status).toBe(202);

    let ok = 0;
    const failures: string[] = [];
    let versions: (string | undefined)[] = [before, before];
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      for (const base of bases) {
        const res = await search(base, "参数高效微调 LoRA");
        const body = (await res.json()) as { results?: unknown[] };
        if (res.status === 200 && (body.results?.length ?? 0) > 0) ok++;
        else failures.push(`${base} ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      }
      versions = [await readyVersion(a), await readyVersion(b)];
      if (versions.every((v) => v !== before) && replicas[0]!.tutor.reindex.current().state !== "running") break;
    }
    expect(replicas[0]!.tutor.reindex.current()).toMatchObject({ state: "succeeded" });
    expect(failures).toEqual([]);
    expect(ok).toBeGreaterThan(2);
    // Both serve the same new version: B learnt of it from the database, not from A.
    expect(versions[0]).not.toBe(before);
    expect(versions[1]).toBe(versions[0]);
    for (const base of bases) {
      const res = await search(base, "混合专家模型 路由机制");
      const body = (await res.json()) as { results: { text: string }[] };
      expect(body.results[0]?.text).toContain("混合专家模型");
    }
  }, 300_000);
});
