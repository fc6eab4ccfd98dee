import { describe, expect, it } from "vitest";
import { middleStageOrdinal } from "../../src/retrieval/middleStage.js";
import { stagedProfile } from "../support/stagedProfile.js";

const seven = stagedProfile("seven", [
  "第一阶段：甲",
  "第二阶段：乙",
  "第三阶段：丙",
  "第四阶段：丁",
  "第五阶段：戊",
  "第六阶段：己",
  "第七阶段：庚",
]);
const three = stagedProfile("three", ["0x10 入门篇", "0x20 应用篇", "0x30 深入篇"]);
const four = stagedProfile("four", ["一、基础", "二、应用", "三、部署", "四、前沿"]);

describe("middleStageOrdinal", () => {
  it("is the middle stage of the roadmap the question is about, by its stage count", () => {
    expect(middleStageOrdinal("七个阶段那份，正中间那个阶段是哪一段？", seven)).toEqual({ from: "start", position: 4 });
    expect(middleStageOrdinal("三阶段那篇，排在中间的是什么", three)).toEqual({ from: "start", position: 2 });
    expect(middleStageOrdinal("what's in the middle stage?", three)).toEqual({ from: "start", position: 2 });
    // "the middle one" names no stage: the question's count of chapters says one is meant.
    expect(middleStageOrdinal("The list has three chapters. What's covered in the middle one?", three)).toEqual({
      from: "start",
      position: 2,
    });
  });

  it("reads nothing without a roadmap, in a roadmap with two middle stages, or of a middle thing that is no stage", () => {
    expect(middleStageOrdinal("正中间那个阶段是哪一段？", undefined)).toBeUndefined();
    expect(middleStageOrdinal("中间那个阶段学什么？", four)).toBeUndefined();
    expect(middleStageOrdinal("用不用学中间件？", seven)).toBeUndefined();
    expect(middleStageOrdinal("中间那个呢", seven)).toBeUndefined();
    expect(middleStageOrdinal("what about the middle one?", seven)).toBeUndefined();
    expect(middleStageOrdinal("and the middle-level project?", seven)).toBeUndefined();
  });
});
