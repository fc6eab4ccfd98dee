import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { recentByChunk } from "../../src/retrieval/recentByChunk.js";

const chunk = (text: string) => ({ id: text, text }) as unknown as Chunk;

describe("recentByChunk", () => {
  it("computes once per chunk object, again for a new object with the same text, and forgets beyond its bound", () => {
    const calls: string[] = [];
    const lengthOf = recentByChunk(2, (c) => {
      calls.push(c.text);
      return { length: c.text.length };
    });
    const [a, b, c] = [chunk("a"), chunk("bb"), chunk("ccc")];
    expect(lengthOf(a)).toEqual({ length: 1 });
    expect(lengthOf(a)).toBe(lengthOf(a));
    expect(calls).toEqual(["a"]);
    lengthOf(chunk("a")); // a new index version's chunk: never the old value
    expect(calls).toEqual(["a", "a"]);
    lengthOf(b);
    lengthOf(c); // the bound is 2: the least recently used goes
    lengthOf(a);
    expect(calls).toEqual(["a", "a", "bb", "ccc", "a"]);
  });
});
