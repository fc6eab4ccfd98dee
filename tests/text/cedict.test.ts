import { describe, expect, it } from "vitest";
import { cedictEnglishWords, cedictGlosses, isEnglishWord } from "../../src/text/cedict.js";

describe("CC-CEDICT's English words", () => {
  it("holds every lowercase word of every gloss, and nothing else", () => {
    const words = cedictEnglishWords();
    // 微调's glosses (fine-tuning) give both halves; a gloss word keeps no capital, digit or hyphen.
    const glossWords = (cedictGlosses().get("微调") ?? []).flatMap((gloss) => gloss.toLowerCase().match(/[a-z]+/g) ?? []);
    expect(glossWords.length).toBeGreaterThan(0);
    for (const word of glossWords) expect(words.has(word), word).toBe(true);
    expect([...words].every((word) => /^[a-z]+$/.test(word))).toBe(true);
    expect(words.size).toBeGreaterThan(40_000);
    expect(isEnglishWord("covered")).toBe(true);
    expect(isEnglishWord("transfomer")).toBe(false);
  });
});
