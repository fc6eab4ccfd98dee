import { appendFile, cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import { setTimeout } from "node:timers/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgresServer, type PostgresTestServer } from "../support/postgresServer.js";
import { redisTestsRun, startRedisServer, type RedisServer } from "../support/redisServer.js";
import { requestFrom, startServerProcess, type ServerProcess } from "../support/serverProcess.js";
import { migrated, TEST_STATEMENT_TIMEOUT_MS } from "./support/storeTestSupport.js";

const ADMIN = "admin-key-0123456789abcdef";
/** The per-client budget both processes must enforce together (one budget, not one each). */
const RATE_LIMIT_MAX = 40;
const NAME = "two server processes on one Postgres index and one Redis";

/**
 * Issue 17: two real `src/server.ts` processes (separate pg pools, LISTEN connections, Redis
 * clients and memory, as two replicas behind a load balancer) share one database and one
 * Redis. Started once: process start-up and the first ingest are the expensive part.
 */
describe.skipIf(!redisTestsRun(NAME))(NAME, () => {
  let postgres: PostgresTestServer | undefined;
  let redis: RedisServer | undefined;
  let dir: string | undefined;
  const processes: ServerProcess[] = [];

  beforeAll(async () => {
    postgres = await startPostgresServer();
    await migrated(postgres.url);
    redis = await startRedisServer();
    dir = await mkdtemp(path.join(os.tmpdir(), "tutor-replicas-"));
    await cp(path.resolve("corpus"), path.join(dir, "corpus"), { recursive: true });
    const env = {
      STORE: "postgres",
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      ADMIN_KEY: ADMIN,
      CORPUS_DIR: path.join(dir, "corpus"),
      INDEX_DIR: path.join(dir, "index"),
      PG_POOL_SIZE: "4",
      // A bound for a lost NOTIFY; the flip itself arrives through NOTIFY.
      PG_VERSION_POLL_MS: "1000",
      PG_STATEMENT_TIMEOUT_MS: String(TEST_STATEMENT_TIMEOUT_MS),
      RATE_LIMIT_MAX: String(RATE_LIMIT_MAX),
      RATE_LIMIT_WINDOW: "1h",
    };
    // The first builds the first version into the empty database; the second finds it there.
    processes.push(await startServerProcess(env));
    processes.push(await startServerProcess(env));
  }, 600_000);

  afterAll(async () => {
    // Runs even when a check failed: no server process outlives the suite.
    await Promise.allSettled(processes.map((p) => p.stop()));
    await redis?.stop();
    await postgres?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  /** Each loop request comes from another loopback address: many clients, none near its budget. */
  let nextClient = 0;
  const someClient = () => `127.0.1.${(nextClient++ % 250) + 1}`;

  const readyVersion = async (base: string) => {
    const res = await requestFrom(someClient(), `${base}/readyz`);
    const body = res.body as { index?: { version: string; store: string } };
    expect(body.index?.store).toBe("postgres");
    return body.index?.version;
  };

  it("serves a reindex started through one process on both, with zero failed queries meanwhile", async () => {
    const [a, b] = processes.map((p) => p.url) as [string, string];
    const before = await readyVersion(a);
    expect(before).toBeDefined();
    expect(await readyVersion(b)).toBe(before);

    await appendFile(
      path.join(dir!, "corpus/roadmaps/003_8d5a7f427f497e9f.txt"),
      "\n\n## 补充阶段\n\n新增内容：混合专家模型 MoE 的路由机制与负载均衡。\n",
    );
    const started = await requestFrom(someClient(), `${a}/admin/reindex`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(started.status).toBe(202);

    let ok = 0;
    const failures: string[] = [];
    let versions: (string | undefined)[] = [before, before];
    // A bounded loop: at most 600 rounds, each waiting for its answers (no sleeps, no timing).
    for (let round = 0; round < 600; round++) {
      for (const base of [a, b]) {
        const res = await requestFrom(someClient(), `${base}/api/search`, { json: { query: "参数高效微调 LoRA" } });
        const results = (res.body as { results?: unknown[] }).results;
        if (res.status === 200 && (results?.length ?? 0) > 0) ok++;
        else failures.push(`${base} ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
      versions = [await readyVersion(a), await readyVersion(b)];
      if (versions.every((v) => v !== before)) break;
      // A pause between rounds: queries keep arriving all through the reindex, without taking
      // the CPU the reindex needs (back to back, they slowed it and cost the suite ~10 s of CPU).
      await setTimeout(25);
    }
    expect(failures).toEqual([]);
    expect(ok).toBeGreaterThan(0);
    // Both serve the same new version: B learnt of it from the database, not from A.
    expect(versions[0]).not.toBe(before);
    expect(versions[1]).toBe(versions[0]);
    // The new version is live before the job has finished (it still prunes and records): ask
    // until it says how it ended, in a bounded loop of requests (no sleeps, no timing).
    let status = await requestFrom(someClient(), `${a}/admin/reindex`, { headers: { authorization: `Bearer ${ADMIN}` } });
    for (let round = 0; round < 600 && (status.body as { state?: string }).state === "running"; round++)
      status = await requestFrom(someClient(), `${a}/admin/reindex`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(status.body).toMatchObject({ state: "succeeded" });
    for (const base of [a, b]) {
      const res = await requestFrom(someClient(), `${base}/api/search`, { json: { query: "混合专家模型 路由机制" } });
      expect((res.body as { results: { text: string }[] }).results[0]?.text).toContain("混合专家模型");
    }
  }, 600_000);

  it("answers 429 once one client has spent the configured total across both processes", async () => {
    const [a, b] = processes.map((p) => p.url) as [string, string];
    const client = "127.0.0.2";
    const statuses: number[] = [];
    // Alternate between the processes: with per-process counters each would allow RATE_LIMIT_MAX.
    for (let i = 0; i < RATE_LIMIT_MAX; i++) {
      statuses.push((await requestFrom(client, `${i % 2 === 0 ? a : b}/api/roadmaps`)).status);
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect((await requestFrom(client, `${a}/api/roadmaps`)).status).toBe(429);
    expect((await requestFrom(client, `${b}/api/roadmaps`)).status).toBe(429);
    // Another client still has its own budget.
    expect((await requestFrom("127.0.0.3", `${b}/api/roadmaps`)).status).toBe(200);
  }, 300_000);
});
