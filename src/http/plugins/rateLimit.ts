import rateLimit from "@fastify/rate-limit";
import type { onRequestAsyncHookHandler } from "fastify";
import fp from "fastify-plugin";
import { TooManyRequests } from "../../errors.js";
import { addressId } from "./apiKeyAuth.js";
import { sharedRateLimitStore } from "./rateLimitStore.js";

export interface RateLimitOptions {
  /** RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW per client. */
  max: number;
  timeWindowMs: number;
  /**
   * One budget for every model-backed route (`config.modelBacked`), per client: RATE_LIMIT_ASK_MAX.
   * Undefined in extractive mode, where answers cost nothing upstream.
   */
  modelBudget?: { max: number; timeWindowMs: number } | undefined;
}

/**
 * Per-client rate limits. The client is `request.clientId` (set by the auth plugin, which must
 * be registered first): the verified key, else the address; never an unverified header.
 *
 * @fastify/rate-limit gives each route with its own limit a separate store, so two routes with
 * the same limit would have two budgets. Model-backed routes therefore opt out of the plugin's
 * per-route hook and share one limiter created once here.
 *
 * With REDIS_URL (the tutor-redis plugin) the counters live in Redis, so replicas share one
 * budget per client; see rateLimitStore.ts for what happens while Redis does not answer.
 */
export const rateLimitPlugin = fp<RateLimitOptions>(
  async (app, options) => {
    const keyGenerator = (request: { clientId: string; ip: string }) => request.clientId || addressId(request.ip);
    const errorResponseBuilder = (_request: unknown, context: { ttl: number; max: number }) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new TooManyRequests(`Rate limit of ${context.max} requests exceeded; retry in ${seconds} s.`, seconds);
    };
    let modelLimiter: onRequestAsyncHookHandler | undefined;
    const { modelBudget } = options;

    // Registered before @fastify/rate-limit so it runs first for each route.
    app.addHook("onRoute", (route) => {
      if (!modelBudget || !route.config?.modelBacked) return;
      modelLimiter ??= app.rateLimit({ max: modelBudget.max, timeWindow: modelBudget.timeWindowMs, keyGenerator, errorResponseBuilder });
      route.config.rateLimit = false;
      const existing = route.onRequest;
      route.onRequest = [...(Array.isArray(existing) ? existing : existing ? [existing] : []), modelLimiter];
    });

    await app.register(rateLimit, {
      ...(app.sharedRedis ? { store: sharedRateLimitStore(app.sharedRedis) } : {}),
      max: options.max,
      timeWindow: options.timeWindowMs,
      keyGenerator,
      errorResponseBuilder,
    });
  },
  { name: "tutor-rate-limit", dependencies: ["tutor-api-key-auth", "tutor-redis"] },
);
