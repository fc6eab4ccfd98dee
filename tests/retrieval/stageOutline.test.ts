import { describe, expect, it } from "vitest";
import type { Section } from "../../src/corpus/types.js";
import { nameWords, stageName, subtreeEndLine } from "../../src/retrieval/stageOutline.js";

/** An outline of [heading, level, parent, startLine, endLine] rows. */
function outline(rows: [string, number, number | undefined, number, number][]): Section[] {
  return rows.map(([heading, level, parent, startLine, endLine], index) => ({
    index,
    heading,
    level,
    headingPath: [heading],
    startLine,
    endLine,
    ...(parent !== undefined ? { parent } : {}),
  }));
}

describe("subtreeEndLine", () => {
  it("is a section's last line with its descendants, each outline its own, on every call", () => {
    const first = outline([
      ["第一阶段", 2, undefined, 1, 3],
      ["基础", 3, 0, 4, 8],
      ["练习", 4, 1, 9, 12],
      ["第二阶段", 2, undefined, 13, 20],
    ]);
    // The same shape with other lines: another index version's outline.
    const second = outline([
      ["第一阶段", 2, undefined, 1, 3],
      ["基础", 3, 0, 4, 30],
      ["练习", 4, 1, 31, 40],
      ["第二阶段", 2, undefined, 41, 50],
    ]);
    for (let round = 0; round < 2; round++) {
      expect(first.map((s) => subtreeEndLine(first, s))).toEqual([12, 12, 12, 20]);
      expect(second.map((s) => subtreeEndLine(second, s))).toEqual([40, 40, 40, 50]);
    }
  });
});

describe("stageName and nameWords (remembered per heading)", () => {
  it("give each heading its own name and words, the same on every call", () => {
    const headings = ["一、原理学习阶段(2-3 个月)", "四、应用实践阶段", "学习常见问题"];
    // Twice over, other headings asked in between: a remembered value stays its own heading's.
    for (let round = 0; round < 2; round++) {
      expect(headings.map(stageName)).toEqual(["原理学习", "应用实践", "学习常见问题"]);
      expect(headings.map((h) => [...nameWords(h)])).toEqual([["原理"], ["应用", "实践"], ["常见", "问题", "常见问题"]]);
    }
  });

  it("hands out words no caller can change for the next one", () => {
    const words = nameWords("四、应用实践阶段");
    expect(() => (words as string[]).push("阶段")).toThrow();
    expect(nameWords("四、应用实践阶段")).toEqual(["应用", "实践"]);
  });
});
