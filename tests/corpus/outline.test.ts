import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findTitleHeading, recoverOutline, sectionAtLine } from "../../src/corpus/outline.js";
import type { Section } from "../../src/corpus/types.js";
import { rawLines, realDocument } from "./realCorpus.js";

const fixture = (name: string) => readFileSync(path.resolve("tests/fixtures/corpus/outline", name), "utf8").split("\n");
const headings = (sections: Section[]) => sections.map((s) => s.heading);
const topLevel = (sections: Section[]) => sections.filter((s) => s.level === 1).map((s) => s.heading);

const STAGES_001 = ["第一阶段：基础理论入门", "第二阶段：核心技术解析", "第三阶段：编程基础与工具使用", "第四阶段：实战项目与案例分析", "第五阶段：高级应用开发", "第六阶段：模型微调与私有化部署", "第七阶段：前沿技术探索"];

describe("outline of the real corpus", () => {
  it("001: 学习路径 and 学习笔记 each hold the seven stages", () => {
    const outline = realDocument("001").outline;
    expect(topLevel(outline)).toEqual(["学习路径", "学习笔记"]);
    const under = (parent: string) => outline.filter((s) => s.parent !== undefined && outline[s.parent]!.heading === parent);
    expect(headings(under("学习路径"))).toEqual(STAGES_001);
    expect(headings(under("学习笔记"))).toEqual(STAGES_001);
    expect(outline.find((s) => s.heading === "第七阶段：前沿技术探索")!.headingPath).toEqual(["学习路径", "第七阶段：前沿技术探索"]);
    expect(outline.at(-1)!.headingPath).toEqual(["学习笔记", "第七阶段：前沿技术探索"]);
    expect(outline.every((s) => s.level === (s.parent === undefined ? 1 : 2))).toBe(true);
  });

  it("002: the six Chinese-numbered parts in order, labels nested below", () => {
    const outline = realDocument("002").outline;
    expect(topLevel(outline).map((h) => h.replace(/[(（].*$/, ""))).toEqual(["一、原理学习阶段", "二、接入开发阶段", "三、场景应用阶段", "四、学习周期与计划", "五、关键资源汇总", "六、持续学习建议"]);
    const math = outline.find((s) => s.heading === "数学与理论基础")!;
    expect(math.headingPath).toEqual(["一、原理学习阶段(2-3 个月)", "数学与理论基础"]);
    expect(math.level).toBe(2);
    // The promotional tail is gone, so none of its numbered lines became sections.
    expect(headings(outline)).not.toContain("一、 AI大模型学习路线图");
    expect(outline.filter((s) => s.level === 1).at(-1)!.heading).toBe("六、持续学习建议");
    expect(headings(outline)).toContain("大模型就业发展前景");
  });

  it("003: five stages at top level with their ### children; the # title is the document's title", () => {
    const lines = realDocument("003").text.split("\n");
    const outline = recoverOutline(lines);
    expect(findTitleHeading(lines)).toEqual({ text: "大模型学习路径指南", line: 1 });
    const stages = ["入门阶段", "基础夯实阶段", "应用实践阶段", "专业深入阶段", "前沿研究阶段"];
    expect(topLevel(outline).filter((h) => stages.includes(h))).toEqual(stages);
    const entry = outline.find((s) => s.heading === "入门阶段")!;
    expect(entry.level).toBe(1);
    const children = outline.filter((s) => s.parent === entry.index).map((s) => s.heading);
    expect(children).toEqual(["学习目标", "推荐资源", "阶段评估"]);
    const course = outline.find((s) => s.headingPath.join("/") === "入门阶段/推荐资源/入门课程")!;
    expect(course.level).toBe(3);
    expect(course.startLine).toBe(40);
  });

  it("004: 0x00 … 0x36 in order, 0x31..0x36 under 0x30", () => {
    const outline = realDocument("004").outline;
    expect(headings(outline).map((h) => h.slice(0, 4))).toEqual(["0x00", "0x10", "0x20", "0x30", "0x31", "0x32", "0x33", "0x34", "0x35", "0x36"]);
    const deep = outline.find((s) => s.heading.startsWith("0x30"))!;
    for (const section of outline.filter((s) => /^0x3[1-6]/.test(s.heading))) {
      expect(section.parent).toBe(deep.index);
      expect(section.level).toBe(2);
    }
  });

  it("000: its leading numbered list, then its markdown headings; front matter excluded", () => {
    const outline = realDocument("000").outline;
    expect(headings(outline).map((h) => h.replace(/[：(（].*$/u, ""))).toEqual(["1. 微调", "2. RAG", "3. 提示词工程", "4. 预训练", "一些课程", "NLP", "深度学习", "论文精读", "llm-course :star:", "提示词工程", "一些项目"]);
    expect(outline.find((s) => s.heading === "NLP")!.headingPath).toEqual(["一些课程", "NLP"]);
    expect(outline.slice(0, 4).map((s) => [s.startLine, s.endLine, s.level])).toEqual([[44, 45, 1], [47, 52, 1], [54, 56, 1], [58, 59, 1]]);
    expect(outline[4]!.startLine).toBe(67);
    // The line after the list is no part of its last item.
    expect(sectionAtLine(outline, 63)).toBeUndefined();
  });

  it("section line ranges are true to the file", () => {
    for (const prefix of ["000", "001", "002", "003", "004"]) {
      const raw = rawLines(prefix);
      for (const section of realDocument(prefix).outline) {
        expect(raw[section.startLine - 1], `${prefix} ${section.heading}`).toContain(section.heading.replace(/^#+\s*/, ""));
        expect(section.endLine).toBeGreaterThanOrEqual(section.startLine);
      }
    }
  });
});

describe("outline rules on fixtures", () => {
  it("stage lines, with a short intro line above a run as their parent", () => {
    const outline = recoverOutline(fixture("stages.txt"));
    expect(outline.map((s) => s.headingPath.join(" / "))).toEqual([
      "入门指南",
      "入门指南 / 第一阶段：打基础",
      "入门指南 / 第 2 阶段 工程实践",
      "参考资料",
      "参考资料 / 第一阶段：打基础",
      "参考资料 / 第二阶段：进阶",
    ]);
    expect(outline[1]).toMatchObject({ startLine: 2, endLine: 3, level: 2, parent: 0 });
  });

  it("Chinese enumerations, parenthesised sub-enumerations and blank-framed labels", () => {
    const outline = recoverOutline(fixture("enumerations.txt"));
    expect(outline.map((s) => `${s.level}:${s.heading}`)).toEqual([
      "1:一、原理阶段(1-2 个月)",
      "2:目标",
      "2:数学基础",
      "1:二、应用阶段",
      "2:（一）检索增强",
      "2:（二）微调",
      "1:三、总结",
    ]);
    // Bullets and the title sentence are body text, not headings.
    expect(outline.map((s) => s.heading)).not.toContain("• 线性代数");
  });

  it("markdown: fences ignored, bold-only lines nest, setext headings, two # means no title", () => {
    const outline = recoverOutline(fixture("markdown.md"));
    expect(outline.map((s) => s.headingPath.join(" / "))).toEqual([
      "学习手册",
      "学习手册 / 0x10 入门",
      "学习手册 / 0x10 入门 / 0x11 工具",
      "学习手册 / 0x10 入门 / 0x11 工具 / 推荐书籍",
      "学习手册 / 0x20 进阶",
      "附录",
      "附录 / 资源列表",
    ]);
  });

  it("plain hex numbering nests x1..x9 under x0", () => {
    const outline = recoverOutline(fixture("hex-plain.txt"));
    expect(outline.map((s) => `${s.level}:${s.heading}`)).toEqual(["1:0x10 入门篇", "2:0x11 数学", "2:0x12 编程", "1:0x20 深入篇", "2:0x21 训练"]);
  });

  it("sectionAtLine finds the innermost section, undefined before the first", () => {
    const outline = recoverOutline(fixture("stages.txt"));
    expect(sectionAtLine(outline, 3)!.heading).toBe("第一阶段：打基础");
    expect(sectionAtLine(outline, 10)!.headingPath).toEqual(["参考资料", "第二阶段：进阶"]);
    expect(sectionAtLine(recoverOutline(["intro", "", "## A", "x"]), 1)).toBeUndefined();
  });
});
