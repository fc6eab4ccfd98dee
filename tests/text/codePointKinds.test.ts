/** codePointKinds.ts: its tables against the patterns they stand for, unit by unit and beyond the BMP. */
import { describe, expect, it } from "vitest";
import { isHanCodePoint, isWhitespaceCodePoint } from "../../src/text/codePointKinds.js";

describe("codePointKinds", () => {
  it("reads every BMP unit (lone surrogates too) as /\\p{Script=Han}/u and /\\s/u do", () => {
    const wrong: number[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const char = String.fromCharCode(unit);
      if (isHanCodePoint(unit) !== /^\p{Script=Han}$/u.test(char) || isWhitespaceCodePoint(unit) !== /^\s$/u.test(char)) wrong.push(unit);
    }
    expect(wrong).toEqual([]);
    // Asked again, from the table.
    expect([isHanCodePoint(0x4e2d), isHanCodePoint(0x61), isWhitespaceCodePoint(0x3000), isWhitespaceCodePoint(0x4e2d)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it("reads code points beyond the BMP as the patterns do", () => {
    for (const point of [0x20000, 0x2a6d6, 0x2f800, 0x30000, 0x10000, 0x1f600, 0xe0100]) {
      const char = String.fromCodePoint(point);
      expect(isHanCodePoint(point)).toBe(/^\p{Script=Han}$/u.test(char));
      expect(isWhitespaceCodePoint(point)).toBe(false);
    }
    expect(isHanCodePoint(0x20000)).toBe(true);
  });
});
