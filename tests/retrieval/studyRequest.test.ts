import { describe, expect, it } from "vitest";
import type { TermGroup } from "../../src/retrieval/abstention.js";
import { groupsBeyondStudyRequest } from "../../src/retrieval/studyRequest.js";

const group = (label: string): TermGroup => ({ label, tokens: [label.toLowerCase()], weight: 1 });
const labels = (groups: readonly TermGroup[]) => groups.map((g) => g.label);

describe("groupsBeyondStudyRequest", () => {
  it("drops the words that ask for a way to learn, against an outside subject", () => {
    expect(labels(groupsBeyondStudyRequest(["驾照"], [group("入门"), group("学习路线"), group("教程"), group("科目")]))).toEqual(["科目"]);
    expect(
      labels(groupsBeyondStudyRequest(["knitting"], [group("Roadmap"), group("learning path"), group("tutorials"), group("yarn")])),
    ).toEqual(["yarn"]);
  });

  it("drops the words for a plan's shape (stages, steps, a plan) too: a staged plan of pottery is no stage of the field", () => {
    expect(labels(groupsBeyondStudyRequest(["陶艺"], [group("阶段"), group("步骤"), group("计划"), group("规划"), group("拉坯")]))).toEqual(
      ["拉坯"],
    );
    expect(
      labels(groupsBeyondStudyRequest(["pottery"], [group("step"), group("stages"), group("phase"), group("plan"), group("clay")])),
    ).toEqual(["clay"]);
  });

  it("keeps every word when the question names no outside subject, and the field's own words beside one", () => {
    expect(labels(groupsBeyondStudyRequest([], [group("入门"), group("学习路线")]))).toEqual(["入门", "学习路线"]);
    expect(labels(groupsBeyondStudyRequest(["驾照"], [group("大模型"), group("微调"), group("项目")]))).toEqual(["大模型", "微调", "项目"]);
  });
});
