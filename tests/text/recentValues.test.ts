import { describe, expect, it } from "vitest";
import { RecentValues } from "../../src/text/recentValues.js";

describe("RecentValues", () => {
  it("keeps what was set and finds it again", () => {
    const recent = new RecentValues<string, number>(4);
    recent.set("a", 1);
    recent.set("b", 2);
    expect(recent.get("a")).toBe(1);
    expect(recent.get("b")).toBe(2);
    expect(recent.get("c")).toBeUndefined();
  });

  it("holds at most max entries, dropping those unused for a whole generation", () => {
    const recent = new RecentValues<number, number>(4);
    for (let i = 0; i < 100; i++) recent.set(i, i);
    const kept = Array.from({ length: 100 }, (_, i) => i).filter((i) => recent.get(i) !== undefined);
    expect(kept.length).toBeLessThanOrEqual(4);
    expect(kept).toContain(99);
    expect(kept).not.toContain(0);
  });

  it("keeps a key that is read again, however many others come after it", () => {
    const recent = new RecentValues<number, string>(4);
    recent.set(0, "hot");
    for (let i = 1; i < 50; i++) {
      recent.set(i, "cold");
      expect(recent.get(0)).toBe("hot");
    }
  });
});
