import { describe, expect, it } from "vitest";
import { QUESTION_TEXTS_REMEMBERED, questionMemo } from "../../src/text/questionMemo.js";

describe("questionMemo", () => {
  it("computes a text once while the texts of the last few requests are held, and the newest are always held", () => {
    const calls: string[] = [];
    const upper = questionMemo((text: string) => {
      calls.push(text);
      return text.toUpperCase();
    });
    // Every text is read again right after it was first computed (a request's stages), across many texts.
    for (let i = 0; i < 10 * QUESTION_TEXTS_REMEMBERED; i++) {
      const text = `question ${i}`;
      expect(upper(text)).toBe(text.toUpperCase());
      if (i >= 4) expect(upper(`question ${i - 4}`)).toBe(`QUESTION ${i - 4}`);
    }
    expect(calls).toHaveLength(10 * QUESTION_TEXTS_REMEMBERED);
  });

  it("forgets a text once many newer ones came, so nothing is held for long", () => {
    const calls: string[] = [];
    const length = questionMemo((text: string) => {
      calls.push(text);
      return text.length;
    });
    length("first");
    for (let i = 0; i < QUESTION_TEXTS_REMEMBERED; i++) length(`later ${i}`);
    length("first");
    expect(calls.filter((text) => text === "first")).toHaveLength(2);
  });

  it("remembers null as a value", () => {
    let calls = 0;
    const none = questionMemo(() => {
      calls += 1;
      return null;
    });
    expect([none("a"), none("a")]).toEqual([null, null]);
    expect(calls).toBe(1);
  });
});
