import { describe, expect, it } from "vitest";
import { asksLocation } from "../../src/text/questionCues.js";

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
