import { describe, expect, it } from "vitest";
import { grownInt32, grownUint32 } from "../../src/text/grownArrays.js";

describe("grownUint32 / grownInt32", () => {
  it("copies the entries into an array at least as long as needed and twice the old one, the rest 0", () => {
    const grown = grownUint32(Uint32Array.of(7, 8), 3);
    expect([...grown]).toEqual([7, 8, 0, 0]);
    expect(grownUint32(Uint32Array.of(1), 9).length).toBe(9);
    expect([...grownInt32(Int32Array.of(-1, 2, 3), 4)]).toEqual([-1, 2, 3, 0, 0, 0]);
  });
});
