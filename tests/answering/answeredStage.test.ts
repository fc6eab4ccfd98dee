import { describe, expect, it } from "vitest";
import { askedOfAnsweredStage, readsAnsweredStage } from "../../src/answering/answeredStage.js";

describe("readsAnsweredStage", () => {
  it("moves on again from the stage a before/after answer gave, or looks inside it", () => {
    expect(readsAnsweredStage("那再下一段呢？", "「模型训练」之后是哪一段？")).toBe("again");
    expect(readsAnsweredStage("what's the first topic in there?", "which section comes after the training one?")).toBe("inside");
  });

  it("moves on again on a bare step too (再下一个, and the next one?), the way the step before went", () => {
    // The reading of "五阶段指南的入门阶段" → "下一个呢" is "五阶段指南的入门阶段之后".
    expect(readsAnsweredStage("再下一个呢", "五阶段指南的入门阶段之后")).toBe("again");
    expect(readsAnsweredStage("and the next one?", "what comes after the entry stage of the five-stage guide?")).toBe("again");
  });

  it("leaves a stage by its place, a quoted name of its own, and a previous question with no direction", () => {
    expect(readsAnsweredStage("那再下一段呢？", "第二段之后是哪一段？")).toBeUndefined();
    expect(readsAnsweredStage("那里面说的「多模态方向」是什么？", "「模型训练」之后是哪一段？")).toBeUndefined();
    expect(readsAnsweredStage("那再下一段呢？", "模型训练要学什么？")).toBeUndefined();
  });
});

describe("askedOfAnsweredStage", () => {
  const topicOf = (question: string) => (question.includes("模型训练") ? "模型训练" : undefined);
  const previous = "「模型训练」之后是哪一段？";

  it("asks the previous question of the stage the answer gave, or the follow-up inside it", () => {
    expect(askedOfAnsweredStage("那再下一段呢？", previous, "again", "应用部署阶段", topicOf)).toBe("「应用部署阶段」之后是哪一段？");
    expect(askedOfAnsweredStage("那再下一段要多久？", previous, "again", "应用部署阶段", topicOf)).toMatch(/要多久 「应用部署阶段」之后/u);
    expect(askedOfAnsweredStage("里面有哪些项目？", previous, "inside", "应用部署阶段", topicOf)).toBe("有哪些项目？ 应用部署阶段");
  });

  it("is undefined when the previous topic is not in the previous question's words", () => {
    expect(askedOfAnsweredStage("那再下一段呢？", previous, "again", "应用部署阶段", () => "微调")).toBeUndefined();
  });
});
