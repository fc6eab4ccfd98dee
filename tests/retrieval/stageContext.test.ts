import { describe, expect, it } from "vitest";
import type { CorpusDocument, Section } from "../../src/corpus/types.js";
import type { RoadmapProfile } from "../../src/retrieval/roadmapProfile.js";
import { namedStagePositions, STAGE_COUNT_QUESTION } from "../../src/retrieval/stageContext.js";

describe("STAGE_COUNT_QUESTION", () => {
  it("recognises a question about how a roadmap is divided, not one about a stage", () => {
    expect(STAGE_COUNT_QUESTION.test("那份清单分成几块？")).toBe(true);
    expect(STAGE_COUNT_QUESTION.test("这条路线一共有多少个阶段")).toBe(true);
    expect(STAGE_COUNT_QUESTION.test("How many phases does that plan have?")).toBe(true);
    expect(STAGE_COUNT_QUESTION.test("第二阶段学什么")).toBe(false);
  });
});

describe("namedStagePositions", () => {
  const profile = (id: string, headings: string[]): RoadmapProfile => {
    const stages: Section[] = headings.map((heading, index) => ({
      index,
      heading,
      level: 2,
      headingPath: [heading],
      startLine: index * 10 + 1,
      endLine: index * 10 + 9,
    }));
    const doc = { id, source: `${id}.md`, title: id, outline: stages } as unknown as CorpusDocument;
    return { doc, stages } as unknown as RoadmapProfile;
  };
  const first = profile("first", ["一、基础夯实阶段(1 个月)", "二、专业深入阶段", "三、应用实践阶段"]);
  const second = profile("second", ["第一阶段：入门", "第二阶段：专业深入与拓展"]);

  it("finds the stages a question names by their name, each roadmap's own names, however questions alternate", () => {
    for (let round = 0; round < 2; round++) {
      expect(namedStagePositions([first, second], "基础夯实阶段要多久").map((p) => [p.docId, p.at.heading])).toEqual([
        ["first", "一、基础夯实阶段(1 个月)"],
      ]);
      // A name inside a longer one is not named itself: 专业深入 inside 专业深入与拓展.
      expect(namedStagePositions([first, second], "专业深入与拓展要学多久").map((p) => p.docId)).toEqual(["second"]);
      expect(namedStagePositions([second, first], "应用实践阶段大概多久").map((p) => p.at.heading)).toEqual(["三、应用实践阶段"]);
      expect(namedStagePositions([first, second], "LoRA 要学多久")).toEqual([]);
    }
  });
});
