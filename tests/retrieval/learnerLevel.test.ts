import { describe, expect, it } from "vitest";
import type { TermGroup } from "../../src/retrieval/abstention.js";
import { groupsBeyondLearnerLevel, saysOnlyLevelOrTime } from "../../src/retrieval/learnerLevel.js";

const group = (label: string): TermGroup => ({ label, tokens: [label.toLowerCase()], weight: 1 });
const labels = (groups: readonly TermGroup[]) => groups.map((g) => g.label);

describe("groupsBeyondLearnerLevel", () => {
  it("drops the words that say how far the learner is, against an outside subject", () => {
    expect(labels(groupsBeyondLearnerLevel(["雅思"], [group("零基础"), group("新手"), group("复习")]))).toEqual(["复习"]);
    expect(labels(groupsBeyondLearnerLevel(["yoga"], [group("Beginner"), group("routine"), group("newbies")]))).toEqual(["routine"]);
  });

  it("drops the levels a plan runs through too (从入门到进阶, beginner to advanced)", () => {
    expect(labels(groupsBeyondLearnerLevel(["潜水"], [group("进阶"), group("精通"), group("装备")]))).toEqual(["装备"]);
    expect(labels(groupsBeyondLearnerLevel(["cello"], [group("Advanced"), group("intermediate"), group("bowing")]))).toEqual(["bowing"]);
    expect(labels(groupsBeyondLearnerLevel([], [group("进阶")]))).toEqual(["进阶"]);
  });

  it("keeps every word when the question names no outside subject, and words of the material's level", () => {
    expect(labels(groupsBeyondLearnerLevel([], [group("零基础"), group("大模型")]))).toEqual(["零基础", "大模型"]);
    // 入门 is the level of a book or a course (入门书), not of the learner.
    expect(labels(groupsBeyondLearnerLevel(["雅思"], [group("入门"), group("beginner-friendly")]))).toEqual(["入门", "beginner-friendly"]);
  });
});

describe("saysOnlyLevelOrTime", () => {
  it("holds the learner's level and spans of time, not the field's words or the material's level", () => {
    for (const word of ["新手", "Beginner", "个月", "周", "weeks", "per week"]) expect(saysOnlyLevelOrTime(word)).toBe(true);
    for (const word of ["微调", "入门", "RAG", "月薪", "weekend"]) expect(saysOnlyLevelOrTime(word)).toBe(false);
  });
});
