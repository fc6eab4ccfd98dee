import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import type { CorpusDocument, Section } from "../../src/corpus/types.js";
import type { RoadmapProfile } from "../../src/retrieval/roadmapProfile.js";
import {
  namedStagePositions,
  overviewChunks,
  STAGE_COUNT_QUESTION,
  stagePassages,
  stagesNamedWithStageWord,
} from "../../src/retrieval/stageContext.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";
import { stagedProfile } from "../support/stagedProfile.js";

describe("STAGE_COUNT_QUESTION", () => {
  it("recognises a question about how a roadmap is divided, not one about a stage", () => {
    expect(STAGE_COUNT_QUESTION.test("那份清单分成几块？")).toBe(true);
    expect(STAGE_COUNT_QUESTION.test("这条路线一共有多少个阶段")).toBe(true);
    expect(STAGE_COUNT_QUESTION.test("How many phases does that plan have?")).toBe(true);
    expect(STAGE_COUNT_QUESTION.test("第二阶段学什么")).toBe(false);
  });
});

describe("namedStagePositions", () => {
  const profile = (id: string, headings: string[]): RoadmapProfile => stagedProfile(id, headings);
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

  it("places a named stage among its roadmap's stages: its neighbours, and where it sits on them", () => {
    const [last] = namedStagePositions([first], "应用实践阶段之后学什么");
    expect(last?.previous?.heading).toBe("二、专业深入阶段");
    expect(last?.next).toBeUndefined();
    // The last step of the sequence: an answer says so rather than leave the next stage unsaid.
    expect(last?.path).toEqual({ steps: ["一、基础夯实阶段(1 个月)", "二、专业深入阶段", "三、应用实践阶段"], step: 3 });
    const [opening] = namedStagePositions([first], "基础夯实阶段之前要准备什么");
    expect([opening?.previous, opening?.next?.heading, opening?.path?.step]).toEqual([undefined, "二、专业深入阶段", 1]);
  });

  it("as a stage, takes a short name only with a stage word after it", () => {
    const short = profile("short", ["0x10 入门篇", "0x20 应用篇"]);
    expect(namedStagePositions([short], "应用篇讲了什么", true).map((p) => p.at.heading)).toEqual(["0x20 应用篇"]);
    expect(namedStagePositions([short], "应用 阶段讲了什么", true).map((p) => p.at.heading)).toEqual(["0x20 应用篇"]);
    // 应用 of 应用开发工程师 is no stage; without asStage it is read as before.
    expect(namedStagePositions([short], "走应用开发工程师那条路要学哪些", true)).toEqual([]);
    expect(namedStagePositions([short], "走应用开发工程师那条路要学哪些").map((p) => p.docId)).toEqual(["short"]);
    // A longer name stands alone.
    expect(namedStagePositions([first], "基础夯实要学些什么", true).map((p) => p.docId)).toEqual(["first"]);
  });
});

describe("stagePassages", () => {
  /** A hand-made stage: its goals, a long section repeating the question's everyday words, and a short tools section. */
  const sections = ["二、做应用阶段", "目标", "资源推荐", "工具与框架"];
  const outline: Section[] = sections.map((heading, index) => ({
    index,
    heading,
    level: index === 0 ? 1 : 2,
    headingPath: index === 0 ? [heading] : [sections[0]!, heading],
    startLine: index * 3 + 1,
    endLine: index * 3 + 2,
    ...(index === 0 ? {} : { parent: 0 }),
  }));
  const doc = { id: "d", title: "示例路线", outline } as unknown as CorpusDocument;
  const texts = ["会用大模型做应用。", "大模型应用开发的教程、大模型应用的课程和大模型应用的书。", "PyTorch 和 LangChain。"];
  const chunks = [
    { id: "c1", docId: "d", sectionIndex: 1, headingPath: outline[1]!.headingPath, text: texts[0] },
    { id: "c2", docId: "d", sectionIndex: 2, headingPath: outline[2]!.headingPath, text: texts[1] },
    { id: "c3", docId: "d", sectionIndex: 3, headingPath: outline[3]!.headingPath, text: texts[2] },
  ] as unknown as Chunk[];
  const tokensOf = (chunk: Chunk) => new Set(tokenizeForSearch(`${chunk.headingPath.join(" ")} ${chunk.text}`));
  const position = {
    docId: "d",
    source: "d.md",
    title: "示例路线",
    topic: "",
    at: { sectionIndex: 0, heading: sections[0]!, headingPath: [sections[0]!], startLine: 1, endLine: 2 },
  };
  const passages = (question: string) =>
    stagePassages({
      positions: [position],
      documents: [doc],
      chunks,
      chunksPerStage: 2,
      maxRoadmaps: 1,
      language: "zh",
      asked: new Set(tokenizeForSearch(question)),
      tokensOf,
    }).map((p) => p.chunk.id);

  it("gives the stage's goals, then the part whose own heading names what is asked", () => {
    expect(passages("我想做大模型应用，这个阶段要学哪些工具？")).toEqual(["c1", "c3"]);
  });

  it("else the part holding most of the question's words", () => {
    expect(passages("这个阶段有大模型应用开发的教程吗？")).toEqual(["c1", "c2"]);
  });
});

describe("overviewChunks", () => {
  // Four stages and, outside them, three views of the whole sequence: a table of contents, a chart
  // with months, and a time plan with hours a week that leaves the last stage out.
  const outline = stagedProfile("plan", ["起步阶段", "进阶阶段", "实战阶段", "研究阶段", "目录", "路线图", "时间安排"]);
  const profile: RoadmapProfile = { ...outline, stages: outline.stages.slice(0, 4) };
  const texts = [
    "起步阶段 进阶阶段 实战阶段 研究阶段",
    "起步(1-2个月) → 进阶(2-3个月) → 实战(3个月) → 研究(持续)",
    "起步：每周10小时\n进阶：每周15小时\n实战：每个项目1个月",
  ];
  const chunks = texts.map((text, i) => ({ id: `v${i}`, docId: "plan", sectionIndex: 4 + i, headingPath: [], text })) as unknown as Chunk[];

  it("gives the views naming most stages, and when a duration is asked the ones giving durations", () => {
    expect(overviewChunks(profile, chunks).map((c) => c.id)).toEqual(["v1", "v0"]);
    expect(overviewChunks(profile, chunks, true).map((c) => c.id)).toEqual(["v1", "v2"]);
  });
});

describe("stagesNamedWithStageWord", () => {
  const threeStages = stagedProfile("three", ["一、原理学习阶段(2-3 个月)", "二、接入开发阶段(3-4 个月)", "三、场景应用阶段(持续学习)"]);
  const fiveStages = stagedProfile("five", ["入门阶段", "基础夯实阶段", "应用实践阶段"]);
  const sevenStages = stagedProfile("seven", ["第一阶段：基础理论入门", "第二阶段：核心技术解析"]);
  const named = (question: string) =>
    stagesNamedWithStageWord([sevenStages, threeStages, fiveStages], question).map(({ stage, name }) => [stage.docId, stage.heading, name]);

  it("finds a stage by its name words and a stage word after them, in the roadmap that has it only", () => {
    expect(named("原理那一阶段学完了，下一阶段呢")).toEqual([["three", "一、原理学习阶段(2-3 个月)", "原理"]]);
    expect(named("学完原理学习阶段之后")).toEqual([["three", "一、原理学习阶段(2-3 个月)", "原理学习"]]);
    expect(named("基础夯实那段结束时应该会哪些")).toEqual([["five", "基础夯实阶段", "基础夯实"]]);
    expect(named("原理那块啃完了")).toEqual([["three", "一、原理学习阶段(2-3 个月)", "原理"]]);
  });

  it("reads an English stage word after a Chinese name, as a mixed question writes it", () => {
    expect(named("In the five-stage guide, what comes after the 基础夯实 stage?")).toEqual([["five", "基础夯实阶段", "基础夯实"]]);
    expect(named("接入开发 Phase 要多久")).toEqual([["three", "二、接入开发阶段(3-4 个月)", "接入开发"]]);
    // An English word between them is no stage name's.
    expect(named("基础夯实 and then the next stage")).toEqual([]);
  });

  it("needs the stage word: a name alone, or another word before the stage word, names nothing", () => {
    expect(named("原理学完了下一步呢")).toEqual([]);
    expect(named("下一阶段有啥教程")).toEqual([]);
    expect(named("基础夯实完了之后是哪个阶段")).toEqual([]);
  });
});
