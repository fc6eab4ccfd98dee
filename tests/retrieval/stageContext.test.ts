import { describe, expect, it } from "vitest";
import { STAGE_COUNT_QUESTION } from "../../src/retrieval/stageContext.js";

describe("STAGE_COUNT_QUESTION", () => {
  it("recognises a question about how a roadmap is divided, not one about a stage", () => {
    expect(STAGE_COUNT_QUESTION.test("那份清单分成几块？")).toBe(true);
    expect(STAGE_COUNT_QUESTION.test("这条路线一共有多少个阶段")).toBe(true);
    expect(STAGE_COUNT_QUESTION.test("How many phases does that plan have?")).toBe(true);
    expect(STAGE_COUNT_QUESTION.test("第二阶段学什么")).toBe(false);
  });
});
