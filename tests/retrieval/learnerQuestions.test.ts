/**
 * Issue 14's failure classes, on the real bundled corpus, with questions written for this test
 * (none is taken from a question set). Each asserts what the retriever must find.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ABSTAIN_THRESHOLD, parseConfig } from "../../src/config.js";
import { confidenceOf, confidenceSignals } from "../../src/retrieval/confidence.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import type { RetrievalResult } from "../../src/retrieval/types.js";
import { buildTestIndex, type BuiltTestIndex } from "../support/buildTestIndex.js";

let built: BuiltTestIndex;
let retriever: HybridRetriever;

beforeAll(async () => {
  built = await buildTestIndex();
  retriever = new HybridRetriever({ index: () => built.snapshot, k: 5, maxChunksPerSection: 2, abstainThreshold: 0.3 });
}, 120_000);
afterAll(() => built?.cleanup());

const headingsOf = (result: RetrievalResult) => result.passages.map((p) => p.chunk.headingPath.join(" › "));
const texts = (result: RetrievalResult) => result.passages.map((p) => p.chunk.text).join("\n");

describe("Traditional Chinese", () => {
  it("reads a Traditional question like its Simplified form", async () => {
    const result = await retriever.retrieve("學完模型微調以後，下一步該學甚麼？");
    expect(result.analysis.sequence).toBe("next");
    const stages = result.roadmap.map((p) => `${p.at.heading} → ${p.next?.heading ?? ""}`);
    expect(stages).toContain("第六阶段：模型微调与私有化部署 → 第七阶段：前沿技术探索");
  });

  it("finds passages for a Traditional field term (and 向量 is not turned into 矢量)", async () => {
    const result = await retriever.retrieve("檢索增強生成和向量檢索要學哪些內容？");
    expect(texts(result)).toMatch(/检索增强生成|向量检索/u);
    expect(texts(result)).not.toContain("矢量");
  });
});

describe("Taiwan vocabulary", () => {
  it("searches the Mainland word in place of a Taiwan word the corpus never uses", async () => {
    const result = await retriever.retrieve("有沒有適合新手的實作專案可以參考？");
    expect(result.query).toContain("项目");
    expect(result.query).not.toContain("专案");
    expect(texts(result)).toContain("项目");
  });

  it("reads a Taiwan writer's 資料 as data, and finds the passage on making training data", async () => {
    // The documents' 资料 are study materials; their data is 数据 (合成微调数据).
    const traditional = await retriever.retrieve("我手上的訓練資料太少，能讓大模型幫我生成一些嗎？有文章教嗎？");
    expect(traditional.query).toContain("训练数据");
    expect(
      headingsOf(traditional)
        .slice(0, 3)
        .some((h) => h.includes("数据工程")),
    ).toBe(true);
    // Beside a word of studying, 資料 is still material to read.
    expect((await retriever.retrieve("有推薦的學習資料嗎？")).query).toContain("学习资料");
  });

  it("keeps a Taiwan word the corpus uses itself", async () => {
    // 核心 is 内核 (a kernel) in OpenCC's phrase table; the corpus writes 核心 (the core of something).
    const result = await retriever.retrieve("注意力機制的核心是什麼？");
    expect(result.query).toContain("核心");
    expect(result.analysis.expansions).not.toContain("内核");
  });
});

describe("number ranges in a learner's words", () => {
  it("finds the plan's months when the question writes the range with 'to'", async () => {
    const result = await retriever.retrieve("which topics fill months 1 to 2 of the plan?");
    // "1-2" is found as the documents write it: the question has topical evidence, not none.
    expect(result.evidence).toBeGreaterThan(0.2);
    expect(texts(result)).toContain("第 1-2 月");
  });
});

describe("a detail asked about one thing", () => {
  it("is low when only passages about something else give that kind of detail", async () => {
    // The passage naming OpenRouter gives no duration; a study-time passage beside it does.
    const question = "OpenRouter 注册一个账号要多久？";
    const result = await retriever.retrieve(question);
    expect(result.focusChunkIds?.length).toBeGreaterThan(0);
    expect(confidenceOf(question, result, { low: 0 })).toBe("low");
  });

  it("is high when the passage about it gives the detail", async () => {
    const question = "吴恩达那门 ChatGPT 提示工程课程多长时间？";
    expect(confidenceOf(question, await retriever.retrieve(question), { low: 0 })).toBe("high");
  });
});

describe("a subject a learner says they study", () => {
  it("is low when the documents never name it, whatever genre words the passages share", async () => {
    const question = "我是陶艺新手，入门阶段该看哪些书？";
    const result = await retriever.retrieve(question);
    expect(result.unknownNames).toContain("陶艺");
    expect(confidenceOf(question, result)).toBe("low");
  });

  it("is no unknown name when the learner studies the field", async () => {
    const result = await retriever.retrieve("零基础入门大模型，该先看哪些书？");
    expect(result.unknownNames ?? []).toEqual([]);
  });
});

describe("a learner's level beside a subject outside the field", () => {
  it("is no field word the passages share: the question is low", async () => {
    // 零基础 and 新手 are the roadmaps' words too; they say who asks, not what about.
    const question = "零基础想考雅思，有没有适合新手的复习路线？";
    const result = await retriever.retrieve(question);
    expect(result.outsideSubjects).toContain("雅思");
    expect(confidenceOf(question, result)).toBe("low");
  });

  it("leaves a beginner of the field high", async () => {
    const question = "零基础想学大模型，有没有适合新手的学习路线？";
    expect(confidenceOf(question, await retriever.retrieve(question))).toBe("high");
  });

  it("is no field word the passages share when it is the plan's level (进阶) either", async () => {
    const question = "想考潜水证，有没有从入门到进阶的学习路线？";
    const result = await retriever.retrieve(question);
    expect(result.outsideSubjects).toContain("潜水");
    expect(confidenceOf(question, result)).toBe("low");
    const field = "零基础想学大模型，有没有从入门到进阶的学习路线？";
    expect(confidenceOf(field, await retriever.retrieve(field))).toBe("high");
  });

  it("shows nothing of the field against nouns no vocabulary knows either (注会, 税法)", async () => {
    // No lexicon names them; 入门 and 学习路线 are the plan asked for, as against a lexicon's subject.
    const question = "大三学生，想明年过注会，有没有从入门到冲刺的学习路线？税法看什么书？";
    const result = await retriever.retrieve(question);
    expect(result.fieldSubject?.offFieldNouns).toEqual(expect.arrayContaining(["税法"]));
    expect(result.fieldSubject?.fieldWordFound).toBe(false);
    expect(confidenceOf(question, result)).toBe("low");
  });
});

describe("a field word inside a compound of the subject's own", () => {
  it("is that compound's, not the field's: nothing of the field is found, and the answer is not high", async () => {
    // 体能训练 is physical training; jieba reads it as one word, which no document writes.
    const question = "高一新生军训前的体能训练要怎么安排？";
    const result = await retriever.retrieve(question);
    expect(result.fieldSubject?.offFieldNouns).toEqual(expect.arrayContaining(["新生", "军训"]));
    expect(result.fieldSubject?.fieldWordFound).toBe(false);
    expect(confidenceOf(question, result)).not.toBe("high");
  });

  it("leaves the field's own training high", async () => {
    const question = "大模型训练之前要准备哪些数据？";
    expect(confidenceOf(question, await retriever.retrieve(question))).toBe("high");
  });
});

describe("a field tool used for a task of another domain", () => {
  it("shows nothing of that domain: the tool is how, the task is what is asked", async () => {
    for (const [question, subject] of [
      ["Can I use ChatGPT to fill in my income tax forms?", "income tax"],
      ["用ChatGPT帮我写电子发票的备注靠谱吗", "电子发票"],
    ] as const) {
      const result = await retriever.retrieve(question);
      expect(result.outsideSubjects, question).toContain(subject);
      expect(confidenceSignals(question, result).outsideSubject, question).toBe(true);
      expect(confidenceOf(question, result), question).not.toBe("high");
    }
  });

  it("leaves a field tool used for a task of the field high", async () => {
    const question = "How should I use LangChain to build a RAG app?";
    expect(confidenceOf(question, await retriever.retrieve(question))).toBe("high");
  });
});

describe("a way to learn asked of a subject outside the field", () => {
  it("is no field word the passages share: the question is low", async () => {
    // 入门 and 学习路线 are what the roadmaps are; they say what kind of answer is asked, not about what.
    const question = "想学前端开发，零基础入门有没有学习路线？";
    const result = await retriever.retrieve(question);
    expect(result.outsideSubjects).toContain("前端开发");
    expect(confidenceOf(question, result)).toBe("low");
  });

  it("is low when the subject's own head is a word a concept is described by (设计 of 网页设计)", async () => {
    const question = "网页设计入门有没有好的教程？";
    const result = await retriever.retrieve(question);
    expect(result.outsideSubjects).toContain("网页设计");
    expect(confidenceOf(question, result)).toBe("low");
  });

  it("leaves a learner from another trade who asks for the field's route high", async () => {
    const question = "我是做前端开发的，想转大模型，有什么入门的学习路线？";
    expect(confidenceOf(question, await retriever.retrieve(question))).toBe("high");
  });
});

describe("typos", () => {
  it("corrects a misspelt latin term to the corpus word", async () => {
    const result = await retriever.retrieve("where can I learn about the transfomer architecture?");
    expect(result.analysis.expansions).toContain("transformer");
    expect(texts(result).toLowerCase()).toContain("transformer");
  });

  it("corrects a homophone typo in a Chinese term", async () => {
    const result = await retriever.retrieve("大模型微掉需要什么工具");
    expect(result.analysis.expansions).toContain("微调");
    expect(texts(result)).toContain("微调");
  });
});

describe("paraphrase in everyday English", () => {
  it("reaches a Chinese corpus word the glossary does not list, through the dictionary", async () => {
    const result = await retriever.retrieve("what mistakes do people often make when they start?");
    expect(result.analysis.expansions).toContain("错误");
  });
});

describe("roadmaps named by their shape, ordinals, before-questions", () => {
  it("recognizes the roadmap with seven stages and answers its ordinal stage", async () => {
    const result = await retriever.retrieve("In the roadmap that has seven stages, what comes after the fourth stage?");
    expect(result.namedRoadmap?.title).toBe("学习路径");
    expect(result.roadmap).toHaveLength(1);
    expect(result.roadmap[0]!.at.heading).toBe("第四阶段：实战项目与案例分析");
    expect(result.roadmap[0]!.next?.heading).toBe("第五阶段：高级应用开发");
  });

  it("recognizes the roadmap that gives months per stage", async () => {
    const result = await retriever.retrieve("那份每个阶段都写了要几个月的路线，第一阶段学什么？");
    expect(result.namedRoadmap?.title).toMatch(/3阶段成长方法论/u);
    expect(headingsOf(result)[0]).toContain("原理学习阶段");
  });

  it("recognizes the roadmap published on GitHub", async () => {
    const result = await retriever.retrieve("the reading list that lives on GitHub: what is in its last stage?");
    expect(result.namedRoadmap?.title).toBe("大语言模型（LLM）学习路径和资料汇总");
    expect(result.roadmap[0]?.at.heading).toBe("0x30 深入篇");
  });

  it("answers 第N段 with that stage of each roadmap long enough to have it", async () => {
    const result = await retriever.retrieve("第二段主要学些啥");
    expect(result.stageOrdinal).toEqual({ from: "start", position: 2 });
    const asked = result.roadmap.map((p) => p.at.heading);
    expect(asked).toEqual(expect.arrayContaining(["第二阶段：核心技术解析", "基础夯实阶段", "0x20 应用篇"]));
    expect(result.passages.some((p) => p.roleLabel?.includes("第二阶段：核心技术解析"))).toBe(true);
  });

  it("answers a 'previous stage' question with the stage before, not after", async () => {
    const result = await retriever.retrieve("私有化部署的前一个阶段是哪个？");
    expect(result.analysis.sequence).toBe("previous");
    const position = result.roadmap.find((p) => p.at.heading.startsWith("第六阶段"));
    expect(position?.previous?.heading).toBe("第五阶段：高级应用开发");
    expect(result.passages.some((p) => p.role === "previous-section")).toBe(true);
    expect(result.passages.some((p) => p.role === "next-section")).toBe(false);
  });

  it("answers 'the stage before the last one' from the end", async () => {
    const result = await retriever.retrieve("in the 7-stage plan, what should I learn before the last stage?");
    expect(result.analysis.sequence).toBe("previous");
    expect(result.roadmap[0]?.at.heading).toBe("第七阶段：前沿技术探索");
    expect(result.roadmap[0]?.previous?.heading).toBe("第六阶段：模型微调与私有化部署");
  });
});

describe("a question about one roadmap's stages", () => {
  it("also gets the passage that lays out all its stages (the five-stage guide's chart)", async () => {
    const result = await retriever.retrieve("In the guide with five stages, what comes after the foundations stage?");
    const overviews = result.passages.filter((p) => p.roleLabel?.startsWith("Overview of"));
    // The chart (with each stage's months) first, then the table of contents.
    expect(overviews.map((p) => p.chunk.headingPath.at(-1))).toEqual(["学习路径概览", "目录"]);
    expect(overviews[0]?.chunk.text).toContain("专业深入");
  });

  it("gets the part of the asked stage the question is about, after the stage's opening", async () => {
    const result = await retriever.retrieve("分三个阶段的那份路线，第二阶段重点关注什么？");
    const stage = result.passages.filter((p) => p.roleLabel?.startsWith("所问阶段"));
    expect(stage.map((p) => p.chunk.headingPath.at(-1))).toEqual(["目标", "重点关注"]);
    expect(stage.every((p) => p.chunk.headingPath[0]?.startsWith("二、接入开发阶段"))).toBe(true);
  });

  it("answers how long a stage named by its name takes from that stage and the roadmap's overview", async () => {
    const result = await retriever.retrieve("接入开发阶段大概要几个月？");
    expect(result.passages[0]?.roleLabel).toMatch(/^所问阶段：二、接入开发阶段\(3-4 个月\)/u);
    expect(result.passages.some((p) => p.roleLabel?.startsWith("路线概览") && p.chunk.text.includes("第 3-5 月"))).toBe(true);
  });

  it("does not count a stage name inside a longer one (深入篇 in 专业深入)", async () => {
    const result = await retriever.retrieve("专业深入那一阶段大概得学几个月？");
    expect(result.passages[0]?.roleLabel).toMatch(/^所问阶段：专业深入阶段/u);
  });

  it("reads a topic that is a stage's very name in that roadmap only", async () => {
    // Other roadmaps mention 基础 in their own stages; only one has a stage called 基础夯实阶段.
    const result = await retriever.retrieve("基础夯实阶段以后接着学什么？");
    expect(result.roadmap.map((p) => `${p.at.heading} → ${p.next?.heading ?? ""}`)).toEqual(["基础夯实阶段 → 应用实践阶段"]);
  });

  it("places a topic among the items of a numbered list that stands for a post's outline", async () => {
    const result = await retriever.retrieve("2024年9月那篇博客开头的编号列表里，提示词工程后面一条是什么？");
    expect(result.roadmap.map((p) => `${p.at.heading} → ${p.next?.heading ?? ""}`)).toEqual([
      "3. 提示词工程 → 4. 预训练：创造出属于自己的全新大模型",
    ]);
    expect(result.passages[0]?.chunk.text).toContain("4. 预训练");
  });

  it("asks a named list's item by its place, and no unnamed stage ordinal counts a list's items", async () => {
    const named = await retriever.retrieve("2024年9月那篇博客的第二步讲的是什么？");
    expect(named.roadmap.map((p) => p.at.heading)).toEqual(["2. RAG：检索增强生成（一系列专家，提升表现幅度，降低幻觉）"]);
    expect(named.passages[0]?.roleLabel).toMatch(/^所问阶段：2\. RAG/u);
    expect(named.passages[0]?.chunk.text).toContain("2. RAG");
    const unnamed = await retriever.retrieve("第二阶段一般学什么？");
    expect(unnamed.roadmap.length).toBeGreaterThan(1);
    expect(unnamed.roadmap.some((p) => /^\d+\. /u.test(p.at.heading))).toBe(false);
  });

  it("does not read a field term as the name of a list item's stage (RAG is taught in every roadmap)", async () => {
    const before = await retriever.retrieve("RAG 学完以后 next step 是什么？");
    expect(before.namedRoadmap).toBeUndefined();
    expect(new Set(before.roadmap.map((p) => p.docId)).size).toBeGreaterThan(1);
    const prompt = await retriever.retrieve("学完提示词工程以后接着学什么？");
    expect(new Set(prompt.roadmap.map((p) => p.docId)).size).toBeGreaterThan(1);
    // Asked of no roadmap in particular, the next stage is no list's next direction.
    expect(prompt.roadmap.some((p) => /^\d+\. /u.test(p.at.heading))).toBe(false);
  });

  it("answers how a thing a roadmap lists is divided with its parts, not with the roadmap's outline", async () => {
    const result = await retriever.retrieve("2024年9月那篇博客推荐的 llm-course 分成哪几块？");
    expect(result.namedRoadmap).toBeDefined();
    expect(result.roadmapOutline).toBeUndefined();
    expect(texts(result)).toContain("课程分为三个部分");
    // The post's directions are no outline of the whole post.
    expect((await retriever.retrieve("2024年9月那篇博客分成哪几块？")).roadmapOutline).toBeUndefined();
  });

  it("answers how a named roadmap is divided from its overview", async () => {
    const result = await retriever.retrieve("GitHub 上那份路线一共有几部分？");
    expect(result.passages[0]?.roleLabel).toMatch(/^路线概览/u);
    expect(result.passages[0]?.chunk.text).toContain("本文分为三个章节");
  });

  it("reads a stage a roadmap lists twice (a plan, then notes per stage) in both places", async () => {
    const result = await retriever.retrieve("七个阶段那份路线的第二阶段，笔记里怎么讲自注意力机制？");
    const stage = result.passages.filter((p) => p.roleLabel?.startsWith("所问阶段"));
    expect(stage.map((p) => p.chunk.headingPath.join(" › "))).toEqual([
      "学习路径 › 第二阶段：核心技术解析",
      "学习笔记 › 第二阶段：核心技术解析",
    ]);
  });

  it("gets no overview when the stages asked about span several roadmaps", async () => {
    const result = await retriever.retrieve("第二阶段学什么？");
    expect(new Set(result.passages.map((p) => p.chunk.docId)).size).toBeGreaterThan(1);
    expect(result.passages.some((p) => p.roleLabel?.startsWith("路线概览"))).toBe(false);
  });
});

describe("a roadmap named by its title words", () => {
  it("is named in the question's own words or its English ones, not by what its Chinese words expand to", async () => {
    // 入门 expands to 新手, a word of the three-stage article's title; 阶段 is another: two points were a "name".
    expect((await retriever.retrieve("入门阶段推荐的那本书叫什么？")).namedRoadmap).toBeUndefined();
    // "guide" reaches 指南 through the dictionary and names the five-stage guide.
    expect((await retriever.retrieve("In the guide with five stages, what comes after the foundations stage?")).namedRoadmap?.title).toBe(
      "大模型学习路径指南",
    );
    // "agents" expands to the field's English name "LLM Powered Autonomous Agents", whose "LLM" is a
    // title word of the reading list; that name is no translation, and two blog posts stay two.
    expect((await retriever.retrieve("Which blog post says agents will take over most brain work?")).namedRoadmap).toBeUndefined();
  });

  it("asks a detail of a 《book》 the named roadmap lists, not of the roadmap", async () => {
    const result = await retriever.retrieve("GitHub 上那篇清单推荐的《动手学深度学习》是谁写的？");
    expect(result.namedRoadmap).toBeDefined();
    // The detail is judged in the passages naming the book, not in the roadmap's own header (its author).
    expect(result.focusTerms).toEqual(["动手学深度学习"]);
  });
});

describe("nothing on topic", () => {
  // At the product's calibrated refusal threshold (low, so that loosely worded questions are answered).
  const atDefaults = () =>
    new HybridRetriever({ index: () => built.snapshot, k: 5, maxChunksPerSection: 2, abstainThreshold: parseConfig({}).ABSTAIN_THRESHOLD });

  it("is weak when no content word of the question is in the passages, whatever the dense score", async () => {
    const retriever = atDefaults();
    // Every word is outside the corpus; the hashed embedder still finds bigram collisions.
    const recipe = await retriever.retrieve("糖醋排骨怎么腌才入味？");
    expect(recipe.weak).toBe(true);
    const sport = await retriever.retrieve("Which team won the basketball final last spring?");
    expect(sport.weak).toBe(true);
  });

  it("is not weak when the question's words are in the corpus, however loosely phrased", async () => {
    const retriever = atDefaults();
    const result = await retriever.retrieve("想搞懂 transformer 的注意力机制，看啥资料好");
    expect(result.weak).toBe(false);
  });
});

describe("learners' own words", () => {
  it("finds the documents' term for an everyday word the documents never use", async () => {
    const result = await retriever.retrieve("模型总是瞎编，有什么办法？");
    expect(result.analysis.expansions).toContain("幻觉");
    expect(texts(result)).toContain("幻觉");
  });

  it("does not bridge a word the documents use themselves", async () => {
    // 投资 is in the corpus (投资者): it finds its own passages, and 金融 would only drift.
    const result = await retriever.retrieve("股票投资怎么入门");
    expect(result.analysis.expansions).not.toContain("金融");
  });
});

describe("a stage named by its roadmap's shape and its position", () => {
  it("is answered with confidence from the stage the structure locates", async () => {
    const question = "分七个阶段的那份路线，倒数第一段讲的是什么？";
    const product = new HybridRetriever({
      index: () => built.snapshot,
      k: 5,
      maxChunksPerSection: 2,
      abstainThreshold: DEFAULT_ABSTAIN_THRESHOLD,
    });
    const result = await product.retrieve(question);
    expect(result.namedRoadmap).toBeDefined();
    expect(headingsOf(result)[0]).toContain("第七阶段");
    expect(confidenceOf(question, result)).toBe("high");
  });
});

describe("a stage named in English by what its Chinese name says", () => {
  it("is placed in its roadmap for a before/after question", async () => {
    const after = await retriever.retrieve("What comes after the application practice stage?");
    expect(after.namedRoadmap?.title).toBe("大模型学习路径指南");
    expect(after.roadmap.map((p) => `${p.at.heading} → ${p.next?.heading ?? ""}`)).toEqual(["应用实践阶段 → 专业深入阶段"]);
    const before = await retriever.retrieve("What should I have studied before the frontier research phase?");
    expect(before.roadmap[0]?.previous?.heading).toBe("专业深入阶段");
  });

  it("is not named by a filler word of its name: 'goals' reaches 学习 (learning objectives), which names no stage", async () => {
    const result = await retriever.retrieve("三阶段那篇里，接入开发阶段结束后，下一个 stage 的 end goal 是什么？");
    expect(result.roadmap.map((p) => p.at.heading)).toEqual(["二、接入开发阶段(3-4 个月)"]);
  });

  it("is named by the word the roadmap uses for its parts too: a section or a chapter", async () => {
    const chapter = await retriever.retrieve("Which chapter follows the application chapter in the ninehills guide?");
    expect(chapter.roadmap.map((p) => `${p.at.heading} → ${p.next?.heading ?? ""}`)).toEqual(["0x20 应用篇 → 0x30 深入篇"]);
  });

  it("needs every word of the name, unless the question names the roadmap (then half will do)", async () => {
    // The English-name rule alone: the concept definitions also know 基础夯实 as strengthening the
    // foundations, and bring "the strengthening stage" to it (the next assertion).
    const rule = new HybridRetriever({
      index: () => built.snapshot,
      k: 5,
      maxChunksPerSection: 2,
      abstainThreshold: 0.3,
      definitions: false,
    });
    const loose = await rule.retrieve("What comes after the strengthening stage?");
    expect(loose.roadmap.map((p) => p.at.heading)).not.toContain("基础夯实阶段");
    const described = await retriever.retrieve("What comes after the strengthening stage?");
    expect(described.roadmap.map((p) => p.at.heading)).toContain("基础夯实阶段");
    const inGuide = await retriever.retrieve("In the five-stage guide, what comes after the foundation-strengthening stage?");
    expect(inGuide.roadmap.map((p) => `${p.at.heading} → ${p.next?.heading ?? ""}`)).toEqual(["基础夯实阶段 → 应用实践阶段"]);
  });
});

describe("a concept described in a learner's words", () => {
  const withoutDescriptions = () =>
    new HybridRetriever({ index: () => built.snapshot, k: 5, maxChunksPerSection: 2, abstainThreshold: 0.3, descriptions: false });

  it("searches the documents' names of it", async () => {
    const question = "bolt small add-on pieces onto the network beside the frozen weights so one ordinary graphics card is enough";
    const result = await retriever.retrieve(question);
    expect(result.analysis.expansions).toContain("LoRA");
    expect(texts(result)).toContain("LoRA");
    expect((await withoutDescriptions().retrieve(question)).analysis.expansions).not.toContain("LoRA");
  });

  it("never counts what its names brought up as evidence: an off-topic question sharing a description's everyday words", async () => {
    // 理财, 股票, 基金 are in a learner's description of AI in finance (智能投顾), not in any document.
    const question = "想学理财，股票和基金该怎么配比较稳？";
    const result = await retriever.retrieve(question);
    expect(result.analysis.expansions).toContain("智能投顾");
    const without = await withoutDescriptions().retrieve(question);
    expect(result.passages.map((p) => p.chunk.id)).not.toEqual(without.passages.map((p) => p.chunk.id));
    expect(result.evidence).toBe(without.evidence);
    expect(confidenceOf(question, result)).not.toBe("high");
  });
});

describe("a Chinese name written in pinyin", () => {
  it("is the lecturer the documents name in Chinese, searched as such, and no unknown name", async () => {
    const question = "Which roadmap links the Li Hongyi lectures?";
    const result = await retriever.retrieve(question);
    expect(result.analysis.expansions).toContain("李宏毅");
    expect(result.unknownNames ?? []).toEqual([]);
    // A name in pinyin of no word the documents hold stays unknown.
    expect((await retriever.retrieve("Which roadmap links the Zhang Wei lectures?")).unknownNames).toEqual(["Zhang", "Wei"]);
  });
});

describe("a detail asked of the stage before or after the one named", () => {
  it("is the neighbour's to give: its own hours answer, the named stage's do not", async () => {
    // The guide's time plan gives hours a week for 入门 and 基础夯实 only; 应用实践 is "项目驱动".
    const before = "五个阶段那份指南里，应用实践之前那个阶段每周要学几个小时？";
    expect(confidenceOf(before, await retriever.retrieve(before))).toBe("high");
    const after = "五个阶段那份指南里，基础夯实阶段之后那个阶段每周要学几个小时？";
    const result = await retriever.retrieve(after);
    expect(result.analysis.sequence).toBe("next");
    expect(confidenceOf(after, result)).toBe("low");
  });
});

describe("a comparison whose sides are misspelt", () => {
  it("reads a homophone typo in a side as the word the documents compare, and still needs the documents to compare the two", async () => {
    // The passage compares RAG with 微调 (推理更加缓慢，低于微调); 微掉 sounds like 微调.
    const misspelt = "微掉 和 RAG 比，哪个推理更快？";
    expect(confidenceOf(misspelt, await retriever.retrieve(misspelt))).toBe("high");
    // A pair the documents name but never compare is still low.
    const never = "Milvus 和 FAISS 哪个好用？";
    expect(confidenceOf(never, await retriever.retrieve(never))).toBe("low");
  });
});
