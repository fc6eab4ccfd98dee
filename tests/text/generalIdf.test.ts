import { describe, expect, it } from "vitest";
import { scanGeneralIdf } from "../../src/text/generalIdf.js";
import { chineseNouns } from "../../src/text/tokenize.js";

describe("scanGeneralIdf", () => {
  const general = scanGeneralIdf((word) => ["准备", "模型", "量化", "计划"].includes(word));

  it("gives everyday words a lower idf than the field's words", () => {
    expect(general.idf("准备")).toBeLessThan(general.idf("模型"));
    expect(general.idf("计划")).toBeLessThan(general.idf("量化"));
  });

  it("gives a word it did not keep, or the table lacks, the table's median, as jieba does", () => {
    const median = general.idf("这不是一个词");
    expect(median).toBeGreaterThan(general.idf("模型"));
    expect(general.idf("显存")).toBe(median);
  });
});

describe("chineseNouns", () => {
  it("finds the nouns of two characters or more, not the verbs or the question's words", () => {
    const nouns = chineseNouns("周末想学做蛋糕，烤箱要准备哪些？");
    expect(nouns).toEqual(expect.arrayContaining(["蛋糕", "烤箱"]));
    expect(nouns).not.toContain("准备");
    expect(nouns).not.toContain("哪些");
  });
});
