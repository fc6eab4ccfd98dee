import { describe, expect, it } from "vitest";
import { statedStageCounts } from "../../src/retrieval/stageCounts.js";
import {
  directionFromOrdinal,
  itemOrdinal,
  parseNumber,
  pick,
  replaceStageOrdinals,
  stageOrdinal,
} from "../../src/retrieval/stageReference.js";

describe("stageOrdinal", () => {
  it.each([
    ["第二段讲什么", { from: "start", position: 2 }],
    ["第3阶段要多久", { from: "start", position: 3 }],
    ["第十二步", { from: "start", position: 12 }],
    ["stage 2 of the plan", { from: "start", position: 2 }],
    ["what is the second stage about", { from: "start", position: 2 }],
    ["the last stage", { from: "end", position: 1 }],
    ["最后一个阶段学什么", { from: "end", position: 1 }],
    ["最后那个阶段的目标是啥", { from: "end", position: 1 }],
    ["最后这一段要学多久", { from: "end", position: 1 }],
    ["那份指南里最后那个阶段要达成什么", { from: "end", position: 1 }],
    ["最后这一段推荐了哪些论文", { from: "end", position: 1 }],
    ["那份路线的最后一站要学多久", { from: "end", position: 1 }],
    ["第二站讲什么", { from: "start", position: 2 }],
    ["倒数第二个阶段", { from: "end", position: 2 }],
    ["刚开始那个阶段每周要几个小时", { from: "start", position: 1 }],
    ["how much should I read at the very beginning?", { from: "start", position: 1 }],
    ["at the beginning of stage 3", { from: "start", position: 3 }],
    // Upper case, and the two characters an `iu` pattern reads as Latin letters (ſ as s, K as k):
    // the words a pattern needs are looked for in the lowercased question, and ſ or K runs them all.
    ["WHAT IS THE SECOND STAGE ABOUT", { from: "start", position: 2 }],
    ["what is in ſtage 3", { from: "start", position: 3 }],
    ["the la\u017ft phase", { from: "end", position: 1 }],
    ["what does the last chapter cover", { from: "end", position: 1 }],
    // A game's last level is a learner's slang for the last stage.
    ["what's the final boss stage of that guide about", { from: "end", position: 1 }],
    ["how hard is the endgame phase", { from: "end", position: 1 }],
    ["那份路线的最后一关要学多久", { from: "end", position: 1 }],
    ["终极阶段要学什么", { from: "end", position: 1 }],
  ])("%s", (question, expected) => {
    expect(stageOrdinal(question)).toEqual(expected);
  });

  it("is not fooled by stage counts or plain words", () => {
    expect(stageOrdinal("有7个阶段的那份路线")).toBeUndefined();
    expect(stageOrdinal("the one with seven stages")).toBeUndefined();
    expect(stageOrdinal("what is RAG")).toBeUndefined();
    expect(stageOrdinal("哪个网站可以一站式用各种模型")).toBeUndefined();
    // A span of time right after a count of stages ("the 3-stage 6-8 months article") is no "stage 6".
    expect(stageOrdinal("the course in the 3-stage 6-8 months article")).toBeUndefined();
    expect(stageOrdinal("the three-stage 6 months plan")).toBeUndefined();
    expect(stageOrdinal("what is in stage 6?")).toEqual({ from: "start", position: 6 });
    expect(stageOrdinal("a fresh start in AI, at the start of each stage")).toBeUndefined();
    // 关 of 关键, 关于: no level.
    expect(stageOrdinal("学微调最后的关键是什么")).toBeUndefined();
    expect(stageOrdinal("最后关于部署有什么建议")).toBeUndefined();
    expect(stageOrdinal("who is the final boss in that game")).toBeUndefined();
  });

  it("reads 'the second one' as a stage after a stage word, not before one or of a kind of item", () => {
    expect(stageOrdinal("In the guide with five stages, which stage comes once the second one is done?")).toEqual({
      from: "start",
      position: 2,
    });
    expect(stageOrdinal("which is the second one?")).toBeUndefined();
    expect(stageOrdinal("In the five-stage guide, what is the first one of its books?")).toBeUndefined();
  });
});

describe("itemOrdinal", () => {
  it("reads the place of an item in a numbered list", () => {
    expect(itemOrdinal("列的第4点是什么")).toEqual({ from: "start", position: 4 });
    expect(itemOrdinal("那篇讲三个方向的，排第二的是啥")).toEqual({ from: "start", position: 2 });
    expect(itemOrdinal("第三种做法要花多少算力")).toEqual({ from: "start", position: 3 });
    expect(itemOrdinal("what does the third approach need?")).toEqual({ from: "start", position: 3 });
  });

  it("is no stage ordinal, and not fooled by a project or a count", () => {
    expect(stageOrdinal("第三个方向讲什么")).toBeUndefined();
    expect(itemOrdinal("第三个项目用了什么能力")).toBeUndefined();
    expect(itemOrdinal("列了四点的那篇")).toBeUndefined();
  });
});

describe("stage counts and numbers", () => {
  it("reads counts, not ordinals", () => {
    expect(statedStageCounts("有七个阶段的那份")).toEqual([7]);
    expect(statedStageCounts("the 3-stage method")).toEqual([3]);
    expect(statedStageCounts("第三阶段")).toEqual([]);
  });

  it("parses Chinese and Arabic numbers", () => {
    expect(parseNumber("二十一")).toBe(21);
    expect(parseNumber("十")).toBe(10);
    expect(parseNumber("7")).toBe(7);
    expect(pick(["a", "b", "c"], { from: "end", position: 1 })).toBe("c");
    expect(pick(["a", "b"], { from: "start", position: 3 })).toBeUndefined();
  });
});

describe("mixed-language ordinals and replacing them", () => {
  it("reads a Chinese ordinal with an English stage word", () => {
    expect(stageOrdinal("ok 那最后一个 stage 呢?")).toEqual({ from: "end", position: 1 });
    expect(stageOrdinal("第三个 phase 讲啥")).toEqual({ from: "start", position: 3 });
  });

  it("replaces every ordinal, the earliest reading first", () => {
    expect(replaceStageOrdinals("倒数第二阶段和 stage 3", (o) => `[${o.from}${o.position}]`)).toBe("[end2] 和 [start3]");
    expect(replaceStageOrdinals("七个阶段的路线，第三阶段", () => "")).toBe("七个阶段的路线，");
  });
});

describe("second to last, in English", () => {
  it("reads it with a hyphen, with the stage word said before it, and as penultimate", () => {
    expect(stageOrdinal("what's the second-to-last stage?")).toEqual({ from: "end", position: 2 });
    expect(stageOrdinal("In the 3-stage post, which stage is second to last?")).toEqual({ from: "end", position: 2 });
    expect(stageOrdinal("the penultimate phase of the guide")).toEqual({ from: "end", position: 2 });
    // Of a book, no stage.
    expect(stageOrdinal("the second to last book")).toBeUndefined();
  });
});

describe("directionFromOrdinal", () => {
  it("reads the stage a question measures from, in Chinese after it and in English before it", () => {
    expect(directionFromOrdinal("最后一个阶段之后学什么")).toBe("next");
    expect(directionFromOrdinal("what comes after the last stage?")).toBe("next");
    expect(directionFromOrdinal("第一阶段之前要准备什么")).toBe("previous");
    // The direction word beside the first reference: 第二阶段 is measured from, 最后一个阶段 asked for.
    expect(directionFromOrdinal("第二阶段之后，最后一个阶段学什么")).toBe("next");
  });

  it("reads a stage the learner finishes as where the question moves on from, in Chinese and in English", () => {
    expect(directionFromOrdinal("第七阶段学完以后下一阶段是什么")).toBe("next");
    expect(directionFromOrdinal("第三阶段走完了，接下来呢")).toBe("next");
    expect(directionFromOrdinal("once I'm done with stage 7, what next?")).toBe("next");
    expect(directionFromOrdinal("after finishing the last stage, what then?")).toBe("next");
    expect(directionFromOrdinal("最后一个阶段的下一个是什么")).toBe("next");
    // A finishing verb elsewhere is no step from the stage: it asks for the stage itself.
    expect(directionFromOrdinal("学完 Python 再看第三阶段要多久")).toBeUndefined();
  });

  it("leaves a stage asked for itself, and a question with no stage", () => {
    expect(directionFromOrdinal("最后一个阶段学什么")).toBeUndefined();
    expect(directionFromOrdinal("after the deep-dive stage, what is the final stage?")).toBeUndefined();
    expect(directionFromOrdinal("LoRA 之后学什么")).toBeUndefined();
  });
});
