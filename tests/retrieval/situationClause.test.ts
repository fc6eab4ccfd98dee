import { describe, expect, it } from "vitest";
import { onlyInSituation } from "../../src/retrieval/situationClause.js";
import { unknownNames } from "../../src/retrieval/unknownNames.js";

describe("onlyInSituation", () => {
  it("reads a name in the learner's account of themselves as their situation", () => {
    expect(onlyInSituation("我在医院做CT影像的。那份五段的指南第一阶段学什么？", "CT")).toBe(true);
    expect(onlyInSituation("我去年在成都读完研究生，想问入门先看哪本书", "成都")).toBe(true);
    expect(onlyInSituation("I run the IT desk at a Penang school. Which stage covers RAG?", "Penang")).toBe(true);
    expect(onlyInSituation("As a nurse in Manila, which stage of the five-stage guide covers RAG?", "Manila")).toBe(true);
    expect(onlyInSituation("作为一个在深圳做跨境电商的人，五阶段指南第二阶段学什么？", "深圳")).toBe(true);
  });

  it("keeps a name the learner wishes, is learning now, has trouble with, or asks of", () => {
    expect(onlyInSituation("我想学React，路线里有吗", "React")).toBe(false);
    expect(onlyInSituation("我正在学Kotlin，哪个阶段会讲到", "Kotlin")).toBe(false);
    expect(onlyInSituation("I'm learning Rust, does the roadmap cover it?", "Rust")).toBe(false);
    expect(onlyInSituation("我 npm install 的时候老报 EACCES 错误，咋整？", "EACCES")).toBe(false);
    // Named again where the question asks.
    expect(onlyInSituation("我做过Unity。Unity 在哪个阶段有用？", "Unity")).toBe(false);
    // The rest asks of it, left unsaid: it names neither a term of the field nor a stage.
    expect(onlyInSituation("我用过 Vue。路线里有讲吗？", "Vue")).toBe(false);
    // The rest points back at it.
    expect(onlyInSituation("As a fan of Rust, does the guide's second stage cover it?", "Rust")).toBe(false);
    expect(onlyInSituation("我学过Kotlin，它在哪个阶段有用？", "Kotlin")).toBe(false);
    // No clause of the learner's own.
    expect(onlyInSituation("Does the guide mention Penang?", "Penang")).toBe(false);
  });

  it("reads a space between Chinese clauses as a break, as learners typing in a chat write one", () => {
    expect(onlyInSituation("第一阶段学什么呀 我在医院做CT影像的 感觉有点关系", "CT")).toBe(true);
    // A space beside a Latin word is only a space.
    expect(onlyInSituation("我 用过 CT 影像 第一阶段学什么", "CT")).toBe(false);
  });

  it("reads a wish told after the question, that asks and learns nothing, as what the answer is for", () => {
    expect(onlyInSituation("三阶段那份的第二阶段要多久？想给团队定个OKR", "OKR")).toBe(true);
    expect(onlyInSituation("第二阶段推荐哪个 RAG 框架？想快速搭个 MVP 验证下", "MVP")).toBe(true);
    // A wish to learn it, or one told before any question, names what is asked.
    expect(onlyInSituation("第二阶段讲什么？想学React", "React")).toBe(false);
    expect(onlyInSituation("想给团队定个OKR，第二阶段要多久？", "OKR")).toBe(false);
    // A plan told in English words is a plan.
    expect(onlyInSituation("另外想问 我要 prepare IELTS 第一阶段学什么", "IELTS")).toBe(false);
  });

  it("reads what the learner studies as their background only beside a question of a roadmap's stage", () => {
    expect(onlyInSituation("第四阶段的项目三是啥呀 我学陶艺的", "陶艺", { stageAsked: true })).toBe(true);
    expect(onlyInSituation("我是陶艺新手，入门该看什么书？", "陶艺", { stageAsked: true })).toBe(false);
  });

  it("leaves the learner's situation out of the unknown names, and what is asked in", () => {
    const used = (token: string) => ["阶段", "第一", "学", "什么", "stage", "rag"].includes(token);
    expect(unknownNames("I run the IT desk at a Penang school. Which stage covers RAG?", used)).toEqual([]);
    expect(unknownNames("Does the second stage teach Kotlin?", used)).toEqual(["Kotlin"]);
  });
});
