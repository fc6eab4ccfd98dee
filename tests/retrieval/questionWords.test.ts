import { describe, expect, it } from "vitest";
import { EN_FILLER, isFiller, ZH_FILLER } from "../../src/retrieval/questionWords.js";

/** isFiller against its plain definition: a Chinese filler phrase as it is, an English filler word in any case. */
const plainIsFiller = (word: string) => EN_FILLER.has(word.toLowerCase()) || ZH_FILLER.includes(word);

describe("isFiller", () => {
  it("answers as lowercasing every word would, for Chinese, English, mixed and odd-cased words", () => {
    const words = [
      ...ZH_FILLER,
      ...EN_FILLER,
      ...[...EN_FILLER].map((w) => w.toUpperCase()),
      "What",
      "LEARN",
      "\u212Anow", // the Kelvin sign lowercases to k: "know"
      "İt", // İ lowercases to i and a combining dot: not "it"
      "it\u0307",
      "模型",
      "什么",
      "RAG",
      "lora",
      "Σ",
      "",
    ];
    let fillers = 0;
    for (const word of words) {
      expect(isFiller(word), word).toBe(plainIsFiller(word));
      if (plainIsFiller(word)) fillers++;
    }
    expect(fillers).toBeGreaterThan(100);
    expect(isFiller("\u212Anow")).toBe(true);
  });

  it("relies on what it checks: English filler is ASCII, and only the Kelvin sign lowercases from outside ASCII to ASCII only", () => {
    expect([...EN_FILLER].every((word) => /^[\x00-\x7f]*$/.test(word))).toBe(true);
    const intoAscii: number[] = [];
    for (let code = 0x80; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      if (/^[\x00-\x7f]*$/.test(String.fromCodePoint(code).toLowerCase())) intoAscii.push(code);
    }
    expect(intoAscii).toEqual([0x212a]);
  });
});
