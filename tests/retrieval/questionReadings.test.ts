import { describe, expect, it } from "vitest";
import { IndexResources } from "../../src/retrieval/indexResources.js";
import { LEADING_PASSAGES } from "../../src/retrieval/learnerConcept.js";
import { QuestionJudge } from "../../src/retrieval/questionJudge.js";
import { questionReadings, type QuestionReadingInputs } from "../../src/retrieval/questionReadings.js";
import type { RoadmapProfile } from "../../src/retrieval/roadmapProfile.js";
import { useRetrievalFixtureIndex } from "../support/buildTestIndex.js";

/** questionReadings on the hand-made roadmaps (tests/fixtures/retrieval/corpus), every chunk a top passage. */
describe("questionReadings", () => {
  const index = useRetrievalFixtureIndex();
  const roadmap = (title: string): RoadmapProfile => IndexResources.of(index()).profiles.find((p) => p.doc.title === title)!;
  const read = (query: string, more: Partial<QuestionReadingInputs> = {}) =>
    questionReadings({
      index: index(),
      judge: new QuestionJudge({}),
      query,
      passages: index().chunks.map((chunk) => ({ chunk, score: 1, role: "match" as const })),
      named: undefined,
      naming: undefined,
      ordinal: undefined,
      partsPastEnd: undefined,
      definitions: true,
      ...more,
    });

  it("reads every reading on the question with its misspelt names repaired", () => {
    expect(read("Lroa 微调要准备几张显卡").judgedQuery).toBe("lora 微调要准备几张显卡");
    expect(read("LoRA 微调要准备几张显卡").judgedQuery).toBe("LoRA 微调要准备几张显卡");
  });

  it("names what no passage uses, and a subject outside the field the passages share no field word with", () => {
    const haskell = read("Is Haskell taught anywhere in the practical guide?");
    expect(haskell.unknownNames).toEqual(["Haskell"]);
    // 装备 alone would not do: the learners' words hold "装备要求" (hardware requirements), so it reads as the field's.
    const fishing = read("周末去海边钓鱼需要带哪些鱼竿和鱼饵");
    expect(fishing.outsideSubjects).toEqual(["钓鱼"]);
    expect(fishing.fieldSubject?.fieldWordFound).toBe(false);
    const field = read("LoRA 微调要准备几张显卡");
    expect(field.unknownNames).toBeUndefined();
    expect(field.outsideSubjects).toBeUndefined();
    expect(field.fieldSubject).toBeUndefined();
  });

  it("reads no unknown name in the words that said which roadmap (its generator, its site)", () => {
    const path = roadmap("示例学习路线");
    const question = "Jekyll 博客那篇说第一阶段学什么？";
    expect(read(question).unknownNames).toEqual(["Jekyll"]);
    expect(read(question, { named: path, naming: ["jekyll", "博客"] }).unknownNames).toBeUndefined();
  });

  it("reads a question stepping aside to a subject of its own as a digression", () => {
    expect(read("顺便问一句，你喜欢养猫还是养狗").digression).toBe(true);
    expect(read("LoRA 微调要准备几张显卡").digression).toBeUndefined();
  });

  it("names the concepts a named roadmap never names only when the question asks where they sit in it", () => {
    const path = roadmap("示例学习路线");
    expect(read("示例学习路线把 RLHF 放进了哪一阶段", { named: path }).conceptsOutsideRoadmap).toEqual(["RLHF"]);
    // Not asked where: the roadmap's structure says nothing of it.
    expect(read("示例学习路线里的 RLHF 好学吗", { named: path }).conceptsOutsideRoadmap).toBeUndefined();
    // No roadmap named: no structure to place it in.
    expect(read("示例学习路线把 RLHF 放进了哪一阶段").conceptsOutsideRoadmap).toBeUndefined();
  });

  it("counts an ordinal past the named roadmap's stages, or the parts of a thing it counted", () => {
    const path = roadmap("示例学习路线");
    const stages = path.stages.length;
    expect(stages).toBeGreaterThan(0);
    const past = { from: "start" as const, position: stages + 2 };
    expect(read("示例学习路线的后面那个阶段学什么", { named: path, ordinal: past }).ordinalPastEnd).toBe(stages);
    expect(
      read("示例学习路线的后面那个阶段学什么", { named: path, ordinal: { from: "start", position: stages } }).ordinalPastEnd,
    ).toBeUndefined();
    expect(read("示例学习路线的后面那个阶段学什么", { ordinal: past }).ordinalPastEnd).toBeUndefined();
    expect(read("那门课的后面那个部分讲什么", { partsPastEnd: 4 }).ordinalPastEnd).toBe(4);
  });

  it("finds a learner's phrase for a concept the leading passages name, and the question's words held together", () => {
    const question = "部署之前想给模型瘦身，有哪些办法";
    const compression = { ...index().chunks[0]!, id: "compression", text: "模型压缩：剪枝、蒸馏和量化，让模型跑在小设备上。" };
    const english = index().chunks.filter((chunk) => /[A-Za-z]{4}/.test(chunk.text) && !/\p{Script=Han}/u.test(chunk.text));
    const leadingWith = (chunks: typeof english) => chunks.map((chunk) => ({ chunk, score: 1, role: "match" as const }));
    expect(read(question, { passages: leadingWith([compression, ...english]) }).learnerConceptFound).toBe(true);
    expect(read(question, { passages: leadingWith(english) }).learnerConceptFound).toBeUndefined();
    // Only the passages an answer leads with are read for it.
    expect(english.length).toBeGreaterThanOrEqual(LEADING_PASSAGES);
    const after = [...english.slice(0, LEADING_PASSAGES), compression];
    expect(read(question, { passages: leadingWith(after) }).learnerConceptFound).toBeUndefined();
    // The FAQ holds both LoRA and 显存; Python and LoRA are in different stages.
    expect(read("跑一次 LoRA 大概吃多少显存").termsTogether).toBe(true);
    expect(read("Python 和 LoRA 应该先学哪个").termsTogether).toBeUndefined();
  });
});
