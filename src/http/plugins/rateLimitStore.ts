import LocalStore from "@fastify/rate-limit/store/LocalStore.js";
import RedisStore, { type BundledRateLimitStore, type StoreCallback } from "@fastify/rate-limit/store/RedisStore.js";
import type { FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import { sharedCounterName, type SharedRedis } from "./redis.js";

/** Prefix of every rate-limit counter in Redis (one namespace, easy to inspect or flush). */
export const RATE_LIMIT_KEY_PREFIX = "tutor:rate-limit:";

/** Clients the fallback counters remember (least recently seen forgotten first): @fastify/rate-limit's own default. */
const LOCAL_CAPACITY = 5000;

/**
 * A @fastify/rate-limit store that counts in Redis, so every replica draws on one budget per
 * client, and falls back to this process's own counters while Redis does not answer (refused,
 * or past the command timeout). Neither fail-closed (a Redis outage would refuse every
 * request on every replica) nor fully open (an outage would lift the limits that protect the
 * model budget and slow key guessing): during an outage each replica enforces the budget on
 * its own, so a client gets at most N × the budget across N replicas. Both stores are the
 * ones the plugin ships; only the choice between them is ours.
 *
 * Counter names in Redis are digests of the client id (see `sharedCounterName`).
 */
export function sharedRateLimitStore(redis: SharedRedis): FastifyRateLimitStoreCtor {
  class SharedStore {
    constructor(
      _options: unknown,
      private readonly shared: BundledRateLimitStore = new RedisStore(false, false, redis.client, RATE_LIMIT_KEY_PREFIX),
      private readonly local: BundledRateLimitStore = new LocalStore(false, false, LOCAL_CAPACITY),
    ) {}

    incr(key: string, callback: StoreCallback, timeWindow: number, max: number): void {
      this.shared.incr(sharedCounterName(key), this.orLocal("incr", key, callback, timeWindow, max), timeWindow, max);
    }

    read(key: string, callback: StoreCallback, timeWindow: number, max: number): void {
      this.shared.read(sharedCounterName(key), this.orLocal("read", key, callback, timeWindow, max), timeWindow, max);
    }

    /** Routes with a limit of their own get their own counters; @fastify/rate-limit names them after the route. */
    child(routeOptions: { routeInfo?: { method?: string; url?: string } }): SharedStore {
      // A limiter made with app.rateLimit() has no route: name it, rather than "undefinedundefined-".
      const named = routeOptions.routeInfo?.url ? routeOptions : { ...routeOptions, routeInfo: { method: "shared", url: "" } };
      return new SharedStore(undefined, this.shared.child(named), this.local.child(routeOptions));
    }

    private orLocal(method: "incr" | "read", key: string, callback: StoreCallback, timeWindow: number, max: number): StoreCallback {
      return (error, result) => {
        if (!error) {
          redis.answered();
          callback(null, result);
          return;
        }
        redis.failed(error);
        this.local[method](key, callback, timeWindow, max);
      };
    }
  }
  return SharedStore as unknown as FastifyRateLimitStoreCtor;
}
