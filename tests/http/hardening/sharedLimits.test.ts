import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildTutorApp } from "../../../src/app.js";
import { buildLlmTestApp, buildTestApp, type TestApp } from "../../support/buildTestApp.js";
import { redisServerInstalled, redisTestsRun, startRedisServer, type RedisServer } from "../../support/redisServer.js";

/**
 * Issue 17 item 5: two replicas (two apps over one index, each with its own Redis connection
 * and its own in-memory counters) enforce one budget per client through a real redis-server.
 */

const KEY = "replica-test-key-0123456789abcdef";
const OTHER_KEY = "replica-other-key-fedcba9876543210";

class LogLines extends Writable {
  readonly lines: { level: number; msg: string; [field: string]: unknown }[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) this.lines.push(JSON.parse(line));
    done();
  }
}

const NAME = "rate limits shared through Redis (REDIS_URL)";

// Counted as a failed test (not only a failed hook) when CI lacks the server these tests need.
describe.runIf(process.env.CI === "true")("CI setup", () => {
  it("has redis-server installed (.ci/run installs it)", () => {
    expect(redisServerInstalled()).toBe(true);
  });
});

describe.skipIf(!redisTestsRun(NAME))(NAME, () => {
  let redis: RedisServer;
  let inspector: Redis;
  let first: TestApp | undefined;
  let second: FastifyInstance | undefined;
  let secondLog: LogLines;

  beforeAll(async () => {
    redis = await startRedisServer();
    inspector = new Redis(redis.url, { lazyConnect: true, commandTimeout: 2000, maxRetriesPerRequest: 0 });
    await inspector.connect();
  });
  afterAll(async () => {
    inspector?.disconnect();
    await redis?.stop();
  });
  afterEach(async () => {
    redis.resume();
    await second?.close();
    await first?.close();
    second = first = undefined;
    await inspector.flushall();
  });

  /** Two replicas over one index; the second one's warnings are captured. */
  async function twoReplicas(env: Record<string, string>): Promise<[FastifyInstance, FastifyInstance]> {
    // A generous command deadline unless a test is about it: a busy CI machine must not look like a Redis outage.
    first = await buildTestApp({ env: { REDIS_URL: redis.url, RATE_LIMIT_WINDOW: "1m", REDIS_COMMAND_TIMEOUT_MS: "5000", ...env } });
    secondLog = new LogLines();
    second = await buildTutorApp(first.tutor, { logger: { level: "info", stream: secondLog } });
    return [first.app, second];
  }

  const search = (app: FastifyInstance, key = KEY) =>
    app.inject({ method: "POST", url: "/api/search", headers: { authorization: `Bearer ${key}` }, payload: { query: "RAG" } });

  it("answers 429 at the configured total across both replicas, on either one", async () => {
    const [a, b] = await twoReplicas({ API_KEYS: `${KEY},${OTHER_KEY}`, RATE_LIMIT_MAX: "6" });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await search(a)).statusCode);
      statuses.push((await search(b)).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    // Each replica has seen only 3 of its 6: per-process counters would still let both through.
    const seventhOnA = await search(a);
    const seventhOnB = await search(b);
    expect([seventhOnA.statusCode, seventhOnB.statusCode]).toEqual([429, 429]);
    expect(seventhOnB.json().error.code).toBe("rate_limited");
    expect(Number(seventhOnB.headers["retry-after"])).toBeGreaterThan(0);
    // Another client has a budget of its own.
    expect((await search(b, OTHER_KEY)).statusCode).toBe(200);
  });

  it("shares the one model budget (RATE_LIMIT_ASK_MAX) of /api/ask and /v1 across replicas", async () => {
    const llm = await buildLlmTestApp({
      chat: () => ({ kind: "text", content: "RAG 是检索增强生成 [1]。" }),
      env: { REDIS_URL: redis.url, RATE_LIMIT_ASK_MAX: "2", RATE_LIMIT_WINDOW: "1m", REDIS_COMMAND_TIMEOUT_MS: "5000" },
    });
    first = llm;
    second = await buildTutorApp(llm.tutor);
    const ask = (app: FastifyInstance) => app.inject({ method: "POST", url: "/api/ask", payload: { question: "RAG 是什么" } });
    const chat = (app: FastifyInstance) =>
      app.inject({
        method: "POST",
        url: "/v1/chat/completions",
        payload: { model: "roadmap-tutor", messages: [{ role: "user", content: "RAG 是什么" }] },
      });
    expect([(await ask(llm.app)).statusCode, (await chat(second)).statusCode]).toEqual([200, 200]);
    const third = await ask(second);
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe("rate_limited");
    expect((await chat(llm.app)).statusCode).toBe(429);
    expect(llm.fake.requests.filter((r) => r.path.endsWith("/chat/completions"))).toHaveLength(2);
  });

  it("stores neither API keys nor client addresses in Redis, only digests", async () => {
    const [a, b] = await twoReplicas({ API_KEYS: KEY, RATE_LIMIT_MAX: "100", AUTH_FAILURE_MAX: "5" });
    await search(a);
    await search(b, "wrong-key-guess-000000000000"); // counts an auth failure for 127.0.0.1
    const names = await inspector.keys("*");
    expect(names.some((n) => n.startsWith("tutor:rate-limit:"))).toBe(true);
    expect(names.some((n) => n.startsWith("tutor:auth-failures:"))).toBe(true);
    const keyDigest = createHash("sha256").update(KEY).digest("hex");
    const stored = [...names, ...(await Promise.all(names.map((n) => inspector.get(n))))].join("\n");
    for (const secret of [KEY, keyDigest.slice(0, 24), "wrong-key-guess", "127.0.0.1", "ip:"]) expect(stored).not.toContain(secret);
    for (const name of names) expect(name).toMatch(/^tutor:(rate-limit|auth-failures):[a-z-]*[0-9a-f]{32}$/);
  });

  it("shares the auth-failure budget: wrong keys on one replica lock the address out of the other", async () => {
    const [a, b] = await twoReplicas({ API_KEYS: KEY, RATE_LIMIT_MAX: "100", AUTH_FAILURE_MAX: "3" });
    expect((await search(a, "wrong-key-guess-000000000001")).statusCode).toBe(401);
    expect((await search(b, "wrong-key-guess-000000000002")).statusCode).toBe(401);
    expect((await search(a, "wrong-key-guess-000000000003")).statusCode).toBe(401);
    const locked = await search(b); // the right key, from the same address: waits out the window
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe("too_many_auth_failures");
  });

  it("while Redis hangs or is gone, each replica keeps serving on its own counters and logs one warning", async () => {
    const [a, b] = await twoReplicas({ API_KEYS: `${KEY},${OTHER_KEY}`, RATE_LIMIT_MAX: "3", REDIS_COMMAND_TIMEOUT_MS: "1000" });
    expect((await search(a)).statusCode).toBe(200); // counted in Redis

    redis.pause(); // connections stay open, nothing answers: every command runs into its timeout
    const onB = [];
    for (let i = 0; i < 4; i++) onB.push((await search(b)).statusCode);
    // Served (not failed closed), and still limited (not fully open): B's own budget of 3.
    expect(onB).toEqual([200, 200, 200, 429]);
    const warnings = secondLog.lines.filter((l) => l.level === 40 && /Redis does not answer/.test(l.msg));
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(secondLog.lines)).not.toContain(KEY);

    redis.resume();
    await inspector.ping(); // Redis has worked through what queued up while it was frozen
    // Shared again: a fresh client's budget of 3 is spent across both replicas.
    const shared = [];
    for (const app of [a, b, a, b]) shared.push((await search(app, OTHER_KEY)).statusCode);
    expect(shared).toEqual([200, 200, 200, 429]);
    expect(secondLog.lines.some((l) => /Redis answers again/.test(l.msg))).toBe(true);
  });

  it("starts and serves when Redis is down at startup (connection refused), and shares once it is up", async () => {
    inspector.disconnect();
    await redis.stop();
    try {
      const [a, b] = await twoReplicas({
        API_KEYS: `${KEY},${OTHER_KEY}`,
        RATE_LIMIT_MAX: "2",
        AUTH_FAILURE_MAX: "2",
        REDIS_CONNECT_TIMEOUT_MS: "500",
      });
      expect([(await search(a)).statusCode, (await search(a)).statusCode, (await search(a)).statusCode]).toEqual([200, 200, 429]);
      expect((await search(b)).statusCode).toBe(200);
      const warning = secondLog.lines.find((l) => l.level === 40 && /Redis does not answer/.test(l.msg));
      expect(warning?.redis).toBe(redis.url);
      // The wrong-key budget falls back too: still enforced, per process.
      expect((await search(a, "wrong-key-guess-000000000001")).statusCode).toBe(401);
      expect((await search(a, "wrong-key-guess-000000000002")).statusCode).toBe(401);
      expect((await search(a, OTHER_KEY)).json().error.code).toBe("too_many_auth_failures");
      expect((await search(b, OTHER_KEY)).statusCode).toBe(200);

      // Redis comes up where the replicas expect it: they reconnect on their own and share again.
      redis = await startRedisServer({ port: redis.port });
      await vi.waitFor(() => expect(secondLog.lines.some((l) => /Redis answers again/.test(l.msg))).toBe(true), {
        timeout: 10_000,
        interval: 100,
      });
      await vi.waitFor(() => expect(first?.app.sharedRedis?.client.status).toBe("ready"), { timeout: 10_000, interval: 100 });
      const shared = [];
      for (const app of [a, b, a]) shared.push((await search(app, OTHER_KEY)).statusCode);
      expect(shared).toEqual([200, 200, 429]);
    } finally {
      if (redis.process.exitCode !== null || redis.process.signalCode !== null) redis = await startRedisServer();
      inspector = new Redis(redis.url, { lazyConnect: true, commandTimeout: 2000, maxRetriesPerRequest: 0 });
      await inspector.connect();
    }
  });
});
