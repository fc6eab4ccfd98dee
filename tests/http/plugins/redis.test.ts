import { describe, expect, it } from "vitest";
import { describeRedisUrl, sharedCounterName } from "../../../src/http/plugins/redis.js";

describe("what the Redis plugin logs and stores", () => {
  it("logs the Redis address without the password a URL may carry", () => {
    expect(describeRedisUrl("redis://:hunter2-secret@cache.internal:6379/0")).toBe("redis://cache.internal:6379");
    expect(describeRedisUrl("rediss://user:hunter2-secret@cache.internal")).toBe("rediss://cache.internal");
  });

  it("names counters by a fixed-length digest of the client id", () => {
    const name = sharedCounterName("ip:203.0.113.7");
    expect(name).toMatch(/^[0-9a-f]{32}$/);
    expect(name).not.toBe(sharedCounterName("ip:203.0.113.8"));
    expect(sharedCounterName("ip:203.0.113.7")).toBe(name);
  });
});
