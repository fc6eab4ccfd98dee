import { describe, expect, it } from "vitest";
import { asksCoverage, asksLocation } from "../../src/text/questionCues.js";

describe("asksLocation", () => {
  it("reads a question about where something sits in a roadmap, in Chinese and English", () => {
    expect(asksLocation("剪枝放在哪一节？")).toBe(true);
    expect(asksLocation("知识蒸馏是第几阶段学的")).toBe(true);
    expect(asksLocation("Which phase covers pruning?")).toBe(true);
    expect(asksLocation("where does distillation come in that plan?")).toBe(true);
  });

  it("does not read a question that asks what a thing is or how long it takes", () => {
    expect(asksLocation("剪枝是什么意思？")).toBe(false);
    expect(asksLocation("How long does the pruning part take?")).toBe(false);
  });
});

describe("asksCoverage", () => {
  it("reads a question about whether a document covers, mentions or recommends something", () => {
    expect(asksCoverage("那份清单有没有讲剪枝？")).toBe(true);
    expect(asksCoverage("它有推荐具体的蒸馏工具吗")).toBe(true);
    expect(asksCoverage("Does the guide mention pruning?")).toBe(true);
    expect(asksCoverage("does that list say anything about distillation?")).toBe(true);
  });

  it("does not read a question that asks what a thing is or where it sits", () => {
    expect(asksCoverage("剪枝是什么意思？")).toBe(false);
    expect(asksCoverage("Which stage covers pruning?")).toBe(false);
  });
});
