import { describe, expect, it } from "vitest";
import { firstAtLeast } from "../../src/text/sortedLists.js";

describe("firstAtLeast", () => {
  it("finds the first position at or after `from` holding a value not below the one sought, as a scan does", () => {
    const list = Uint32Array.from([1, 3, 3, 4, 9, 12, 12, 12, 20, 31, 40, 41, 58]);
    const scan = (from: number, end: number, value: number) => {
      let at = from;
      while (at < end && list[at]! < value) at++;
      return at;
    };
    for (let from = 0; from <= list.length; from++)
      for (let end = from; end <= list.length; end++)
        for (let value = 0; value <= 60; value++)
          expect(firstAtLeast(list, from, end, value), `${from} ${end} ${value}`).toBe(scan(from, end, value));
  });
});
