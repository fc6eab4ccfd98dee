import { describe, expect, it } from "vitest";
import { confidenceSignals } from "../../src/retrieval/confidence.js";
import { particularAsked } from "../../src/retrieval/particularAsked.js";
import { passage, retrievalResult } from "../fixtures/answering/passages.js";

describe("particularAsked", () => {
  it("reads which one of a category and how a thing works, apart", () => {
    expect(particularAsked("部署那一步推荐用什么框架？")).toEqual({ instance: true, mechanism: false });
    expect(particularAsked("How exactly does the reward model get trained?")).toEqual({ instance: false, mechanism: true });
    expect(particularAsked("量化这一块一般要学多久？")).toEqual({ instance: false, mechanism: false });
  });

  it("is read once, by retrieval: confidence holds the result's reading against the passages", () => {
    const question = "微调入门看什么比较好？";
    const passages = [passage("入门微调：先读官方教程，再动手跑一个小实验。")];
    // The question names no category, so read on its own it asks for no particular one.
    expect(confidenceSignals(question, retrievalResult("q", passages, { evidence: 0.9 })).missingDetails).toEqual([]);
    const read = { evidence: 0.9, particularAsked: { instance: true, mechanism: false } };
    expect(confidenceSignals(question, retrievalResult("q", passages, read)).missingDetails).toEqual(["instance"]);
  });
});
