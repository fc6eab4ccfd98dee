import { describe, expect, it } from "vitest";
import { detailPresent } from "../../src/retrieval/detailKinds.js";
import { countedWithModifiers, labelledSeries, partsCounted, seriesCountsAsked } from "../../src/retrieval/enumeratedCounts.js";

/** Texts and questions written for this test (not from any evaluation set). */
describe("counts the documents state by enumerating", () => {
  it("reads a number before a word for parts as a count of parts", () => {
    expect(partsCounted("这套教程分为四个部分：")).toBe(true);
    expect(partsCounted("全书共 3 大板块")).toBe(true);
    expect(partsCounted("这套教程内容很多，部分章节较难")).toBe(false);
  });

  it("answers a count of parts asked in the learner's unit by the document's own count", () => {
    expect(detailPresent("count", ["某某课程\n这套教程分为四个部分："], "那个教程分成几块？")).toBe(true);
    expect(detailPresent("count", ["某某课程\n这套教程分为四个部分："], "How many parts does that tutorial have?")).toBe(true);
    // A count of something that is no part of a whole is not answered by one.
    expect(detailPresent("count", ["某某课程\n这套教程分为四个部分："], "那个教程有多少个学员？")).toBe(false);
  });

  it("reads a series of labelled items numbered from one as a count of what the label names", () => {
    const series = "练习一：写分词器。\n练习二：训练小模型。\n练习三：部署到网页。";
    expect(labelledSeries(series)).toEqual(["练习"]);
    // Numbered out of order or alone, the labels count nothing.
    expect(labelledSeries("练习二：训练小模型。")).toEqual([]);
    expect(labelledSeries("Step 1: read.\nStep 2: write.")).toEqual(["step"]);
    expect(seriesCountsAsked("那份路线的练习一共有几个？", [series])).toBe(true);
    expect(seriesCountsAsked("那份路线的作业一共有几个？", [series])).toBe(false);
    expect(detailPresent("count", [series], "那份路线的练习一共有几个？")).toBe(true);
    expect(detailPresent("count", [series], "那份路线的作业一共有几个？")).toBe(false);
  });

  it("reads a number and its classifier before the counted noun's modifiers as its count", () => {
    expect(countedWithModifiers("工具", "要求熟练使用至少两个开源推理工具")).toBe(true);
    expect(detailPresent("count", ["要求熟练使用至少两个开源推理工具"], "要熟练使用几个工具？")).toBe(true);
    // Another noun after the classifier is no count of this one.
    expect(detailPresent("count", ["完成一个项目，再学习推理工具"], "要熟练使用几个工具？")).toBe(false);
  });
});
