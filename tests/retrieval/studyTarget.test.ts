/**
 * What a request for a way to learn asks the way to (studyTarget.ts), with questions written for
 * this test (none is taken from a question set): the target read from the question's words, and
 * the answer's confidence on the bundled corpus.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_ABSTAIN_THRESHOLD } from "../../src/config.js";
import { confidenceOf } from "../../src/retrieval/confidence.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { IndexResources } from "../../src/retrieval/indexResources.js";
import { studyTargets, targetsOutsideField } from "../../src/retrieval/studyTarget.js";
import { useBundledTestIndex } from "../support/buildTestIndex.js";

describe("studyTargets", () => {
  it("reads the trade a learner changes to, up to the rest of the request", () => {
    expect(studyTargets("想转行做房产中介，有没有学习路线？")).toEqual(["房产中介"]);
    expect(studyTargets("打算转职当导游该怎么准备")).toEqual(["导游"]);
  });

  it("reads the thing a route or a tutorial is of when the words before it name a thing", () => {
    expect(studyTargets("另外 flutter 前端的入门路线有推荐吗")).toEqual(["flutter 前端"]);
    // A description of the route, a stage named 入门 and a kind of book are no target.
    expect(studyTargets("那份一共五段的学习路径，第二段讲什么")).toEqual([]);
    expect(studyTargets("入门篇开始之前要准备什么")).toEqual([]);
    expect(studyTargets("那本书的纸质书多少钱")).toEqual([]);
  });

  it("reads what an English learner gets into, becomes, or wants a roadmap for", () => {
    expect(studyTargets("i want to get into woodworking, any plan?")).toEqual(["woodworking"]);
    expect(studyTargets("is there a roadmap for learning pottery from zero")).toEqual(["pottery"]);
  });

  it("reads the trade an English learner switches careers into, up to the sentence's end", () => {
    expect(studyTargets("I'm switching careers into accounting. Which books first?")).toEqual(["accounting"]);
    expect(studyTargets("planning to move into landscape design, any advice")).toEqual(["landscape design"]);
    expect(studyTargets("thinking of a career change to LLM engineering")).toEqual(["llm engineering"]);
  });

  it("does not take a word pointing back for a target", () => {
    expect(studyTargets("我是学法律的，想转行做这块，有什么建议")).toEqual([]);
  });
});

describe("targets outside the field, on the bundled corpus", () => {
  const built = useBundledTestIndex();
  const reading = () => {
    const resources = IndexResources.of(built().snapshot);
    return { statistics: resources.statistics, general: () => resources.generalIdf };
  };
  const retriever = () =>
    new HybridRetriever({ index: () => built().snapshot, k: 5, maxChunksPerSection: 2, abstainThreshold: DEFAULT_ABSTAIN_THRESHOLD });

  it("finds a trade no document names, and none when the target is the field's", () => {
    expect(targetsOutsideField("想转行做房产中介，有没有从入门到进阶的学习路线？", reading())).toEqual(["房产中介"]);
    expect(targetsOutsideField("想转行做大模型算法工程师，有没有学习路线？", reading())).toEqual([]);
    expect(targetsOutsideField("微调的入门教程有推荐吗？", reading())).toEqual([]);
    // A thing the documents name (腾讯云, a listed tutorial's publisher) is theirs to speak of, however rarely they use its words.
    expect(targetsOutsideField("腾讯云的教程讲了哪些内容？", reading())).toEqual([]);
  });

  it("answers a study plan for another trade low, whatever words describe the plan", async () => {
    // 进阶 and "training" are words the roadmaps use; the plan's target is what the question is about.
    for (const question of [
      "想转行做房产中介，有没有从入门到进阶的学习路线？",
      "I wanna get into woodworking, any beginner training plan? week by week",
      "I'm switching careers into accounting. Is there a beginner roadmap for which books to read first?",
    ]) {
      const result = await retriever().retrieve(question);
      expect(result.studyTargetsOutside?.length, question).toBeGreaterThan(0);
      expect(confidenceOf(question, result), question).toBe("low");
    }
  });

  it("keeps a learner from another trade asking the field's way", async () => {
    for (const question of [
      "我是学会计的，想转行做大模型应用开发，有没有学习路线？",
      "想转行做算法工程师，有什么学习路线？",
      "Any roadmap for getting into fine-tuning LLMs?",
      "I'm switching careers into LLM engineering. Is there a beginner roadmap?",
    ]) {
      const result = await retriever().retrieve(question);
      expect(result.studyTargetsOutside, question).toBeUndefined();
      expect(confidenceOf(question, result), question).toBe("high");
    }
  });
});
