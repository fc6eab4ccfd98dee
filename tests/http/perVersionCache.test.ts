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

  it("notes nothing and keeps nothing while no index is loaded", () => {
    const cache = new PerVersionCache<{ key: string; made: number }>({ maxEntries: 4, version: () => undefined, keepOnlyRepeated: true });
    for (let i = 0; i < 3; i++) expect(request(cache, "a", i).made).toBe(i);
  });
});
