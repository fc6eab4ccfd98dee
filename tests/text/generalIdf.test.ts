import { describe, expect, it } from "vitest";
import { generalIdfOf, generalIdfTable, scanGeneralIdf } from "../../src/text/generalIdf.js";
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

describe("generalIdfTable", () => {
  const words = ["准备", "模型", "量化", "计划", "这不是一个词"];
  const table = generalIdfTable(words);
  const scanned = scanGeneralIdf((word) => words.includes(word));

  it("holds the idf of each word the table has, and the table's median", () => {
    expect(Object.keys(table.idf).sort()).toEqual(["准备", "模型", "计划", "量化"]);
    expect(table.median).toBe(scanned.idf("这不是一个词"));
    for (const word of words) expect(table.idf[word] ?? table.median).toBe(scanned.idf(word));
  });

  it("read back (as from the index), answers what the scan answers, through a JSON round trip", () => {
    const stored = JSON.parse(JSON.stringify(table)) as typeof table;
    const read = generalIdfOf({ median: stored.median, idf: new Map(Object.entries(stored.idf)) });
    for (const word of [...words, "显存"]) expect(read.idf(word)).toBe(scanned.idf(word));
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
