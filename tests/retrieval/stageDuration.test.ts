import { describe, expect, it } from "vitest";
import { confidenceOf } from "../../src/retrieval/confidence.js";
import type { RoadmapPosition } from "../../src/retrieval/types.js";
import { passage, retrievalResult } from "../fixtures/answering/passages.js";

/** A four-stage roadmap's time plan, and one of its stages as retrieval places a question at it (written for this test). */
const plan = passage("时间安排\n- 打基础：每周8小时，持续1个月\n- 做项目：每周12小时，持续2个月\n- 找方向：因人而异", {
  chunk: { docId: "guide", headingPath: ["常见问题", "时间安排"] },
});
const position = (heading: string, duration?: string): RoadmapPosition => ({
  docId: "guide",
  source: "roadmaps/guide.md",
  title: "四阶段指南",
  topic: heading,
  at: {
    sectionIndex: 3,
    heading,
    headingPath: [heading],
    startLine: 40,
    endLine: 60,
    ...(duration ? { duration: { text: duration, lines: { start: 40, end: 40 } } } : {}),
  },
});

/** Questions written for this test (not from any evaluation set). */
describe("a duration asked of a stage located by its place", () => {
  const goals = passage("- 跟进论文\n- 参与开源", { chunk: { docId: "guide", headingPath: ["深入研究阶段", "目标"] } });
  const located = (heading: string, duration?: string) =>
    retrievalResult("q", [goals, plan], {
      evidence: 0.9,
      namedRoadmap: { docId: "guide", title: "四阶段指南" },
      stageOrdinal: { from: "end", position: 1 },
      roadmap: [position(heading, duration)],
    });

  it("is not given by the hours the roadmap's plan lists for its other stages", () => {
    expect(confidenceOf("四阶段那份的最后一个阶段每周要投入几个小时？", located("深入研究阶段"))).toBe("low");
    expect(confidenceOf("四阶段那份的第二个阶段每周要投入几个小时？", located("做项目阶段"))).toBe("high");
  });

  it("is given by what the roadmap states for the stage, when no unit is asked", () => {
    expect(confidenceOf("四阶段那份的最后一个阶段要学多久？", located("深入研究阶段", "长期投入"))).toBe("high");
    expect(confidenceOf("四阶段那份的最后一个阶段每周要投入几个小时？", located("深入研究阶段", "长期投入"))).toBe("low");
  });
});

/** The same plan, with the stage named by its name instead of its place (questions written for this test). */
describe("a duration asked of a stage named by its name", () => {
  const named = (heading: string, duration?: string) =>
    retrievalResult("q", [plan], {
      evidence: 0.9,
      roadmap: [position(heading, duration)],
    });

  it("is not given by the hours the plan lists for the other stages", () => {
    expect(confidenceOf("找方向阶段每周要花多少个小时？", named("找方向阶段"))).toBe("low");
    expect(confidenceOf("做项目阶段每周要花多少个小时？", named("做项目阶段"))).toBe("high");
  });

  it("is given by what the roadmap states for the stage when no unit is asked, and needs the stage named in the question", () => {
    expect(confidenceOf("找方向阶段要学多久？", named("找方向阶段", "因人而异"))).toBe("high");
    // The position is retrieval's, the question names no stage: the plan as a whole is read, as before.
    expect(confidenceOf("每周要花多少个小时？", named("找方向阶段"))).toBe("high");
  });
});
