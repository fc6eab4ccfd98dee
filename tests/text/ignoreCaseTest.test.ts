import { describe, expect, it } from "vitest";
import { everyCharacter, textsAround, TRICKY_PATTERNS } from "./characterFixtures.js";
import { DETAIL_RULES } from "../../src/retrieval/detailRules.js";
import { ignoreCaseTester } from "../../src/text/ignoreCaseTest.js";

/** The texts where `tester` and `pattern.test` disagree, among `texts`. */
function disagreements(pattern: RegExp, texts: readonly string[]): string[] {
  const tester = ignoreCaseTester(pattern);
  return texts.filter((text) => tester(text) !== pattern.test(text));
}

describe("ignoreCaseTester", () => {
  it("answers as the pattern does with every character beside the letters a case-insensitive Unicode test folds", () => {
    const patterns = [...TRICKY_PATTERNS, /^.x$/isu];
    const texts = everyCharacter().flatMap((c) => [...textsAround(c), `${c}x`]);
    for (const pattern of patterns) expect(disagreements(pattern, texts), String(pattern)).toEqual([]);
  });

  it("keeps the pattern's own test where the twin would read a character differently", () => {
    // Each of these differs without the Unicode flag on the text shown (ſ folds to s, the Kelvin
    // sign to k, an astral character is one character, \p means a property, a range holds K).
    const cases: [RegExp, string, boolean][] = [
      [/\bsize\b/iu, "ſize", true],
      [/kit/iu, "\u212Ait", true],
      [/a.b/iu, "a😀b", true],
      [/\p{Script=Han}/iu, "汉", true],
      [new RegExp("[\u2100-\u212E]", "iu"), "k", true],
    ];
    for (const [pattern, text, expected] of cases) {
      expect(pattern.test(text), String(pattern)).toBe(expected);
      expect(ignoreCaseTester(pattern)(text), String(pattern)).toBe(expected);
    }
  });

  it("answers as each detail rule does on questions with any character in them", () => {
    const starts = ["学完 LoRA 之后该学什么?", "which version of the book", "多少钱一个月", "how many weeks", "哪个国家的冠军"];
    // Every 29th character (and the two that fold to ASCII letters): the first test already
    // walks every character through the case-folding patterns; this one checks the rules' own
    // patterns, where a stride of 7 cost ~4 s of CPU per run for no further kind of character.
    const characters = everyCharacter().filter((_, i) => i % 29 === 0 || i === 0x17f || i === 0x212a);
    const texts = starts.flatMap((start) => characters.map((c) => `${start}${c}${start}`));
    for (const rule of DETAIL_RULES) {
      expect(disagreements(rule.asked, texts), `${rule.kind} asked`).toEqual([]);
      expect(disagreements(rule.present, texts), `${rule.kind} present`).toEqual([]);
    }
  });

  it("is still the pattern's test for patterns that are not case-insensitive Unicode ones", () => {
    const global = /a/giu;
    const tester = ignoreCaseTester(global);
    expect(tester("xa")).toBe(true);
    expect(ignoreCaseTester(/A/u)("a")).toBe(false);
    expect(ignoreCaseTester(/A/i)("a")).toBe(true);
  });
});
