import { describe, expect, it } from "vitest";
import { asksTimePoint, statesTimeSpans } from "../../src/retrieval/timePoint.js";

describe("asksTimePoint", () => {
  it("reads a month or week of the learner's calendar, in Chinese and English", () => {
    expect(asksTimePoint("那份清单里第四个月该学到哪？")).toBe(true);
    expect(asksTimePoint("第 3-5 月主要做什么")).toBe(true);
    expect(asksTimePoint("学了三个月以后该进哪个阶段")).toBe(true);
    expect(asksTimePoint("where should I be by week 8?")).toBe(true);
    expect(asksTimePoint("what do I do in the third month?")).toBe(true);
    expect(asksTimePoint("which stage after 4 months of study?")).toBe(true);
  });

  it("leaves a duration asked, a date and other numbers alone", () => {
    expect(asksTimePoint("这个阶段要学几个月？")).toBe(false);
    expect(asksTimePoint("How many months does the first stage take?")).toBe(false);
    expect(asksTimePoint("2024年9月那篇博客讲了什么")).toBe(false);
    expect(asksTimePoint("第三阶段学什么")).toBe(false);
  });
});

describe("statesTimeSpans", () => {
  it("finds spans of months, weeks or days a roadmap states", () => {
    expect(statesTimeSpans("## 一、基础阶段(2-3 个月)")).toBe(true);
    expect(statesTimeSpans("- 入门：每周 8 小时，持续两个月")).toBe(true);
    expect(statesTimeSpans("第 1-2 月：打基础")).toBe(true);
    expect(statesTimeSpans("plan for 6 weeks of practice")).toBe(true);
  });

  it("does not take a date's month or hours per week for a span", () => {
    expect(statesTimeSpans("发布于 2024年9月5日，更新 2024-09-05")).toBe(false);
    expect(statesTimeSpans("每周10-15小时，循序渐进")).toBe(false);
    expect(statesTimeSpans("第一阶段：基础理论入门")).toBe(false);
  });
});
