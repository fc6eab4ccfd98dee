import { describe, expect, it } from "vitest";
import { isEverydayWord, scanEverydayWords } from "../../src/text/everydayWords.js";
import everydayWordList from "../../src/text/everydayWords.json" with { type: "json" };

describe("isEverydayWord", () => {
  it("knows the general language's most common words from jieba's idf table", () => {
    for (const word of ["公司", "准备", "比较", "需要", "问题", "工作"]) expect(isEverydayWord(word), word).toBe(true);
  });

  it("does not count the field's words, rarer words or English as everyday", () => {
    for (const word of ["模型", "微调", "编程", "阶段", "显存", "年终奖", "company", "model", ""])
      expect(isEverydayWord(word), word).toBe(false);
  });

  it("reads the words written ahead of time, the same as scanning the installed jieba's idf table (else run scripts/build-everyday-words.ts)", () => {
    expect(everydayWordList).toEqual(scanEverydayWords());
    expect(everydayWordList.length).toBeGreaterThan(300);
  });
});
