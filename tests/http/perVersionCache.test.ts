import { describe, expect, it } from "vitest";
import { PerVersionCache } from "../../src/http/perVersionCache.js";

/** A request through the cache: the hit, or a fresh value kept as the slot allows. */
function request(cache: PerVersionCache<{ key: string; made: number }>, key: string, made: number) {
  const slot = cache.slot([key]);
  if (slot.hit) return slot.hit;
  const value = { key, made };
  slot.keep(value);
  return value;
}

describe("PerVersionCache keepOnlyRepeated", () => {
  it("keeps a value from its key's second request on", () => {
    const cache = new PerVersionCache<{ key: string; made: number }>({ maxEntries: 4, version: () => "v1", keepOnlyRepeated: true });
    expect(request(cache, "a", 1).made).toBe(1);
    expect(request(cache, "a", 2).made).toBe(2);
    expect(request(cache, "a", 3).made).toBe(2);
  });

  it("keeps at the first request without it", () => {
    const cache = new PerVersionCache<{ key: string; made: number }>({ maxEntries: 4, version: () => "v1" });
    expect(request(cache, "a", 1).made).toBe(1);
    expect(request(cache, "a", 2).made).toBe(1);
  });

  it("still keeps repeated keys among thousands asked once", () => {
    const cache = new PerVersionCache<{ key: string; made: number }>({ maxEntries: 8, version: () => "v1", keepOnlyRepeated: true });
    let made = 0;
    for (let i = 0; i < 5000; i++) request(cache, `new ${i}`, made++);
    request(cache, "starter", made++);
    for (let i = 0; i < 5; i++) request(cache, `new again ${i}`, made++);
    const kept = request(cache, "starter", made++);
    expect(request(cache, "starter", made++)).toBe(kept);
    // None of the keys asked once was kept.
    for (let i = 0; i < 5000; i += 500) expect(request(cache, `new ${i}`, -1).made).toBe(-1);
  });

  it("does not admit a key asked again only after more misses than the cache holds", () => {
    const cache = new PerVersionCache<{ key: string; made: number }>({ maxEntries: 8, version: () => "v1", keepOnlyRepeated: true });
    let made = 0;
    request(cache, "late", made++);
    for (let i = 0; i < 8; i++) request(cache, `other ${i}`, made++);
    // Noted 9 misses ago: past the window of 8, so it is noted afresh, not kept (the next request computes again).
    request(cache, "late", made++);
    expect(request(cache, "late", -1).made).toBe(-1);
    // That one was within the window: it was kept.
    expect(request(cache, "late", -2).made).toBe(-1);
  });

  it("serves nothing from the cache to a pool of keys larger than it, cycled (the bench's distinct workload), as without the doorkeeper", () => {
    for (const keepOnlyRepeated of [false, true]) {
      const cache = new PerVersionCache<{ key: string; made: number }>({ maxEntries: 1000, version: () => "v1", keepOnlyRepeated });
      let hits = 0;
      for (let n = 0; n < 5 * 3200; n++) if (request(cache, `question ${n % 3200}`, n).made !== n) hits++;
      expect(hits).toBe(0);
    }
  });

  it("notes nothing and keeps nothing while no index is loaded", () => {
    const cache = new PerVersionCache<{ key: string; made: number }>({ maxEntries: 4, version: () => undefined, keepOnlyRepeated: true });
    for (let i = 0; i < 3; i++) expect(request(cache, "a", i).made).toBe(i);
  });
});
