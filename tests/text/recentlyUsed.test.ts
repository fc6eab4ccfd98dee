import { describe, expect, it } from "vitest";
import { RecentlyUsed } from "../../src/text/recentlyUsed.js";

describe("RecentlyUsed", () => {
  it("holds at most max entries, and keeps a value that is read while others come and go", () => {
    const recent = new RecentlyUsed<string, number>(8);
    recent.set("hot", 0);
    for (let i = 0; i < 1000; i++) {
      recent.set(`cold${i}`, i);
      expect(recent.get("hot"), `after ${i} others`).toBe(0);
      expect(recent.size).toBeLessThanOrEqual(8);
    }
    // Something never read again is dropped once two generations have passed it.
    expect(recent.get("cold0")).toBeUndefined();
    expect(recent.get("cold999")).toBe(999);
  });

  it("gives back what was set under the same key, the latest value winning", () => {
    const recent = new RecentlyUsed<object, string>(4);
    const a = {};
    const b = {};
    recent.set(a, "a");
    recent.set(b, "b");
    recent.set(a, "a2");
    expect(recent.get(a)).toBe("a2");
    expect(recent.get(b)).toBe("b");
    expect(recent.get({})).toBeUndefined();
  });
});
