// The two stores @fastify/rate-limit ships (it exports no types for them). The shared store in
// rateLimitStore.ts composes them rather than re-implementing their counting.
declare module "@fastify/rate-limit/store/RedisStore.js" {
  export type StoreCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;
  export interface BundledRateLimitStore {
    incr(key: string, callback: StoreCallback, timeWindow: number, max: number): void;
    read(key: string, callback: StoreCallback, timeWindow: number, max: number): void;
    child(routeOptions: unknown): BundledRateLimitStore;
  }
  const RedisStore: new (continueExceeding: boolean, exponentialBackoff: boolean, redis: unknown, key?: string) => BundledRateLimitStore;
  export default RedisStore;
}

declare module "@fastify/rate-limit/store/LocalStore.js" {
  import type { BundledRateLimitStore } from "@fastify/rate-limit/store/RedisStore.js";
  const LocalStore: new (continueExceeding: boolean, exponentialBackoff: boolean, cache?: number) => BundledRateLimitStore;
  export default LocalStore;
}
