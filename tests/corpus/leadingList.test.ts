import { describe, expect, it } from "vitest";
import { isNumberedItemLine } from "../../src/corpus/leadingList.js";
import { recoverOutline, sectionAtLine } from "../../src/corpus/outline.js";

const outlineOf = (text: string) => recoverOutline(text.split("\n"));
const summary = (text: string) => outlineOf(text).map((s) => `${s.level}:${s.heading} [${s.startLine}-${s.endLine}]`);

describe("a numbered list before the first heading is the start of the outline", () => {
  it("makes each item a top-level section ending with its own sub-items", () => {
    const text = [
      "# 做菜入门",
      "",
      "先说三种做法：",
      "",
      "1. 清蒸：保留原味",
      "   - 适合海鲜",
      "",
      "2. 红烧",
      "   - 费时间",
      "   - 要收汁",
      "3. 爆炒：火要大",
      "",
      "以上是我的看法。",
      "",
      "## 参考菜谱",
      "",
      "一本书",
    ].join("\n");
    expect(summary(text)).toEqual(["1:1. 清蒸：保留原味 [5-6]", "1:2. 红烧 [8-10]", "1:3. 爆炒：火要大 [11-11]", "1:参考菜谱 [15-17]"]);
    // The sentence after the list belongs to no item: it is the document's preamble again.
    expect(sectionAtLine(outlineOf(text), 13)).toBeUndefined();
    expect(sectionAtLine(outlineOf(text), 9)!.heading).toBe("2. 红烧");
  });

  it("reads 1、 and circled numbers, and a document with no heading at all", () => {
    expect(summary(["① 读书", "② 写字", "③ 练琴"].join("\n"))).toEqual(["1:① 读书 [1-1]", "1:② 写字 [2-2]", "1:③ 练琴 [3-3]"]);
    expect(summary(["开场白", "1、准备", "2、出发", "3、回家"].join("\n"))).toEqual(["1:1、准备 [2-2]", "1:2、出发 [3-3]", "1:3、回家 [4-4]"]);
  });

  it("leaves lists that are not an outline as text", () => {
    // Two items are a passing pair.
    expect(outlineOf(["1. 甲", "2. 乙", "", "## 正文"].join("\n")).map((s) => s.heading)).toEqual(["正文"]);
    // Items that are sentences, not names.
    expect(outlineOf(["1. 先装好环境，再跑通例子。", "2. 然后读论文，做笔记。", "3. 最后动手写项目，多复盘。"].join("\n"))).toEqual([]);
    // Numbering that breaks (1, 2, 4) is no ordered list.
    expect(outlineOf(["1. 甲", "2. 乙", "4. 丁"].join("\n"))).toEqual([]);
    // A list inside a section is that section's content (a course's parts), not the document's outline.
    expect(outlineOf(["## 课程", "1. 基础", "2. 理论", "3. 工程"].join("\n")).map((s) => s.heading)).toEqual(["课程"]);
    // One numbered line framed by blank lines is no label heading either: a section that starts at a
    // numbered line is always a list's item (chunking keeps those inside their list's passage).
    expect(outlineOf(["前言", "", "说明文字。", "", "① 读书", "", "说明文字。"].join("\n")).map((s) => s.heading)).not.toContain("① 读书");
    // Inside a fence it is code.
    expect(outlineOf(["```", "1. a", "2. b", "3. c", "```"].join("\n"))).toEqual([]);
  });

  it("isNumberedItemLine: a numbered line naming a thing", () => {
    expect(isNumberedItemLine("2. RAG：检索增强生成（一系列专家，提升表现幅度，降低幻觉）")).toBe(true);
    expect(isNumberedItemLine("### 1. 标题")).toBe(false);
    expect(isNumberedItemLine("1. 如何在没有强大硬件的情况下学习大模型?")).toBe(false);
    expect(isNumberedItemLine("第一阶段：基础")).toBe(false);
  });
});
