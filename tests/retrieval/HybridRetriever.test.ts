import { describe, expect, it } from "vitest";
import { BadInput } from "../../src/errors.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { confidenceOf, confidenceSignals } from "../../src/retrieval/confidence.js";
import { useRetrievalFixtureIndex } from "../support/buildTestIndex.js";

/** A real index of the hand-made roadmaps in tests/fixtures/retrieval/corpus (local embedder). */
describe("HybridRetriever", () => {
  const index = useRetrievalFixtureIndex();
  const retriever = (options: { k?: number; maxChunksPerSection?: number } = {}) =>
    new HybridRetriever({
      index,
      k: options.k ?? 4,
      maxChunksPerSection: options.maxChunksPerSection ?? 2,
      abstainThreshold: 0.3,
    });
  const sourceOf = (docId: string) => index().documents.find((d) => d.id === docId)?.source;

  it("ranks the passage that answers best first, in both languages", async () => {
    const zh = await retriever().search("入门深度学习读哪本书");
    expect(zh[0]?.chunk.headingPath).toEqual(["第一阶段：基础入门", "推荐书籍"]);
    // An English question finds Chinese text through the glossary (book → 书籍, deep learning → 深度学习).
    const en = await retriever().search("which book should I read to start deep learning?");
    expect(en.slice(0, 2).map((p) => p.chunk.headingPath.at(-1))).toContain("推荐书籍");
    for (const passage of [...zh, ...en]) {
      expect(passage.role).toBe("match");
      if (passage.denseScore !== undefined) {
        expect(passage.denseScore).toBeGreaterThanOrEqual(-1);
        expect(passage.denseScore).toBeLessThanOrEqual(1);
      }
    }
    expect(zh.map((p) => p.score)).toEqual([...zh.map((p) => p.score)].sort((a, b) => b - a));
  });

  it("places a before/after question at the stages it is given to move on from, in their order, the last one too", async () => {
    const stage = (title: string, heading: string) => {
      const doc = index().documents.find((d) => d.title === title)!;
      return { docId: doc.id, sectionIndex: doc.outline.find((s) => s.heading === heading)!.index, heading };
    };
    const fromStages = [
      stage("三段式计划", "三、深钻阶段(3-6 个月)"),
      stage("A Practical LLM Guide", "0x20 Practitioner"),
      stage("示例学习路线", "第二阶段：模型微调"),
    ];
    // The stage heading's 第二阶段 is no ordinal here: each roadmap moves on from its own stage.
    const result = await retriever({ k: 8 }).retrieve("学完 第二阶段：模型微调 之后学什么？", { fromStages });
    expect(result.stageOrdinal).toBeUndefined();
    expect(result.placedAtGivenStages).toBe(true);
    expect(result.roadmap.map((p) => [p.at.heading, p.next?.heading])).toEqual([
      ["三、深钻阶段(3-6 个月)", undefined],
      ["0x20 Practitioner", "0x30 Expert"],
      ["第二阶段：模型微调", "第三阶段：部署上线"],
    ]);
    const lead = result.passages.filter((p) => p.roleLabel !== undefined).map((p) => p.chunk.headingPath.at(-1));
    // The plan's last stage is cited where it sits; the others with the stage after theirs.
    expect(lead).toEqual(expect.arrayContaining(["三、深钻阶段(3-6 个月)", "0x30 Expert", "第三阶段：部署上线"]));
    // A given stage that goes on is not cited again: the answer that gave it showed it.
    expect(lead).not.toContain("0x20 Practitioner");
    // Without them the same words are read as each roadmap's second stage; a question asking no before/after ignores them.
    const plain = await retriever({ k: 8 }).retrieve("学完 第二阶段：模型微调 之后学什么？");
    expect(plain.placedAtGivenStages).toBeUndefined();
    expect(plain.roadmap.map((p) => p.at.heading)).toContain("二、做应用阶段(2-3 个月)");
    // A stage whose heading is no longer at its place (the index changed since the answer) is dropped.
    const stale = await retriever({ k: 8 }).retrieve("学完 第二阶段：模型微调 之后学什么？", {
      fromStages: [{ ...fromStages[0]!, heading: "三、深钻阶段" }, fromStages[1]!],
    });
    expect(stale.roadmap.map((p) => p.at.heading)).toEqual(["0x20 Practitioner"]);
    const unmoved = await retriever().retrieve("LoRA 需要多少显存？", { fromStages });
    expect(unmoved.placedAtGivenStages).toBeUndefined();
    expect(unmoved.roadmap).toEqual([]);
  });

  it("returns at most k passages, at most maxChunksPerSection per section, and is deterministic", async () => {
    const one = await retriever({ k: 1 }).search("LoRA 微调");
    expect(one).toHaveLength(1);
    const capped = await retriever({ k: 10, maxChunksPerSection: 1 }).search("LoRA 微调 部署 量化");
    const keys = capped.map((p) => `${p.chunk.docId}#${p.chunk.sectionIndex}`);
    expect(new Set(keys).size).toBe(keys.length);
    const again = await retriever({ k: 10, maxChunksPerSection: 1 }).search("LoRA 微调 部署 量化");
    expect(again.map((p) => p.chunk.id)).toEqual(capped.map((p) => p.chunk.id));
  });

  it("filters by document id, by source path and by front-matter tag", async () => {
    const guide = index().documents.find((d) => d.source === "roadmaps/guide.md")!;
    const byId = await retriever({ k: 10 }).search("RAG 微调 LoRA", { filters: { documents: [guide.id] } });
    expect(byId.length).toBeGreaterThan(0);
    expect(new Set(byId.map((p) => p.chunk.docId))).toEqual(new Set([guide.id]));
    const bySource = await retriever({ k: 10 }).search("LoRA", { filters: { documents: ["roadmaps/path.md"] } });
    expect(bySource.length).toBeGreaterThan(0);
    expect(new Set(bySource.map((p) => sourceOf(p.chunk.docId)))).toEqual(new Set(["roadmaps/path.md"]));
    const byTag = await retriever({ k: 10 }).search("微调", { filters: { tags: ["English"] } });
    expect(new Set(byTag.map((p) => sourceOf(p.chunk.docId)))).toEqual(new Set(["roadmaps/guide.md"]));
    expect(await retriever().search("LoRA", { filters: { documents: ["roadmaps/missing.md"] } })).toEqual([]);
  });

  it("adds the next stage of each roadmap to a 'what next' question, labelled in Chinese", async () => {
    const result = await retriever().retrieve("学完 LoRA 之后该学什么?");
    expect(result.analysis).toMatchObject({ language: "zh", sequence: "next", topic: "LoRA" });
    expect(result.roadmap.map((p) => [p.source, p.at.heading, p.next?.heading])).toEqual([
      ["roadmaps/path.md", "第二阶段：模型微调", "第三阶段：部署上线"],
    ]);
    const next = result.passages.filter((p) => p.role === "next-section");
    expect(next.map((p) => p.chunk.headingPath)).toEqual([["第三阶段：部署上线"]]);
    expect(next[0]?.roleLabel).toBe("下一阶段：第三阶段：部署上线（《示例学习路线》中 第二阶段：模型微调 之后）");
    expect(result.weak).toBe(false);
  });

  it("adds the previous stage to a prerequisite question, labelled in English", async () => {
    const result = await retriever().retrieve("What should I learn before RAG?");
    expect(result.analysis).toMatchObject({ language: "en", sequence: "previous", topic: "RAG" });
    const guide = result.roadmap.find((p) => p.source === "roadmaps/guide.md");
    expect(guide?.at.heading).toBe("0x20 Practitioner");
    const previous = result.passages.filter((p) => p.role === "previous-section");
    expect(previous.map((p) => p.chunk.headingPath)).toContainEqual(["0x10 Beginner"]);
    expect(previous.find((p) => p.chunk.headingPath[0] === "0x10 Beginner")?.roleLabel).toBe(
      "Previous stage: 0x10 Beginner (before 0x20 Practitioner in 《A Practical LLM Guide》)",
    );
  });

  it("joins a roadmap section and the note it links to, both ways", async () => {
    const fromRoadmap = await retriever({ k: 1 }).retrieve("用 LoRA 微调小模型的实践");
    expect(fromRoadmap.passages[0]?.chunk.headingPath).toEqual(["第二阶段：模型微调", "LoRA 实践"]);
    const note = fromRoadmap.passages.find((p) => p.role === "linked-note");
    expect(sourceOf(note!.chunk.docId)).toBe("notes/lora.md");
    expect(note?.roleLabel).toBe("链接的笔记：《LoRA 笔记》");

    const fromNote = await retriever({ k: 1 }).retrieve("冻结权重只训练低秩矩阵");
    expect(sourceOf(fromNote.passages[0]!.chunk.docId)).toBe("notes/lora.md");
    const linking = fromNote.passages.find((p) => p.role === "linked-note");
    expect(linking?.chunk.headingPath).toEqual(["第二阶段：模型微调", "LoRA 实践"]);
  });

  it("reports weak evidence for off-topic questions and strong evidence for in-domain ones", async () => {
    for (const question of ["how do I bake sourdough bread?", "今天上海天气怎么样", "谁赢得了2018年世界杯"]) {
      const result = await retriever().retrieve(question);
      expect(result.weak, question).toBe(true);
      expect(result.evidence, question).toBeLessThan(0.3);
    }
    for (const question of ["LoRA 微调需要多少显存?", "How do I build a RAG system with a vector database?"]) {
      const result = await retriever().retrieve(question);
      expect(result.weak, question).toBe(false);
      expect(result.evidence, question).toBeGreaterThanOrEqual(0.3);
      expect(result.evidence, question).toBeLessThanOrEqual(1);
    }
  });

  it("focuses a detail question that names a book title on the passages holding that title", async () => {
    // Traditional script and a missing space do not keep the title from matching.
    const result = await retriever().retrieve("《動手學深度學習》的作者是誰？");
    expect(result.focusTerms).toEqual(["动手学深度学习"]);
    const focused = result.passages.filter((p) => result.focusChunkIds?.includes(p.chunk.id));
    expect(focused.length).toBeGreaterThan(0);
    for (const passage of focused) expect(passage.chunk.text).toContain("动手学深度学习");
    // A question asking no detail gets no focus.
    expect((await retriever().retrieve("《动手学深度学习》讲了什么")).focusChunkIds).toBeUndefined();
  });

  it("marks a which-one question low when the passages about its subject name no particular one", async () => {
    // "用 LoRA 微调一个小模型": a model, but not which (namedInstance.ts); 模型 asks, it is no subject.
    const result = await retriever().retrieve("示例学习路线里，LoRA 微调推荐用哪个模型？要多大？");
    expect(result.focusTerms ?? []).not.toContain("模型");
    expect(confidenceSignals("示例学习路线里，LoRA 微调推荐用哪个模型？要多大？", result).missingDetails).toContain("instance");
  });

  it("hands a which-one question the index's name kinds (nameKinds.ts), read once per index", async () => {
    const which = await retriever().retrieve("示例学习路线里，LoRA 微调推荐用哪个模型？");
    expect(which.nameKinds).toBeDefined();
    expect((await retriever().retrieve("部署前要学什么，推荐哪个模型？")).nameKinds).toBe(which.nameKinds);
    expect((await retriever().retrieve("LoRA 是什么？")).nameKinds).toBeUndefined();
  });

  it("takes a how-exactly question's rarest term for its subject, even when no passage holds it", async () => {
    const question = "In the Expert part, how exactly is the reward model for RLHF trained?";
    const result = await retriever().retrieve(question);
    expect(result.focusChunkIds).toEqual([]);
    expect(confidenceOf(question, result)).toBe("low");
  });

  it("never takes the words that ask for a detail (多长时间) for the question's subject", async () => {
    const result = await retriever().retrieve("配套视频全部看完要多长时间？");
    expect(result.focusTerms).toBeDefined();
    expect(result.focusTerms).not.toContain("时间");
    // The rarest word of what it is about instead (配套 or 视频).
    expect(result.focusTerms?.some((t) => t === "配套" || t === "视频")).toBe(true);
  });

  it("treats a name the dictionary puts in the documents' Chinese as known, and flags one they never use", async () => {
    // FAQ → 常见问题 (a heading of the fixture roadmap) through CC-CEDICT.
    expect((await retriever().retrieve("Where is the FAQ of the example roadmap?")).unknownNames).toBeUndefined();
    expect((await retriever().retrieve("Does the example roadmap cover Kotlin?")).unknownNames).toEqual(["Kotlin"]);
  });

  it("answers low a question whose only words found are everyday words, and keeps one about the documents' subject high", async () => {
    // The product's refusal threshold (0.06), not this suite's 0.3: these questions share a word or
    // two with the fixture (需要, 问题 in its 常见问题), enough not to be refused.
    const lenient = new HybridRetriever({ index, k: 4, maxChunksPerSection: 2, abstainThreshold: 0.06 });
    // The last: its only word is everyday, and found.
    for (const question of ["装修房子有哪些问题需要提前想好？", "搬家前需要处理哪些问题", "有什么问题需要问？"]) {
      const result = await lenient.retrieve(question);
      expect(result.weak, question).toBe(false);
      expect(result.onlyEverydayWordsFound, question).toBe(true);
      expect(confidenceOf(question, result), question).toBe("low");
    }
    // 需要 and 问题 are found here too, beside the fixture's own subject (LoRA, 微调).
    const onTopic = await lenient.retrieve("周末想试试 LoRA 微调，需要注意哪些问题");
    expect(onTopic.onlyEverydayWordsFound).toBeUndefined();
    expect(confidenceOf("周末想试试 LoRA 微调，需要注意哪些问题", onTopic)).toBe("high");
  });

  it("reads an ordinal after a named course as the course's numbered part, not a roadmap's stage", async () => {
    const result = await retriever().retrieve("tiny-llm-course 的第二部分讲什么？");
    expect(result.askedPart?.item).toBe("2. 训练：从预训练到对齐");
    expect(result.passages[0]?.chunk.headingPath.at(-1)).toBe("tiny-llm-course :star:");
    expect(result.stageOrdinal).toBeUndefined();
    // With no course named, 第二部分 is still the roadmaps' second stage.
    const stage = await retriever().retrieve("第二部分讲什么？");
    expect(stage.askedPart).toBeUndefined();
    expect(stage.stageOrdinal).toEqual({ from: "start", position: 2 });
  });

  it("gives a stage asked how long the duration its roadmap states, with the stating lines", async () => {
    const result = await retriever().retrieve("三段式计划的第二阶段要多久？");
    const plan = result.roadmap.find((p) => p.title === "三段式计划");
    expect(plan?.at.heading).toBe("二、做应用阶段(2-3 个月)");
    expect(plan?.at.duration).toMatchObject({ text: "2-3 个月" });
    expect(plan?.at.duration?.lines.start).toBe(plan?.at.startLine);
    // A question that does not ask how long gets no durations.
    const what = await retriever().retrieve("三段式计划的第二阶段学什么？");
    expect(what.roadmap.find((p) => p.title === "三段式计划")?.at.duration).toBeUndefined();
  });

  it("names a stage in English by half its name in the roadmap the conversation is about, as in one named by its shape", async () => {
    const path = index().documents.find((d) => d.title === "示例学习路线")!;
    const question = "and how long is the deployment stage?";
    // Alone, "deployment" reaches only 部署 of 部署上线: half a name names no stage of an unnamed roadmap.
    expect((await retriever().retrieve(question)).analysis.expansions).not.toContain("第三阶段：部署上线");
    const followUp = await retriever().retrieve(question, { conversationRoadmap: path.id });
    expect(followUp.analysis.expansions).toContain("第三阶段：部署上线");
    expect(followUp.passages[0]?.chunk.headingPath).toEqual(["第三阶段：部署上线"]);
    // The stage states no duration: the follow-up's detail is looked for where that stage is named.
    expect(confidenceSignals(question, followUp).missingDetails).toContain("duration");
  });

  it("marks a stage asked by a place past the named roadmap's last stage, and no stage within it", async () => {
    // 三段式计划 has three stages: its fourth is none of them, whatever passages lead.
    const beyond = await retriever().retrieve("三段式计划的第四阶段学什么？");
    expect(beyond.stageOrdinal).toEqual({ from: "start", position: 4 });
    expect(beyond.ordinalPastEnd).toBe(3);
    expect(confidenceOf("三段式计划的第四阶段学什么？", beyond)).not.toBe("high");
    // Nor a stage zero, before the first.
    for (const zero of ["三段式计划的第0阶段学什么？", "What is stage zero of 三段式计划 about?"]) {
      const result = await retriever().retrieve(zero);
      expect(result.ordinalPastEnd, zero).toBe(3);
      expect(confidenceOf(zero, result), zero).not.toBe("high");
    }
    const within = await retriever().retrieve("三段式计划的第三阶段学什么？");
    expect(within.ordinalPastEnd).toBeUndefined();
    // With no roadmap named there is no outline to count against.
    expect((await retriever().retrieve("第九阶段学什么？")).ordinalPastEnd).toBeUndefined();
  });

  it("reads the middle stage of the roadmap named, by its stage count", async () => {
    const middle = await retriever().retrieve("三段式计划，中间那个阶段学什么？");
    expect(middle.stageOrdinal).toEqual({ from: "start", position: 2 });
    expect(middle.roadmap.map((p) => p.at.heading)).toEqual(["二、做应用阶段(2-3 个月)"]);
  });

  it("places a before/after question at the stage named in Chinese with its stage word, not at one half an English name reaches", async () => {
    // "the application stage" is the learner's guess at the answer; 深钻阶段 is where the question starts.
    const result = await retriever().retrieve("three-stage plan: before 深钻阶段, is it the application stage?");
    expect(result.roadmap.map((p) => [p.at.heading, p.previous?.heading])).toEqual([
      ["三、深钻阶段(3-6 个月)", "二、做应用阶段(2-3 个月)"],
    ]);
  });

  it("marks a step out of the named roadmap's last stage, not a question for the last stage itself", async () => {
    // After the last stage there is none: low, as a stage past the last is.
    const after = await retriever().retrieve("三段式计划的最后一个阶段之后学什么？");
    expect(after.ordinalPastEnd).toBe(3);
    expect(confidenceOf("三段式计划的最后一个阶段之后学什么？", after)).not.toBe("high");
    expect((await retriever().retrieve("In 三段式计划, what comes after the last stage?")).ordinalPastEnd).toBe(3);
    // The last stage asked for itself, after another stage, and a step on from a stage that has a next one.
    expect((await retriever().retrieve("三段式计划的第二阶段之后，最后一个阶段学什么？")).ordinalPastEnd).toBeUndefined();
    expect((await retriever().retrieve("三段式计划的第二阶段之后学什么？")).ordinalPastEnd).toBeUndefined();
  });

  it("marks a step out of the last stage named by its place and a finishing verb, or by its name and stage word", async () => {
    for (const question of [
      "三段式计划的第三阶段学完以后学什么？",
      "三段式计划，深钻阶段之后学什么？",
      "三段式计划，深钻阶段学完了之后呢？",
      "三段式计划最后一个阶段的下一个阶段是什么？",
      "In 三段式计划, what comes after 深钻?",
      // The one roadmap whose stage it names, when the question names none.
      "深钻阶段之后学什么？",
    ]) {
      const result = await retriever().retrieve(question);
      expect(result.ordinalPastEnd).toBe(3);
      expect(confidenceOf(question, result)).not.toBe("high");
    }
    // A stage with a next one, by name; and the last stage's own parts, which have neighbours of their own.
    expect((await retriever().retrieve("三段式计划，做应用阶段之后学什么？")).ordinalPastEnd).toBeUndefined();
    expect((await retriever().retrieve("三段式计划，深钻阶段里的那一节之后是哪一节？")).ordinalPastEnd).toBeUndefined();
  });

  it("marks a stage asked for before the first one, not what to learn or prepare before it", async () => {
    for (const question of [
      "三段式计划的第一阶段之前还有什么阶段吗？",
      "三段式计划的第一阶段之前是什么阶段？",
      "三段式计划第一阶段的前一个阶段是什么？",
      "In 三段式计划, which stage comes before stage 1?",
      "In 三段式计划, what comes before stage 1?",
      // Nothing asked after the direction word but the stage there (a bare step a follow-up rewrote).
      "三段式计划的第一阶段之前呢？",
      // A follow-up's step back from the first stage, as stageMoves.ts writes it.
      "三段式计划 第1阶段之前的阶段 要学什么",
    ]) {
      const result = await retriever().retrieve(question);
      expect(result.ordinalPastEnd, question).toBe(3);
      expect(confidenceOf(question, result), question).not.toBe("high");
    }
    // Something to learn or set up before it: the roadmap's opening may say; and a stage that has one before it.
    for (const question of [
      "三段式计划的第一阶段之前要准备什么？",
      "In 三段式计划, what should I know before stage 1?",
      "三段式计划，做应用阶段之前是什么阶段？",
    ])
      expect((await retriever().retrieve(question)).ordinalPastEnd, question).toBeUndefined();
  });

  it("marks a step past every roadmap's end when no roadmap is named, and a stage heading copied whole", async () => {
    for (const question of ["最后一个阶段的下一个是什么？", "第一阶段之前是什么？", "三段式计划的三、深钻阶段(3-6 个月)之后呢？"]) {
      const result = await retriever().retrieve(question);
      expect(result.ordinalPastEnd, question).toBeDefined();
      expect(confidenceOf(question, result), question).not.toBe("high");
    }
    // Some roadmap has a stage there, or the question asks what to learn first.
    for (const question of ["第二阶段之前是什么？", "第一阶段之前要学什么？"])
      expect((await retriever().retrieve(question)).ordinalPastEnd, question).toBeUndefined();
  });

  it("marks low a before/after question of a named roadmap about another roadmap's stage by its name", async () => {
    // 深钻阶段 is 三段式计划's; 示例学习路线 has no such stage.
    const other = "示例学习路线里，深钻阶段之后学什么？";
    const result = await retriever().retrieve(other);
    expect(result.roadmap.map((p) => p.title)).toEqual(["三段式计划"]);
    expect(confidenceSignals(other, result).missingDetails).toContain("stage");
    expect(confidenceOf(other, result)).toBe("low");
    // Its own stage, by its name: placed in it, nothing missing for that reason.
    const own = "示例学习路线里，模型微调阶段之后学什么？";
    const ownResult = await retriever().retrieve(own);
    expect(ownResult.roadmap.map((p) => p.title)).toEqual(["示例学习路线"]);
    expect(confidenceSignals(own, ownResult).missingDetails).not.toContain("stage");
  });

  it("looks for a thing's price beside the thing in a named roadmap, and for the roadmap's own length anywhere in it", async () => {
    // 三段式计划 says one course is free; nothing of what distributed training costs.
    const price = "三段式计划里分布式训练与推理加速的课程要花多少钱？";
    expect(confidenceOf(price, await retriever().retrieve(price))).toBe("low");
    const free = "三段式计划里的检索实战课程要钱吗？";
    expect(confidenceOf(free, await retriever().retrieve(free))).toBe("high");
    // How long the roadmap takes is the roadmap's own detail: its stage headings give it.
    const length = "三段式计划的分布式训练部分要学多久？";
    expect(confidenceSignals(length, await retriever().retrieve(length)).missingDetails).toEqual([]);
  });

  it("gives a question about a named roadmap's sequence of stages the stages in order, with stated durations", async () => {
    const result = await retriever().retrieve("三段式计划分成几个阶段？顺序是怎样的？");
    expect(result.roadmapOutline?.title).toBe("三段式计划");
    expect(result.roadmapOutline?.stages.map((s) => [s.heading, s.duration?.text])).toEqual([
      ["一、打基础阶段(1-2 个月)", "1-2 个月"],
      ["二、做应用阶段(2-3 个月)", "2-3 个月"],
      ["三、深钻阶段(3-6 个月)", "3-6 个月"],
    ]);
    // A question about one stage of it is not about its sequence.
    expect((await retriever().retrieve("三段式计划的第二阶段学什么？")).roadmapOutline).toBeUndefined();
  });

  it("answers what to be able to do before a stage from the previous stage's assessment section", async () => {
    // "进" (entering) before the stage's name is no part of it.
    const result = await retriever().retrieve("三段式计划里，进做应用阶段之前我得先能做到哪些事？");
    const previous = result.passages.filter((p) => p.role === "previous-section");
    expect(previous[0]?.chunk.headingPath.at(-1)).toBe("阶段评估");
    // Asked what the previous stage covers, its opening comes first as before.
    const what = await retriever().retrieve("三段式计划里，做应用阶段之前要学什么？");
    expect(what.passages.find((p) => p.role === "previous-section")?.chunk.headingPath.at(-1)).toBe("一、打基础阶段(1-2 个月)");
  });

  it("locates 'before entering X' in the roadmap the question names, not in another one that mentions X", async () => {
    const positions = async (q: string) => (await retriever().retrieve(q)).roadmap.map((p) => `${p.title}: ${p.at.heading}`);
    expect(await positions("示例学习路线里，进推理优化之前要学什么？")).toEqual(["示例学习路线: 第三阶段：部署上线"]);
    expect(await positions("三段式计划里，进检索增强问答之前要学什么？")).toEqual(["三段式计划: 二、做应用阶段(2-3 个月)"]);
  });

  it("answers how long a stage named by its name takes from that stage, unless the whole path is asked", async () => {
    const named = await retriever().retrieve("打基础阶段要多久？");
    expect(named.roadmap.map((p) => [p.at.heading, p.at.duration?.text])).toEqual([["一、打基础阶段(1-2 个月)", "1-2 个月"]]);
    expect((await retriever().retrieve("打基础阶段和后面的全部学完要多久？")).roadmap).toEqual([]);
  });

  it("answers a question that reaches its passages only through learners' words, not refused", async () => {
    // 降精度 is a learners' phrase for 量化 (the fixture's 第三阶段); no word of the question is in the corpus.
    const result = await retriever().retrieve("降精度咋弄");
    expect(result.weak).toBe(false);
    expect(result.onlyThroughExpansions).toBe(true);
    // The phrase names the concept the leading passage is about: enough, as for thin evidence (thinEvidence.ts).
    expect(result.learnerConceptFound).toBe(true);
    expect(confidenceOf("降精度咋弄", result)).toBe("high");
    // Off topic, with no expansion in the passages: still refused.
    const offTopic = await retriever().retrieve("猫咪剪指甲");
    expect(offTopic.weak).toBe(true);
    expect(offTopic.onlyThroughExpansions).toBeUndefined();
  });

  it("gives the stage an ordinal names when nothing comes after it ('after X, what is the final stage?')", async () => {
    const result = await retriever().retrieve("After the fine-tuning stage, what is the final stage?");
    expect(result.stageOrdinal).toEqual({ from: "end", position: 1 });
    expect(result.passages[0]?.chunk.headingPath[0]).toBe("第三阶段：部署上线");
  });

  it("tells a stage's name as a learner says it, without the stage word, from what is not one", () => {
    expect(retriever().namesStage("模型微调")).toBe(true);
    expect(retriever().namesStage("做应用")).toBe(true);
    expect(retriever().namesStage("注意力机制")).toBe(false);
    expect(retriever().namesStage("微")).toBe(false);
  });

  it("reads which roadmap a question names, and answers a conversation's roadmap first when the question names none", async () => {
    const plan = index().documents.find((d) => d.title === "三段式计划")!;
    expect(retriever().roadmapNamedIn("三段式计划的第二阶段学什么？")).toBe(plan.id);
    expect(retriever().roadmapNamedIn("注意力机制要怎么学？")).toBeUndefined();
    const result = await retriever().retrieve("那注意力机制要怎么学？", { conversationRoadmap: plan.id });
    expect(result.namedRoadmap?.docId).toBe(plan.id);
    expect(result.passages[0]?.chunk.docId).toBe(plan.id);
  });

  it("reads the roadmap a question names again for each index version, whatever it read before", () => {
    const plan = index().documents.find((d) => d.title === "三段式计划")!;
    const withoutPlan = { ...index(), documents: index().documents.filter((d) => d.id !== plan.id) };
    let live = index();
    const swapping = new HybridRetriever({ index: () => live, k: 4, maxChunksPerSection: 2, abstainThreshold: 0.3 });
    const named = "三段式计划的第二阶段学什么？";
    expect(swapping.roadmapNamedIn(named)).toBe(plan.id);
    expect(swapping.roadmapNamedIn("注意力机制要怎么学？")).toBeUndefined();
    expect(swapping.roadmapNamedIn(named)).toBe(plan.id);
    // A version without that roadmap: the same question names none of its own.
    live = withoutPlan;
    expect(swapping.roadmapNamedIn(named)).not.toBe(plan.id);
    live = index();
    expect(swapping.roadmapNamedIn(named)).toBe(plan.id);
  });

  it("expands a question for each index version anew, whatever it expanded for another", () => {
    // A version of one roadmap: fewer chunks hold each word, so other expansions pass.
    const first = index().documents[0]!;
    const chunks = index().chunks.filter((c) => c.docId === first.id);
    const { termTable: _table, ...full } = index();
    const narrow = { ...full, documents: [first], chunks, chunkById: new Map(chunks.map((c) => [c.id, c])) };
    const questions = ["which book should I read to start deep learning?", "LoRA 微调", "三段式计划的第二阶段学什么？", "大模型 入门"];
    const differing = questions.filter(
      (q) =>
        JSON.stringify(retriever().analyzeQuestion(q).expansions) !==
        JSON.stringify(
          new HybridRetriever({ index: () => narrow, k: 4, maxChunksPerSection: 2, abstainThreshold: 0.3 }).analyzeQuestion(q).expansions,
        ),
    );
    expect(differing.length).toBeGreaterThan(0);
    let live = index();
    const swapping = new HybridRetriever({ index: () => live, k: 4, maxChunksPerSection: 2, abstainThreshold: 0.3 });
    for (const question of questions) swapping.analyzeQuestion(question);
    live = narrow;
    const fresh = new HybridRetriever({ index: () => narrow, k: 4, maxChunksPerSection: 2, abstainThreshold: 0.3 });
    for (const question of questions)
      expect(swapping.analyzeQuestion(question).expansions).toEqual(fresh.analyzeQuestion(question).expansions);
  });

  it("expands a question alike however often a conversation reads it, and as a fresh retriever does", async () => {
    const shared = retriever();
    const questions = ["which book should I read to start deep learning?", "三段式计划的第二阶段学什么？", "LoRA 微调"];
    for (const question of [...questions, ...[...questions].reverse()]) {
      shared.roadmapNamedIn(question);
      const fresh = retriever();
      expect(shared.analyzeQuestion(question).expansions).toEqual(fresh.analyzeQuestion(question).expansions);
      expect(await shared.search(question)).toEqual(await fresh.search(question));
    }
  });

  it("answers a question that describes a concept in its definition's words, where it names none", async () => {
    const question = "freeze the original weights and only train two small extra matrices beside them: what is it called?";
    const described = await retriever().retrieve(question);
    expect(described.weak).toBe(false);
    expect(described.learnerConceptFound).toBe(true);
    expect(described.passages.some((p) => p.chunk.headingPath.at(-1) === "LoRA 实践")).toBe(true);
    // Without the definitions (and the learners' descriptions, which find it too) its own words are too thin: refused.
    const literal = await new HybridRetriever({
      index,
      k: 4,
      maxChunksPerSection: 2,
      abstainThreshold: 0.3,
      definitions: false,
      descriptions: false,
    }).retrieve(question);
    expect(literal.weak).toBe(true);
  });

  it("names the concepts a question asks the named roadmap to place or cover that it never names", async () => {
    const placed = await retriever().retrieve("三段式计划里 RLHF 放在哪个阶段？");
    expect(placed.namedRoadmap?.title).toBe("三段式计划");
    expect(placed.conceptsOutsideRoadmap).toEqual(["RLHF"]);
    expect(confidenceOf("三段式计划里 RLHF 放在哪个阶段？", placed)).not.toBe("high");
    expect((await retriever().retrieve("三段式计划有没有讲 RLHF？")).conceptsOutsideRoadmap).toEqual(["RLHF"]);
    // It names 注意力机制; and a question that asks neither where nor whether is not read.
    expect((await retriever().retrieve("三段式计划里注意力机制放在哪个阶段？")).conceptsOutsideRoadmap).toBeUndefined();
    expect((await retriever().retrieve("三段式计划里 RLHF 是什么？")).conceptsOutsideRoadmap).toBeUndefined();
  });

  it("looks for a duration asked of a concept the named roadmap lists beside that concept, not anywhere in the roadmap", async () => {
    const result = await retriever().retrieve("三段式计划里，分布式训练要学多少小时？");
    expect(result.namedRoadmap?.title).toBe("三段式计划");
    expect(result.focusTerms).toContain("分布式训练");
    const focus = result.passages.filter((p) => result.focusChunkIds?.includes(p.chunk.id));
    expect(focus.length).toBeGreaterThan(0);
    for (const p of focus) expect(p.chunk.text).toContain("分布式训练");
    // Asked of the roadmap itself, a duration may still be anywhere in it.
    expect((await retriever().retrieve("三段式计划一共要学多久？")).focusChunkIds).toBeUndefined();
  });

  it("rejects an empty question and a bad k", async () => {
    await expect(retriever().search("   ")).rejects.toBeInstanceOf(BadInput);
    await expect(retriever().retrieve("LoRA", { k: 0 })).rejects.toBeInstanceOf(BadInput);
  });
});
