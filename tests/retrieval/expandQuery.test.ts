import { describe, expect, it } from "vitest";
import { expandQuery } from "../../src/retrieval/expandQuery.js";
import { findGlossaryMatches, GLOSSARY } from "../../src/retrieval/glossary.js";
import { findEnglishLearnerPhrases, findGappedHanLearnerPhrases, isLearnerEntry } from "../../src/retrieval/learnerPhrases.js";
import { findLooseLearnerPhrases } from "../../src/retrieval/looseLearnerPhrases.js";

describe("glossary", () => {
  it("is a sizeable bilingual vocabulary with both languages in every entry", () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(80);
    // Curated by hand: a few hundred entries at most (bulk vocabularies go to the learners' layer or CC-CEDICT).
    expect(GLOSSARY.length).toBeLessThanOrEqual(250);
    for (const entry of GLOSSARY) {
      expect(entry.en.length).toBeGreaterThan(0);
      expect(entry.zh.length).toBeGreaterThan(0);
    }
  });

  it("matches the longest term, case-insensitively, on latin word boundaries", () => {
    expect(findGlossaryMatches("Parameter-Efficient Fine-Tuning 是什么").map((m) => m.surface)).toEqual([
      "Parameter-Efficient Fine-Tuning",
    ]);
    expect(findGlossaryMatches("向量数据库").map((m) => m.surface)).toEqual(["向量数据库"]);
    expect(findGlossaryMatches("RAG是什么").map((m) => m.surface)).toEqual(["RAG"]);
    expect(findGlossaryMatches("cloud storage and dragons")).toEqual([{ surface: "cloud", start: 0, end: 5, entries: expect.any(Array) }]);
  });

  it("falls back to a shorter term of the same first two characters when a longer one is cut off or off a word boundary", () => {
    const spans = (text: string) => findGlossaryMatches(text, { learnerPhrases: false }).map((m) => [m.surface, m.start]);
    // "AI agent" ends inside "agents": "AI" is the term there (and "agents" one of its own).
    expect(spans("AI agents 怎么做")).toEqual([
      ["AI", 0],
      ["agents", 3],
    ]);
    expect(spans("AI agent 怎么做")).toEqual([["AI agent", 0]]);
    // The longest of 向量库 / 向量检索 / 向量数据库 that is there, also at the very end of the text.
    expect(spans("向量数据库和向量库")).toEqual([
      ["向量数据库", 0],
      ["向量库", 6],
    ]);
    expect(spans("学ai")).toEqual([["ai", 1]]);
  });
});

describe("expandQuery", () => {
  it("adds Chinese terms to an English question", () => {
    const expansions = expandQuery("which book should I read for deep learning?");
    expect(expansions).toContain("深度学习");
    expect(expansions).toContain("书籍");
    expect(expandQuery("what is retrieval-augmented generation")).toEqual(expect.arrayContaining(["RAG", "检索增强生成"]));
    expect(expandQuery("fine-tuning vs prompt engineering")).toEqual(expect.arrayContaining(["微调", "提示词工程", "提示工程"]));
  });

  it("adds English terms and same-language synonyms to a Chinese question", () => {
    const expansions = expandQuery("向量数据库有哪些");
    expect(expansions).toEqual(expect.arrayContaining(["vector database", "向量库"]));
    expect(expandQuery("什么是监督微调")).toEqual(expect.arrayContaining(["SFT", "supervised fine-tuning", "监督式微调"]));
    expect(expandQuery("学完 LoRA 之后该学什么?")).toEqual(expect.arrayContaining(["低秩", "low-rank adaptation"]));
    expect(expandQuery("RLHF 怎么做")).toContain("人类反馈强化学习");
    // 独显 (a discrete graphics card) is the learners' word for what the documents call 显卡 or 硬件.
    expect(expandQuery("家里电脑连独显都没有")).toEqual(expect.arrayContaining(["显卡", "GPU"]));
    // A list's star (":star:", GitHub's markup) is what a learner calls 星标 or 星号.
    expect(expandQuery("哪一门课加了星标？")).toContain("star");
  });

  it("reads a deep dive as going deep (深入), not as the deep-learning textbook its words recall", () => {
    const expansions = expandQuery("what does the deep-dive phase of that guide cover?");
    expect(expansions).toContain("深入");
    expect(expansions).not.toContain("动手学深度学习");
    expect(expandQuery("is there an in depth part on agents?")).toContain("深入");
  });

  it("does not repeat terms already in the question", () => {
    const expansions = expandQuery("深度学习 deep learning");
    expect(expansions).not.toContain("深度学习");
    expect(expansions).not.toContain("deep learning");
  });

  it("expands nothing for words outside the field", () => {
    expect(expandQuery("how do I bake sourdough bread?")).toEqual([]);
    expect(expandQuery("今天上海天气怎么样")).toEqual([]);
    expect(expandQuery("storage of dragons")).toEqual([]);
  });
});

describe("people and institutions of the field", () => {
  it("expand an English name to the Chinese one the documents use, never back", () => {
    expect(expandQuery("Which course by Andrew Ng do they recommend?")).toContain("吴恩达");
    expect(expandQuery("Stanford NLP course")).toContain("斯坦福");
    // The field's everyday abbreviations: CS, infra.
    expect(expandQuery("I'm a CS student")).toContain("计算机");
    expect(expandQuery("想走 Infra 方向")).toContain("基础架构");
    expect(expandQuery("李宏毅的课怎么样")).not.toContain("Hung-yi Lee");
  });
});

describe("learners' words (learnerPhrases.json)", () => {
  const kinds = (text: string) =>
    findGlossaryMatches(text).flatMap((m) => m.entries.map((e) => (isLearnerEntry(e) ? "learner" : "glossary")));

  it("expands an everyday word to the documents' term, never to the other everyday words", () => {
    const expansions = expandQuery("模型老是瞎编怎么办");
    expect(expansions).toContain("幻觉");
    expect(expansions).not.toContain("胡说八道");
  });

  it("knows the third blind writer's everyday words (learnerPhrases.source3.jsonl) too", () => {
    // Phrases only that writer gave, in questions written for this test.
    expect(expandQuery("有没有那种先翻资料再回答的做法")).toContain("检索增强生成");
    expect(expandQuery("谷歌出的AI框架要不要学")).toContain("TensorFlow");
    expect(expandQuery("想做个问啥答啥的小工具")).toContain("问答系统");
  });

  it("matches English phrases on word stems, past articles", () => {
    // The vocabulary lists "making things up"; learners inflect.
    expect(expandQuery("why does the chatbot keep making things up")).toContain("幻觉");
    expect(expandQuery("my bot makes things up all the time")).toContain("幻觉");
    expect(findEnglishLearnerPhrases("the bot makes some things up")).toEqual([]);
  });

  it("finds a phrase loosely: most of its pieces in the question, in any order, with words between", () => {
    // "making things up" (幻觉) with a word between, and with another placeholder noun.
    expect(expandQuery("the bot makes some things up")).toContain("幻觉");
    expect(expandQuery("how do I stop my chatbot making stuff up?")).toContain("幻觉");
    // "一步步想" / "逐步推理" (Chain - of - Thought) in a learner's longer sentence.
    const loose = findLooseLearnerPhrases("能不能让模型一步步把推理过程写出来再回答");
    expect(loose.flatMap((m) => m.entries.flatMap((e) => e.en))).toContain("Chain - of - Thought");
    expect(loose.every((m) => m.loose)).toBe(true);
    // One shared piece is not enough, and a question about something else finds nothing.
    expect(findLooseLearnerPhrases("我想学做饭")).toEqual([]);
    expect(findLooseLearnerPhrases("best sourdough bread recipe")).toEqual([]);
  });

  it("judges a loose phrase once per question, however many of its pieces propose it, and again for the next", () => {
    const question = "能不能让模型一步步把推理过程写出来再回答";
    const first = findLooseLearnerPhrases(question);
    expect(first.length).toBeGreaterThan(0);
    // Each phrase has one entry: a phrase proposed by two of its pieces would be matched twice.
    const spans = first.map((m) => `${m.start}-${m.end}:${m.entries.map((e) => e.en.join("/")).join("|")}`);
    expect(new Set(spans).size).toBe(spans.length);
    findLooseLearnerPhrases("the bot makes some things up");
    expect(findLooseLearnerPhrases(question)).toEqual(first);
  });

  it("matches a Chinese phrase of several words with a few characters between them", () => {
    // The vocabulary lists "模型变小" (模型压缩); learners put words in between.
    expect(expandQuery("模型太大了怎么变小")).toContain("模型压缩");
    // Not across 的 (an attribute: "调用哪家的模型" is no "调用模型"), a break, or a long stretch.
    expect(findGappedHanLearnerPhrases("模型里面的参数怎么变小")).toEqual([]);
    expect(findGappedHanLearnerPhrases("模型，变小")).toEqual([]);
    expect(findGappedHanLearnerPhrases("模型在各种场景下的表现如何才能变小")).toEqual([]);
    // Only a phrase its words make up, less function characters: "语言大模型" loses 大 as a piece,
    // so "语言…模型" alone does not stand for it; "听懂用户要什么" keeps 听懂 + 用户.
    expect(findGappedHanLearnerPhrases("语言模型")).toEqual([]);
    expect(findGappedHanLearnerPhrases("听懂我们用户").map((m) => m.entries[0]?.zh[0])).toEqual(["用户意图识别"]);
  });

  it("tries every place the phrase's first word is, and matches from the first that works", () => {
    // The first 模型 is cut off by a comma; the second one starts the match.
    const [match] = findGappedHanLearnerPhrases("模型，这个模型太大了怎么变小");
    expect(match && [match.surface, match.start]).toEqual(["模型太大了怎么变小", 5]);
  });

  it("leaves a glossary term its glossary meaning", () => {
    expect(kinds("显卡")).toEqual(["glossary"]);
  });

  it("keeps the glossary concept inside a longer everyday phrase", () => {
    expect(kinds("显卡不够怎么办")).toEqual(["glossary", "learner"]);
  });
});
