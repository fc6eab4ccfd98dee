import { describe, expect, it } from "vitest";
import { normalizeNumberRanges } from "../../src/text/numberRange.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";

/** Ranges written for this test, the ways learners type them. */
describe("normalizeNumberRanges", () => {
  it("writes a range the way the documents do, so it is one search token", () => {
    expect(normalizeNumberRanges("weeks 2 to 4 of the plan")).toBe("weeks 2-4 of the plan");
    expect(normalizeNumberRanges("第4到6个月学什么")).toBe("第4-6个月学什么");
    expect(normalizeNumberRanges("每周 8~10 小时")).toBe("每周 8-10 小时");
    expect(tokenizeForSearch(normalizeNumberRanges("months 7 through 9"))).toContain("7-9");
  });

  it("leaves what is not an ascending range alone", () => {
    expect(normalizeNumberRanges("from 9 to 2")).toBe("from 9 to 2");
    expect(normalizeNumberRanges("GPT-3 to 4")).toBe("GPT-3 to 4");
    expect(normalizeNumberRanges("version 1.5 to 2.0")).toBe("version 1.5 to 2.0");
  });
});
