import { describe, expect, it } from "vitest";
import { gatedTest, mayMatchGated } from "../../src/text/questionGate.js";

/**
 * The shared gate only skips a test that could not have matched: every answer is the pattern's own,
 * whichever texts were read before, and whichever of its patterns is asked first.
 */
describe("questionGate", () => {
  const patterns = [
    /还是(?:别的|另一)哪?(?:篇|份)|\bor (?:was it|is it) another\b/iu,
    /(?:以后|之后)(?=\s*(?:想|能))/gu,
    /\b(?:which|what)\s+stage\b/i,
    /具体(?:是|有)?(?:哪|什么)/u,
  ];
  const tests = patterns.filter((p) => !p.global).map((p) => [p, gatedTest(p)] as const);
  const mays = patterns.map((p) => [p, mayMatchGated(p)] as const);
  const texts = [
    "是七阶段那篇说的吧？还是别的哪篇？",
    "Or was it another one?",
    "OR WAS IT ANOTHER",
    "学完以后想做科研",
    "Which stage covers LoRA?",
    "具体是什么",
    "完全无关的问题",
    "ſtage which",
    "",
  ];

  it("answers as the pattern does, read in any order and again", () => {
    for (const order of [texts, [...texts].reverse(), [...texts, ...texts]])
      for (const text of order) {
        for (const [pattern, test] of tests) expect(test(text)).toBe(new RegExp(pattern.source, pattern.flags).test(text));
        for (const [pattern, may] of mays) if (new RegExp(pattern.source, pattern.flags).test(text)) expect(may(text)).toBe(true);
      }
  });

  it("closes a pattern whose start characters the text lacks", () => {
    const [, mayDoubt] = mays[0]!;
    expect(mayDoubt("完全无关的问题")).toBe(false);
    expect(mayDoubt("还是这个")).toBe(true);
  });

  it("refuses a global pattern's test, which depends on lastIndex", () => {
    expect(() => gatedTest(/a/g)).toThrow();
  });
});
