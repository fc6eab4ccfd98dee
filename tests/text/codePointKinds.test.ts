/** codePointKinds.ts: its tables against the patterns they stand for, unit by unit and beyond the BMP. */
import { describe, expect, it } from "vitest";
import { hanRunsOf, hanUnitCount, isHanCodePoint, isWhitespaceCodePoint } from "../../src/text/codePointKinds.js";

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

  it("finds the Han runs and counts the Han units as the patterns do", () => {
    const texts = ["", "LoRA", "学完 LoRA 之后该学什么?", "𠮷野家的𠀀𠀁 野家", "中\uD840文\uDC00字", "〇々〆ㄅ⺀中", "ａｂ中文，英文。"];
    for (let unit = 0x2e00; unit < 0xa000; unit += 3) texts.push(`学${String.fromCharCode(unit)}习 x${String.fromCharCode(unit)}`);
    for (const text of texts) {
      expect(hanRunsOf(text)).toEqual(text.match(/\p{Script=Han}+/gu) ?? []);
      expect(hanUnitCount(text)).toBe(text.replace(/[^\p{Script=Han}]/gu, "").length);
    }
    expect(hanRunsOf("学完 LoRA 之后")).toEqual(["学完", "之后"]);
    expect(hanUnitCount("𠮷a中")).toBe(3);
  });
});
