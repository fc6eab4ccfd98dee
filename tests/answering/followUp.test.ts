import { describe, expect, it } from "vitest";
import { carryTopicIntoQuery, looksLikeFollowUp } from "../../src/answering/followUp.js";
import { analyzeQuery } from "../../src/retrieval/analyzeQuery.js";

const topicOf = (question: string) => (/lora/i.test(question) ? "LoRA" : /fine-tuning/i.test(question) ? "fine-tuning" : undefined);
const zhHistory = [
  { role: "user" as const, content: "学完 LoRA 之后该学什么?" },
  { role: "assistant" as const, content: "第七阶段：前沿技术探索 [1]" },
];

describe("looksLikeFollowUp", () => {
  it("recognises short follow-ups in both languages", () => {
    for (const q of ["那之后呢?", "那 RAG 呢？", "它之前要学什么", "and after that?", "what about RAG?", "How long does it take?"]) {
      expect(looksLikeFollowUp(q), q).toBe(true);
    }
  });
  it("does not treat standalone questions as follow-ups", () => {
    for (const q of ["学完 LoRA 之后该学什么?", "which book should I read for deep learning?", "大模型学习路线分为哪几个阶段"]) {
      expect(looksLikeFollowUp(q), q).toBe(false);
    }
  });
});

describe("carryTopicIntoQuery", () => {
  it("adds the previous topic to a bare follow-up", () => {
    expect(carryTopicIntoQuery("那之前呢?", zhHistory, topicOf)).toBe("LoRA 之前呢?");
    expect(carryTopicIntoQuery("and after that?", [{ role: "user", content: "what should I learn after fine-tuning?" }], topicOf)).toBe(
      "fine-tuning after that?",
    );
  });
  it("replaces a pronoun with the topic", () => {
    expect(carryTopicIntoQuery("它之前要学什么", zhHistory, topicOf)).toBe("LoRA 之前要学什么");
  });
  it("asks the previous question about a new topic", () => {
    expect(carryTopicIntoQuery("那 RAG 呢?", zhHistory, topicOf)).toBe("学完 RAG 之后该学什么?");
  });
  it("carries the whole previous question when it has no topic, and nothing without history", () => {
    expect(carryTopicIntoQuery("那之后呢?", [{ role: "user", content: "推荐什么课程" }], topicOf)).toBe("推荐什么课程 那之后呢?");
    expect(carryTopicIntoQuery("那之后呢?", [], topicOf)).toBe("那之后呢?");
    expect(carryTopicIntoQuery("学完 LoRA 之后该学什么?", zhHistory, topicOf)).toBe("学完 LoRA 之后该学什么?");
  });
});

describe("carrying the roadmap and stage of the conversation", () => {
  it("keeps the roadmap and stage of the previous question, without its before/after words", () => {
    const history = [{ role: "user" as const, content: "分成七个阶段的那条路线里，第三阶段之后讲什么？" }];
    const standalone = carryTopicIntoQuery("那它前一个阶段呢？", history, () => undefined);
    expect(standalone).toContain("七个阶段");
    expect(standalone).toContain("第三阶段");
    expect(standalone).not.toContain("之后");
  });

  it("reads a Traditional conversation in Simplified", () => {
    const history = [{ role: "user" as const, content: "學完微調之後該學什麼?" }];
    expect(carryTopicIntoQuery("那之前呢?", history, (q) => analyzeQuery(q).topic)).toBe("微调 之前呢?");
  });
});
