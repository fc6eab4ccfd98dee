import { describe, expect, it } from "vitest";
import { recentlyComputed } from "../../src/text/recentlyComputed.js";

describe("recentlyComputed", () => {
  it("computes a key once while it is remembered, and starts over when full", () => {
    const calls: string[] = [];
    const upper = recentlyComputed(2, (word: string) => {
      calls.push(word);
      return word.toUpperCase();
    });
    expect([upper("a"), upper("b"), upper("a")]).toEqual(["A", "B", "A"]);
    expect(calls).toEqual(["a", "b"]);
    // A third key fills it: it starts over, so "a" is computed again.
    expect([upper("c"), upper("a")]).toEqual(["C", "A"]);
    expect(calls).toEqual(["a", "b", "c", "a"]);
  });
});
