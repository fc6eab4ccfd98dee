import { describe, expect, it } from "vitest";
import { englishStage } from "../../src/retrieval/englishStageName.js";
import type { RoadmapProfile } from "../../src/retrieval/roadmapProfile.js";
import { stagedProfile } from "../support/stagedProfile.js";

const profile = (id: string, headings: string[]): RoadmapProfile => stagedProfile(id, headings);

const guide = profile("guide", ["入门阶段", "基础夯实阶段", "应用实践阶段", "专业深入阶段", "前沿研究阶段"]);
const list = profile("list", ["0x10 入门篇", "0x20 应用篇", "0x30 深入篇"]);
// The glossary and CC-CEDICT are not under test: this question reaches only what it spells in Chinese.
const nothingElse = () => () => false;
const headingFor = (question: string, named?: RoadmapProfile) => englishStage(question, nothingElse, [guide, list], named)?.heading;

describe("englishStage", () => {
  it("reads the words learners call a roadmap's levels by as the words its stage names use", () => {
    expect(headingFor("What should I manage by the end of the entry stage?", guide)).toBe("入门阶段");
    expect(headingFor("Which books does the deep dive part of that list recommend?", list)).toBe("0x30 深入篇");
    // Both of a stage's level words named: it fits in whichever roadmap, named or not.
    expect(headingFor("How many months does the specialist in-depth phase last?")).toBe("专业深入阶段");
  });

  it("names no stage from a level word when no stage word is asked about", () => {
    expect(headingFor("Which roadmap explains mixture of experts?")).toBeUndefined();
    expect(headingFor("Is there an in-depth explainer on attention?")).toBeUndefined();
  });

  it("breaks a tie with the level word that modifies the stage word", () => {
    const reachesResearch = () => (word: string) => word === "研究";
    // 专业深入 and 前沿研究 each have one word reached; the stage is the one "deep-dive" modifies.
    expect(englishStage("In the deep-dive stage, what does the research track read?", reachesResearch, [guide], guide)?.heading).toBe(
      "专业深入阶段",
    );
    expect(englishStage("In the guide's research phase, what should I read?", reachesResearch, [guide], guide)?.heading).toBe(
      "前沿研究阶段",
    );
  });

  it("reads a count of stages as the roadmap's shape, not a stage it names", () => {
    const reachesResearch = () => (word: string) => word === "研究";
    // "studied" glosses 研究, half of 前沿研究: with only "five-stage" for a stage word, no stage is named.
    expect(
      englishStage("I studied biology; where does the five-stage guide say I should start?", reachesResearch, [guide], guide),
    ).toBeUndefined();
    // A stage's whole name still names it in the roadmap the count named.
    expect(
      englishStage("In the 5-stage guide, what comes after frontier research?", () => (w) => ["前沿", "研究"].includes(w), [guide], guide)
        ?.heading,
    ).toBe("前沿研究阶段");
  });

  it("takes the stage of the roadmap whose headings use the question's stage word", () => {
    // 入门阶段 and 入门篇 both fit "intro"; a question about a stage means the one whose headings say 阶段.
    expect(headingFor("What should I be able to do by the end of the intro stage?")).toBe("入门阶段");
    expect(headingFor("Which papers does the intro part recommend?")).toBe("0x10 入门篇");
  });

  it("names no stage when the stage word is the part of a course the question names", () => {
    const reachesIntro = () => (word: string) => word === "入门";
    // "intro" would reach 入门篇 through the stage word; the part is the course's, not the list's.
    expect(englishStage("这门 intro course 的第一个 part 讲啥", reachesIntro, [guide, list], undefined)).toBeUndefined();
    expect(englishStage("What does the course's first part of the intro cover?", reachesIntro, [guide, list], undefined)).toBeUndefined();
    expect(englishStage("What does the intro part cover?", reachesIntro, [guide, list], undefined)?.heading).toBe("0x10 入门篇");
  });
});
