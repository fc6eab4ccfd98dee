import { describe, expect, it } from "vitest";
import { STAGE_COUNT_QUESTION, stageName } from "../../src/retrieval/stageContext.js";

/** Headings written for this test, in the shapes roadmaps number their stages. */
describe("stageName", () => {
  it("keeps the name of a stage without its numbering, duration and stage word", () => {
    expect(stageName("一、数据准备阶段(1-2 个月)")).toBe("数据准备");
    expect(stageName("第四阶段：模型评估与上线")).toBe("模型评估与上线");
    expect(stageName("0x20 进阶篇")).toBe("进阶");
    expect(stageName("综合练习阶段")).toBe("综合练习");
    expect(stageName("Stage review")).toBe("Stage review");
  });
});

describe("STAGE_COUNT_QUESTION", () => {
  it("recognises a question about how a roadmap is divided, not one about a stage", () => {
    expect(STAGE_COUNT_QUESTION.test("那份清单分成几块？")).toBe(true);
    expect(STAGE_COUNT_QUESTION.test("这条路线一共有多少个阶段")).toBe(true);
    expect(STAGE_COUNT_QUESTION.test("How many phases does that plan have?")).toBe(true);
    expect(STAGE_COUNT_QUESTION.test("第二阶段学什么")).toBe(false);
  });
});
