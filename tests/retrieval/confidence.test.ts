import { describe, expect, it } from "vitest";
import { confidenceOf, decideConfidence } from "../../src/retrieval/confidence.js";
import { passage, retrievalResult } from "../fixtures/answering/passages.js";

describe("confidence", () => {
  const passages = [passage("LoRA 是一种参数高效微调方法，适合在消费级显卡上微调大模型。")];

  it("is none when retrieval is weak, low when a detail is missing or evidence is modest, high otherwise", () => {
    expect(decideConfidence({ evidence: 0.9, weak: true, missingDetails: [] })).toBe("none");
    expect(decideConfidence({ evidence: 0.9, weak: false, missingDetails: ["price"] })).toBe("low");
    expect(decideConfidence({ evidence: 0.2, weak: false, missingDetails: [] }, { low: 0.3 })).toBe("low");
    expect(decideConfidence({ evidence: 0.9, weak: false, missingDetails: [] }, { low: 0.3 })).toBe("high");
  });

  it("shows weak passages as low, never refused, when they are the roadmap the learner named; a stage located is read as any answer", () => {
    expect(decideConfidence({ evidence: 0.05, weak: true, missingDetails: [], namedRoadmapLeads: true })).toBe("low");
    // "那篇讲四个方向的，排第三的是啥": the stage is found by its place; the question's words are few.
    expect(decideConfidence({ evidence: 0.05, weak: true, missingDetails: [], locatedStage: true })).toBe("high");
    expect(decideConfidence({ evidence: 0.05, weak: true, missingDetails: ["person"], locatedStage: true })).toBe("low");
    expect(decideConfidence({ evidence: 0.05, weak: true, missingDetails: [] })).toBe("none");
  });

  it("is high when the named roadmap's card states the fact asked of it and leads, however weak the words' evidence", () => {
    // "hexo那篇是哪天发的？": the card's "date: 2024-09-05" is the answer; 哪天发的 is in no passage.
    expect(decideConfidence({ evidence: 0.05, weak: true, missingDetails: [], namedRoadmapLeads: true, cardAnswers: true })).toBe("high");
    expect(decideConfidence({ evidence: 0.05, weak: false, missingDetails: [], cardAnswers: true }, { low: 0.3 })).toBe("high");
    // A detail the card does not give stays missing.
    expect(decideConfidence({ evidence: 0.05, weak: true, missingDetails: ["price"], cardAnswers: true })).toBe("low");
  });

  it("does not hold the words that named a roadmap against a question its passages answer", () => {
    const question = "那篇开头一大堆 front matter 的博客，最后推荐了哪些项目？";
    const own = [passage("推荐项目：nlp-beginner", { chunk: { docId: "blog" } })];
    const other = [passage("推荐项目：nlp-beginner", { chunk: { docId: "guide" } })];
    const named = { evidence: 0.12, namedRoadmap: { docId: "blog", title: "大模型学习路线" } };
    expect(confidenceOf(question, retrievalResult("q", own, { evidence: 0.12 }))).toBe("low");
    expect(confidenceOf(question, retrievalResult("q", own, named))).toBe("high");
    // Another roadmap's passage leads: the named one was not found answering.
    expect(confidenceOf(question, retrievalResult("q", other, named))).toBe("low");
  });

  it("is low, at best, when the members asked for of a collection are only counted by the passages", () => {
    const question = "那36个实战项目具体是哪36个？";
    const own = [passage("【最新】36个大模型实战项目，练完就能上手")];
    expect(confidenceOf(question, retrievalResult("q", own, { evidence: 0.9 }))).toBe("high");
    expect(confidenceOf(question, retrievalResult("q", own, { evidence: 0.9, countedMembersUnlisted: true }))).toBe("low");
    // So is what a giveaway pack holds: the post only advertises it.
    expect(confidenceOf(question, retrievalResult("q", own, { evidence: 0.9, giveawayContentAsked: true }))).toBe("low");
  });

  it("is low, at best, when a concept asked to be placed is nowhere in the roadmap asked about", () => {
    const question = "这份清单里 Kubernetes 放在哪个阶段？";
    const own = [passage("第二阶段：应用开发，部署与运维", { chunk: { docId: "list" } })];
    const named = { evidence: 0.9, namedRoadmap: { docId: "list", title: "示例清单" } };
    expect(confidenceOf(question, retrievalResult("q", own, named))).toBe("high");
    expect(confidenceOf(question, retrievalResult("q", own, { ...named, conceptsOutsideRoadmap: ["Kubernetes"] }))).toBe("low");
    expect(decideConfidence({ evidence: 0.9, weak: true, missingDetails: [], outsideNamedRoadmap: true })).toBe("none");
  });

  it("is low when the question names a thing no passage names", () => {
    const question = "React 和 Vue 哪个适合新手入门？";
    const passages = [passage("入门阶段：适合新手，先学 Python 编程基础。")];
    expect(confidenceOf(question, retrievalResult("q", passages, { evidence: 0.9 }))).toBe("high");
    expect(confidenceOf(question, retrievalResult("q", passages, { evidence: 0.9, unknownNames: ["React", "Vue"] }))).toBe("low");
  });

  it("is low when a comparison asked for (and no other detail) is not made by the passages", () => {
    const question = "PyTorch 和 TensorFlow 哪个更容易上手？";
    const listed = [passage("常用框架：PyTorch、TensorFlow、JAX")];
    const compared = [passage("PyTorch 比 TensorFlow 更容易上手")];
    expect(confidenceOf(question, retrievalResult("q", listed, { evidence: 0.9 }))).toBe("low");
    expect(confidenceOf(question, retrievalResult("q", compared, { evidence: 0.9 }))).toBe("high");
  });

  it("answers low, at best, a question that reached its passages only through its expansions", () => {
    expect(decideConfidence({ evidence: 0.9, weak: false, missingDetails: [], onlyThroughExpansions: true })).toBe("low");
    expect(decideConfidence({ evidence: 0.9, weak: true, missingDetails: [], onlyThroughExpansions: true })).toBe("none");
  });

  it("lets what makes thin evidence enough answer a question found only through its expansions (thinEvidence.ts)", () => {
    const throughExpansions = { evidence: 0.05, weak: false, missingDetails: [], onlyThroughExpansions: true };
    expect(decideConfidence(throughExpansions)).toBe("low");
    expect(decideConfidence({ ...throughExpansions, learnerConcept: true })).toBe("high");
    expect(decideConfidence({ ...throughExpansions, namedRoadmapLeads: true })).toBe("high");
    expect(decideConfidence({ ...throughExpansions, locatedStage: true })).toBe("high");
    expect(decideConfidence({ ...throughExpansions, fieldParaphrase: true })).toBe("high");
    // A detail asked and missing is still low, however the passages were reached.
    expect(decideConfidence({ ...throughExpansions, learnerConcept: true, missingDetails: ["price"] })).toBe("low");
  });

  it("answers low, at best, a question whose subject lies outside the field (offFieldSubject.ts)", () => {
    const question = "周末想学做蛋糕，烤箱要准备哪些？";
    const passages = [passage("入门阶段：先准备 Python 基础。")];
    const outside = { offFieldNouns: ["蛋糕", "烤箱"], fieldWordFound: false };
    expect(confidenceOf(question, retrievalResult("q", passages, { evidence: 0.9 }))).toBe("high");
    expect(confidenceOf(question, retrievalResult("q", passages, { evidence: 0.9, fieldSubject: outside }))).toBe("low");
    // A field word of the question found in the passages: its subject is the field's after all.
    expect(
      confidenceOf(question, retrievalResult("q", passages, { evidence: 0.9, fieldSubject: { ...outside, fieldWordFound: true } })),
    ).toBe("high");
    expect(decideConfidence({ evidence: 0.9, weak: true, missingDetails: [], offFieldSubject: true })).toBe("none");
  });

  it("answers low, at best, a question of which only everyday words were found", () => {
    expect(decideConfidence({ evidence: 0.9, weak: false, missingDetails: [], onlyEverydayWords: true })).toBe("low");
    expect(decideConfidence({ evidence: 0.9, weak: true, missingDetails: [], onlyEverydayWords: true })).toBe("none");
  });

  it("answers high a question about the field in words of its own, however few of them the passages share", () => {
    expect(decideConfidence({ evidence: 0.1, weak: false, missingDetails: [] })).toBe("low");
    expect(decideConfidence({ evidence: 0.1, weak: false, missingDetails: [], fieldParaphrase: true })).toBe("high");
    // What it asks for is still checked, and too little to answer is still refused.
    expect(decideConfidence({ evidence: 0.1, weak: false, missingDetails: ["price"], fieldParaphrase: true })).toBe("low");
    expect(decideConfidence({ evidence: 0.03, weak: true, missingDetails: [], fieldParaphrase: true })).toBe("none");
  });

  it("trusts a stage located by the roadmap's structure over the question's few shared words", () => {
    expect(decideConfidence({ evidence: 0.2, weak: false, missingDetails: [], locatedStage: true }, { low: 0.3 })).toBe("high");
    expect(decideConfidence({ evidence: 0.2, weak: false, missingDetails: ["duration"], locatedStage: true }, { low: 0.3 })).toBe("low");
    // Even when too few of its words are found: that stage is what it asks, unless something it asks is missing.
    expect(decideConfidence({ evidence: 0.03, weak: true, missingDetails: [], locatedStage: true })).toBe("high");
    expect(decideConfidence({ evidence: 0.03, weak: true, missingDetails: [], locatedStage: true, outsideNamedRoadmap: true })).toBe("low");
    expect(decideConfidence({ evidence: 0.03, weak: true, missingDetails: [] })).toBe("none");
  });

  it("counts an asked-for detail only in the passages about the question's subject (focusChunkIds)", () => {
    const subject = passage("《示例课程》介绍了向量检索的基本概念", { chunk: { id: "about" } });
    const other = passage("入门阶段：每周 10 小时，持续 2 个月", { chunk: { id: "elsewhere" } });
    const question = "《示例课程》要学多久？";
    expect(confidenceOf(question, retrievalResult("q", [subject, other], { evidence: 0.9 }))).toBe("high");
    expect(confidenceOf(question, retrievalResult("q", [subject, other], { evidence: 0.9, focusChunkIds: ["about"] }))).toBe("low");
    expect(confidenceOf(question, retrievalResult("q", [subject, other], { evidence: 0.9, focusChunkIds: ["elsewhere"] }))).toBe("high");
  });

  it("counts a price only in the leading passage, the offering the answer is about", () => {
    const course = passage("《示例实战课》：从零搭建一个问答应用，配套代码开源。", { chunk: { id: "course" } });
    const quota = passage("没有显卡？可以用云平台的免费额度练手。", { chunk: { id: "quota" } });
    const priced = passage("《示例实战课》：从零搭建一个问答应用，免费学习。", { chunk: { id: "priced" } });
    const question = "《示例实战课》要多少钱？";
    // The free quota is the cloud platform's, not the course's, whether or not retrieval set a focus.
    expect(confidenceOf(question, retrievalResult("q", [course, quota], { evidence: 0.9 }))).toBe("low");
    expect(confidenceOf(question, retrievalResult("q", [course, quota], { evidence: 0.9, focusChunkIds: ["quota"] }))).toBe("low");
    expect(confidenceOf(question, retrievalResult("q", [priced, quota], { evidence: 0.9 }))).toBe("high");
    // A duration may still come from a plan beside the leading passage.
    const plan = passage("入门阶段：每周 10 小时，持续 2 个月", { chunk: { id: "plan" } });
    expect(confidenceOf("入门阶段要学多久？", retrievalResult("q", [course, plan], { evidence: 0.9 }))).toBe("high");
  });

  it("counts a detail asked of a stage by its place only in that stage's roadmap", () => {
    const stage = passage("第七阶段：前沿技术探索。目标：探索前沿技术。", { chunk: { id: "seventh", docId: "seven" } });
    const plan = passage("入门阶段：每周 10 小时，持续 2 个月", { chunk: { id: "plan", docId: "five" } });
    const question = "第七阶段要学多久？";
    const position = {
      docId: "seven",
      source: "seven.md",
      title: "七阶段路线",
      topic: "",
      at: { sectionIndex: 7, heading: "第七阶段：前沿技术探索", headingPath: ["第七阶段：前沿技术探索"], startLine: 1, endLine: 2 },
    };
    const located = { evidence: 0.9, stageOrdinal: { from: "start" as const, position: 7 }, roadmap: [position] };
    expect(confidenceOf(question, retrievalResult("q", [stage, plan], located))).toBe("low");
    // The same plan in the stage's own roadmap answers it.
    const ownPlan = passage("第七阶段：持续 3 个月", { chunk: { id: "own", docId: "seven" } });
    expect(confidenceOf(question, retrievalResult("q", [stage, ownPlan], located))).toBe("high");
  });

  it("reads a list-shaped passage only in the items that name the subject (focusTerms)", () => {
    const list = passage(
      [
        "- [示例公开课第二季](https://example.org/a)：系统了解大模型的原理。",
        "- [另一本书](https://example.org/b)：2024 年出版，作者张三。",
        "  - 适合入门。",
        "- [第三个资源](https://example.org/c)：论文精读。",
      ].join("\n"),
      { chunk: { id: "list", headingPath: ["推荐资源"] } },
    );
    const question = "示例公开课第二季是哪一年开的？";
    const focused = { evidence: 0.9, focusChunkIds: ["list"], focusTerms: ["公开课"] };
    // Whole passage: another item's year answers nothing about this course.
    expect(confidenceOf("示例公开课是哪一年开的？", retrievalResult("q", [list], { evidence: 0.9, focusChunkIds: ["list"] }))).toBe("high");
    // Named by its link's whole text, the item is read alone without focus terms too (namedListItem.ts).
    expect(confidenceOf(question, retrievalResult("q", [list], { evidence: 0.9, focusChunkIds: ["list"] }))).toBe("low");
    expect(confidenceOf(question, retrievalResult("q", [list], focused))).toBe("low");
    // The item that names the subject, with its sub-items, still counts.
    expect(confidenceOf("另一本书是哪一年出版的？", retrievalResult("q", [list], { ...focused, focusTerms: ["另一本书"] }))).toBe("high");
    // A section whose heading names the subject is about it throughout.
    const section = passage(list.chunk.text, { chunk: { id: "list", headingPath: ["公开课推荐"] } });
    expect(confidenceOf("示例公开课是哪一年开的？", retrievalResult("q", [section], focused))).toBe("high");
    // Prose is read by paragraph: a line opening with a pronoun goes on about the line above.
    const prose = passage("示例公开课第二季介绍原理。\n它于 2023 年上线。", { chunk: { id: "list" } });
    expect(confidenceOf(question, retrievalResult("q", [prose], focused))).toBe("high");
    const other = passage("示例公开课第二季介绍原理。\n另一门课于 2023 年上线。", { chunk: { id: "list" } });
    expect(confidenceOf(question, retrievalResult("q", [other], focused))).toBe("low");
  });

  it("marks a corpus-word question that asks for a detail the passages never give as low", () => {
    expect(confidenceOf("LoRA 微调的学习率设多少?", retrievalResult("q", passages, { evidence: 0.9 }))).toBe("low");
    expect(confidenceOf("LoRA 是什么?", retrievalResult("q", passages, { evidence: 0.9 }))).toBe("high");
    expect(confidenceOf("LoRA 是什么?", retrievalResult("q", [], { evidence: 0.9 }))).toBe("none");
  });
});
