import { describe, expect, it } from "vitest";
import type { Section } from "../../src/corpus/types.js";
import { nameWords, stageName, stepsOf, subtreeEndLine } from "../../src/retrieval/stageOutline.js";

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

describe("stepsOf", () => {
  const headings = outline([
    ["一、打基础阶段", 2, undefined, 1, 10],
    ["二、做应用阶段", 2, undefined, 11, 20],
    ["三、深钻阶段", 2, undefined, 21, 30],
    ["四、学习周期与计划", 2, undefined, 31, 40],
    ["五、关键资源汇总", 2, undefined, 41, 50],
  ]);
  const body = () => "";

  it("keeps to the siblings that call themselves stages when two or more do: the parts after them are no steps", () => {
    expect(stepsOf(headings, headings[2]!, body).map((s) => s.heading)).toEqual(["一、打基础阶段", "二、做应用阶段", "三、深钻阶段"]);
  });

  it("leaves a list whose items call themselves nothing, and a part asked about itself, as they were", () => {
    const list = outline([
      ["1. 微调", 2, undefined, 1, 5],
      ["2. RAG", 2, undefined, 6, 10],
      ["3. 预训练", 2, undefined, 11, 15],
    ]);
    expect(stepsOf(list, list[1]!, body)).toHaveLength(3);
    expect(stepsOf(headings, headings[4]!, body)).toHaveLength(5);
  });
});
