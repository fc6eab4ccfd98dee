import { describe, expect, it } from "vitest";
import { questionDates, questionMonths } from "../../src/retrieval/questionDates.js";

describe("questionDates and questionMonths", () => {
  it("reads year-month references in Chinese and English", () => {
    expect(questionDates("去年3月发的那篇路线")).toEqual([]);
    expect(questionDates("2023年11月那份清单")).toEqual(["2023-11"]);
    // In Chinese numerals, whole or in part.
    expect(questionDates("二〇二三年十一月那份清单")).toEqual(["2023-11"]);
    expect(questionDates("二零二四年9月的笔记")).toEqual(["2024-09"]);
    expect(questionDates("2024年九月的笔记")).toEqual(["2024-09"]);
    expect(questionDates("the guide from Nov. 2023")).toEqual(["2023-11"]);
    expect(questionDates("posted 2023/11, which one")).toEqual(["2023-11"]);
  });

  it("reads a month named without its year, but not a stage's month, a span or a count", () => {
    for (const q of ["九月那篇博客", "9月份那篇", "24年9月那篇", "the September post", "that Sept. blog"])
      expect(questionMonths(q)).toEqual(["09"]);
    expect(questionMonths("十二月那份清单")).toEqual(["12"]);
    expect(questionMonths("May I ask what the May post covers?")).toEqual(["05"]);
    for (const q of ["第 6 月 + 做什么", "1-2月学原理", "前两个月", "3~5月", "you may want to", "2023年11月"])
      expect(questionMonths(q)).toEqual(q.startsWith("2023") ? ["11"] : []);
  });
});
