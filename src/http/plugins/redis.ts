import { createHash } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import fp from "fastify-plugin";
import type { Redis } from "ioredis";

export interface RedisOptions {
  /** REDIS_URL; without it there is no shared state and every limit is per process. */
  url?: string | undefined;
  connectTimeoutMs: number;
  commandTimeoutMs: number;
}

/**
 * The Redis connection that replicas share their rate-limit and auth-failure counters through,
 * plus the bookkeeping for outages. Counters fall back to this process's memory while Redis
 * does not answer (see docs/operations.md "Shared rate limits"): `failed` and `answered` log the change of
 * state once, not once per request.
 */
export interface SharedRedis {
  client: Redis;
  failed(error: unknown): void;
  answered(): void;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Set when REDIS_URL is configured (src/http/plugins/redis.ts). */
    sharedRedis: SharedRedis | undefined;
  }
}

/**
 * The name a client's counter gets in Redis: a digest, so neither API keys (already only a
 * digest in the client id) nor client addresses are stored in clear in a shared server.
 */
export function sharedCounterName(clientId: string): string {
  return createHash("sha256").update(clientId, "utf8").digest("hex").slice(0, 32);
}

/** The Redis address for logs: host and port only, never the password a URL may carry. */
export function describeRedisUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

class OutageLog {
  private down = false;

  constructor(
    private readonly log: FastifyBaseLogger,
    private readonly where: string,
  ) {}

  failed(error: unknown): void {
    if (this.down) return;
    this.down = true;
    this.log.warn(
      { redis: this.where, reason: error instanceof Error ? error.message : String(error) },
      "Redis does not answer: rate limits and auth-failure budgets fall back to per-process counters until it does",
    );
  }

  answered(): void {
    if (!this.down) return;
    this.down = false;
    this.log.info({ redis: this.where }, "Redis answers again: rate limits are shared across replicas again");
  }
}

/**
 * One ioredis client per process, with a deadline on every call: the connect timeout, a
 * command timeout, no offline queue (a command while disconnected fails at once instead of
 * waiting for a reconnect) and no per-command retries. Reconnects run in the background.
 * A server that cannot reach Redis at startup still starts, on per-process counters.
 */
export const redisPlugin = fp<RedisOptions>(
  async (app, options) => {
    if (!options.url) {
      app.decorate("sharedRedis", undefined);
      return;
    }
    const where = describeRedisUrl(options.url);
    const outage = new OutageLog(app.log, where);
    // Loaded only when configured: most servers run without Redis, and ioredis costs tens of
    // milliseconds at every start.
    const { Redis: RedisClient } = await import("ioredis");
    const client = new RedisClient(options.url, {
      lazyConnect: true,
      connectTimeout: options.connectTimeoutMs,
      commandTimeout: options.commandTimeoutMs,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // Back off to one attempt every 2 s while Redis is away; never give up.
      retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
    });
    // Without a listener ioredis prints every connection error to stderr itself.
    client.on("error", (error: unknown) => outage.failed(error));
    client.on("ready", () => outage.answered());

    try {
      await client.connect();
      app.log.info({ redis: where }, "rate limits are shared through Redis");
    } catch (error) {
      outage.failed(error);
    }
    app.decorate("sharedRedis", { client, failed: (error) => outage.failed(error), answered: () => outage.answered() });
    app.addHook("onClose", async () => {
      client.disconnect();
    });
  },
  { name: "tutor-redis" },
);
