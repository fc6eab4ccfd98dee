import { describe, expect, it } from "vitest";
import { buildDocument } from "../../src/corpus/buildDocument.js";
import type { CorpusDocument } from "../../src/corpus/types.js";
import { roadmapStages } from "../../src/retrieval/roadmapStages.js";
import { statedDurations, statedTotalDuration, type StatedDuration } from "../../src/retrieval/stageDurations.js";
import { realDocument } from "../corpus/realCorpus.js";

function linesOf(doc: CorpusDocument): string[] {
  return doc.text.split("\n");
}

/** Durations per drawn stage of a document's first path, with the stage headings. */
function durationsOf(doc: CorpusDocument): { heading: string; durations: StatedDuration[] }[] {
  const lines = linesOf(doc);
  const body = (s: { startLine: number; endLine: number }) => lines.slice(s.startLine, s.endLine).join("\n");
  const stages = roadmapStages(doc, body).paths[0]?.stages ?? [];
  const durations = statedDurations(
    lines,
    stages.map((s) => ({ heading: s.heading, headingLines: s.sections.map((x) => x.startLine) })),
  );
  return stages.map((s, i) => ({ heading: s.heading, durations: durations[i] ?? [] }));
}

/** Every phrase of a stated duration is written on the lines it cites. */
function expectQuotedFrom(lines: string[], duration: StatedDuration): void {
  const cited = lines.slice(duration.lines.start - 1, duration.lines.end).join("\n");
  for (const phrase of duration.text.split("，"))
    expect(cited, `${phrase} on lines ${duration.lines.start}-${duration.lines.end}`).toContain(phrase);
}

describe("stated durations", () => {
  it("quotes 002's durations from its stage headings and from its plan, each with its line", () => {
    const doc = realDocument("002");
    const stages = durationsOf(doc);
    const brief = stages.map((s) => s.durations.map((d) => [d.text, d.source, d.lines.start, d.lines.end]));
    expect(brief.slice(0, 3)).toEqual([
      [
        ["2-3 个月", "heading", 5, 5],
        ["第 1-2 月", "plan", 229, 231],
      ],
      [
        ["3-4 个月", "heading", 93, 93],
        ["第 3-5 月", "plan", 233, 235],
      ],
      [
        ["持续学习", "heading", 161, 161],
        ["第 6 月 +", "plan", 237, 239],
      ],
    ]);
    // 五、关键资源汇总 and 六、持续学习建议 are the post's other parts, not stages (stepsOf: only three of its
    // numbered sections call themselves 阶段).
    expect(stages).toHaveLength(3);
    for (const stage of stages) for (const d of stage.durations) expectQuotedFrom(linesOf(doc), d);
    expect(statedTotalDuration(linesOf(doc))).toMatchObject({ text: "6 - 8 个月", lines: { start: 227, end: 227 } });
  });

  it("reads 003's box diagram column by column and its time-planning answers by stage label", () => {
    const doc = realDocument("003");
    const stages = durationsOf(doc);
    expect(stages.map((s) => s.heading)).toEqual(["入门阶段", "基础夯实阶段", "应用实践阶段", "专业深入阶段", "前沿研究阶段"]);
    expect(stages.map((s) => s.durations.filter((d) => d.source === "diagram").map((d) => d.text))).toEqual([
      ["1-2个月"],
      ["2-3个月"],
      ["3-6个月"],
      ["6-12个月"],
      ["持续发展"],
    ]);
    expect(stages[0]!.durations.find((d) => d.source === "label")).toMatchObject({
      text: "每周10-15小时，持续1-2个月",
      lines: { start: 361, end: 361 },
    });
    expect(stages[1]!.durations.find((d) => d.source === "label")).toMatchObject({
      text: "每周15-20小时，持续2-3个月",
      lines: { start: 362, end: 362 },
    });
    // "时长：约3小时" (line 44) is a course inside 入门阶段, not the stage's duration.
    expect(stages[0]!.durations.some((d) => d.lines.start === 44)).toBe(false);
    for (const stage of stages) for (const d of stage.durations) expectQuotedFrom(linesOf(doc), d);
  });

  it("invents none: 001 states no durations, so none of its seven stages gets one", () => {
    const stages = durationsOf(realDocument("001"));
    expect(stages).toHaveLength(7);
    expect(stages.every((s) => s.durations.length === 0)).toBe(true);
    expect(statedTotalDuration(linesOf(realDocument("001")))).toBeUndefined();
  });

  it("gives a stage with a stated duration its duration and the stage beside it none", () => {
    const doc = buildDocument(
      "roadmaps/fixture.md",
      [
        "# 路线",
        "",
        "## 第一阶段：入门（约两周）",
        "",
        "读一本书。",
        "",
        "## 第二阶段：进阶",
        "",
        "- 课程 A",
        "  - 时长：约3小时",
        "",
        "## 第三阶段：实战",
        "",
        "时间安排",
        "",
        "- 实战：每周 8 小时，持续 2 months",
      ].join("\n"),
    ).document;
    const stages = durationsOf(doc);
    expect(stages.map((s) => s.heading)).toEqual(["第一阶段：入门（约两周）", "第二阶段：进阶", "第三阶段：实战"]);
    expect(stages[0]!.durations.map((d) => [d.text, d.lines.start])).toEqual([["两周", 3]]);
    expect(stages[1]!.durations).toEqual([]);
    expect(stages[2]!.durations.map((d) => [d.text, d.source, d.lines.start])).toEqual([["每周 8 小时，持续 2 months", "label", 16]]);
  });
});
