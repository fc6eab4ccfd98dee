import { beforeAll, describe, expect, it } from "vitest";
import { ExtractiveAnswerer } from "../../src/answering/ExtractiveAnswerer.js";
import { ANSWER_WORDING } from "../../src/answering/prompts.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { escapeRegExp } from "../../src/text/escapeRegExp.js";
import { useRetrievalFixtureIndex } from "../support/buildTestIndex.js";
import { collect, useRealRetriever } from "./support.js";

const corpus = useRealRetriever();
let answerer: ExtractiveAnswerer;
beforeAll(() => {
  answerer = new ExtractiveAnswerer({ retriever: corpus.retriever });
});

function markers(answer: string): number[] {
  return [...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

describe("ExtractiveAnswerer on the real corpus", () => {
  it("answers 学完 LoRA 之后该学什么? in Chinese, leading with the next stage, cited", async () => {
    const result = await answerer.answer({ question: "学完 LoRA 之后该学什么?" });
    expect(result.mode).toBe("extractive");
    expect(result.abstained).toBe(false);
    expect(result.language).toBe("zh");
    const lines = result.answer.split("\n").filter((line) => line.length > 0);
    expect(lines[0]).toBe(ANSWER_WORDING.zh.extractiveLabel);
    expect(lines[1]).toBe(ANSWER_WORDING.zh.roadmapHeader);
    expect(result.answer).toContain("第七阶段");
    const cited = markers(result.answer);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.every((n) => n >= 1 && n <= result.citations.length)).toBe(true);
    // Not a dump of the passages: a handful of cited lines.
    expect(lines.length).toBeLessThanOrEqual(20);
    expect(result.answer.length).toBeLessThan(result.citations.reduce((sum, c) => sum + c.text.length, 0));
  });

  it("frames an English question in English", async () => {
    const result = await answerer.answer({ question: "What should I learn after LoRA?" });
    expect(result.language).toBe("en");
    expect(result.answer.split("\n")[0]).toBe(ANSWER_WORDING.en.extractiveLabel);
    expect(result.answer).toContain(ANSWER_WORDING.en.roadmapHeader);
    expect(markers(result.answer).length).toBeGreaterThan(0);
  });

  it("frames a Traditional question in Traditional characters and quotes the documents verbatim", async () => {
    const result = await answerer.answer({ question: "學完 LoRA 之後該學什麼？" });
    expect(result.abstained).toBe(false);
    const lines = result.answer.split("\n");
    expect(lines[0]).toBe(ANSWER_WORDING["zh-Hant"].extractiveLabel);
    expect(lines[0]).toBe("（離線模式：以下內容摘自資料原文）");
    expect(result.answer).toContain(ANSWER_WORDING["zh-Hant"].roadmapHeader);
    // Quoted stage headings and passage lines stay exactly as the documents write them.
    expect(result.answer).toContain("第七阶段：前沿技术探索");
    const related = result.answer.split(ANSWER_WORDING["zh-Hant"].relatedHeader)[1]!.split("\n\n")[0]!.split("\n");
    const quoted = related.filter((line) => line.startsWith("- ")).map((line) => line.replace(/^- /, "").replace(/ \[\d+\]$/, ""));
    expect(quoted.length).toBeGreaterThan(0);
    for (const quote of quoted)
      expect(
        result.citations.some((c) => c.text.includes(quote)),
        quote,
      ).toBe(true);
    const refusal = await answerer.answer({ question: "今天台北天氣怎麼樣" });
    expect(refusal.answer).toBe(ANSWER_WORDING["zh-Hant"].abstain);
    expect(refusal.answer).toBe("資料中沒有找到與該問題相關的內容。");
  });

  it("lists books and links for a resource question", async () => {
    const result = await answerer.answer({ question: "which book should I read for deep learning?" });
    expect(result.abstained).toBe(false);
    expect(result.answer).toContain("动手学深度学习");
    expect(result.answer).toContain(ANSWER_WORDING.en.resourcesHeader);
    expect(result.answer).toMatch(/\]\(https?:\/\/[^)]+\) \[\d+\]/);
  });

  it("abstains on weak evidence with no citations", async () => {
    const result = await answerer.answer({ question: "How do I bake sourdough bread at home?" });
    expect(result).toMatchObject({ abstained: true, citations: [], answer: ANSWER_WORDING.en.abstain, mode: "extractive" });
    const zh = await answerer.answer({ question: "今天上海天气怎么样" });
    expect(zh).toMatchObject({ abstained: true, citations: [], answer: ANSWER_WORDING.zh.abstain });
  });

  it("reads a Taiwan writer's 資料 as data in the question and in a follow-up's history", async () => {
    const asked = await answerer.answer({ question: "想讓模型幫忙生一些假的訓練資料，有教學文章嗎？" });
    expect(asked.standaloneQuestion).toContain("训练数据");
    expect(asked.citations.slice(0, 3).some((c) => c.headingPath.join(" ").includes("数据工程"))).toBe(true);
    const followUp = await answerer.answer({
      question: "那篇在哪一節？",
      history: [
        { role: "user", content: "想讓模型幫忙生一些假的訓練資料，有教學文章嗎？" },
        { role: "assistant", content: "How to Generate and Use Synthetic Data for Finetuning [1]" },
      ],
    });
    expect(followUp.standaloneQuestion).toContain("训练数据");
  });

  it("carries the previous topic into a follow-up", async () => {
    const result = await answerer.answer({
      question: "那之前呢?",
      history: [
        { role: "user", content: "学完 LoRA 之后该学什么?" },
        { role: "assistant", content: "第七阶段：前沿技术探索 [1]" },
      ],
    });
    expect(result.standaloneQuestion).toContain("LoRA");
    expect(result.abstained).toBe(false);
    expect(result.answer).toMatch(/前一步|第五阶段/);
  });

  it("answers a chain of follow-ups from the roadmap named at the start, JSON and streamed alike", async () => {
    const history = [
      { role: "user" as const, content: "分七个阶段的那份路线，第二阶段讲什么？" },
      { role: "assistant" as const, content: "第二阶段：核心技术解析 [1]" },
      { role: "user" as const, content: "那它下一个阶段呢？" },
      { role: "assistant" as const, content: "第三阶段：编程基础与工具使用 [1]" },
    ];
    const request = { question: "好的，最后一个阶段呢？", history };
    // The product's refusal threshold: a follow-up in learners' words has little keyword coverage.
    const product = new ExtractiveAnswerer({ retriever: corpus.productRetriever });
    const result = await product.answer(request);
    expect(result.abstained).toBe(false);
    expect(result.citations[0]!.headingPath.join(" ")).toContain("第七阶段");
    const { events } = await collect(product, request);
    const done = events.at(-1)!;
    expect(done.type === "done" && done.result.citations.map((c) => c.headingPath)).toEqual(result.citations.map((c) => c.headingPath));
  });

  it("answers a question that goes on without naming a roadmap from the one the conversation named", async () => {
    const history = [
      { role: "user" as const, content: "ninehills 写的那篇 LLM 学习路径，应用篇讲了什么？" },
      { role: "assistant" as const, content: "0x20 应用篇 [1]" },
    ];
    const result = await answerer.answer({ question: "那深入篇推荐了哪些书？", history });
    const ninehills = "roadmaps/004_b9f4f21cc5f3d063.txt";
    expect(result.citations.slice(0, 5).map((c) => c.source)).toEqual(Array(5).fill(ninehills));
    // Without the conversation, another roadmap's resources come in among them.
    const alone = await answerer.answer({ question: "深入篇推荐了哪些书？" });
    expect(alone.citations.slice(0, 5).some((c) => c.source !== ninehills)).toBe(true);
  });

  it("streams citations, line tokens and done", async () => {
    const { events, error } = await collect(answerer, { question: "学完 LoRA 之后该学什么?" });
    expect(error).toBeUndefined();
    expect(events[0]!.type).toBe("citations");
    expect(events.at(-1)!.type).toBe("done");
    const tokens = events.flatMap((e) => (e.type === "token" ? [e.text] : []));
    expect(tokens.length).toBeGreaterThan(2);
    const done = events.at(-1)!;
    expect(done.type === "done" && done.result.answer).toBe(tokens.join(""));
  });
});

describe("ExtractiveAnswerer after a conversation about one roadmap", () => {
  const index = useRetrievalFixtureIndex();
  // A refusal threshold between the evidence from 三段式计划 alone and from every roadmap.
  const retriever = () => new HybridRetriever({ index, k: 4, maxChunksPerSection: 2, abstainThreshold: 0.4 });
  const answerer = () => new ExtractiveAnswerer({ retriever: retriever() });
  const history = [
    { role: "user" as const, content: "三段式计划的第一阶段学什么？" },
    { role: "assistant" as const, content: "一、打基础阶段 [1]" },
  ];
  const question = "里面有没有讲怎么用 benchmarks 评估模型的内容？";

  it("reads a follow-up that names a stage without the stage word as the previous question of that stage", () => {
    const hours = [
      { role: "user" as const, content: "三段式计划的打基础阶段要多久？" },
      { role: "assistant" as const, content: "一、打基础阶段(1-2 个月) [1]" },
    ];
    expect(answerer().retrievalQuery({ question: "那做应用呢？", history: hours })).toBe("三段式计划的做应用阶段要多久？");
  });

  it("asks every roadmap when the answer from the conversation's roadmap would be refused", async () => {
    const request = { question, history };
    const query = answerer().retrievalQuery(request);
    const options = answerer().retrievalOptions(request, query);
    // The question points inside the roadmap the conversation named: it is asked of that one first …
    expect(options.conversationRoadmap).toBeDefined();
    const named = await retriever().retrieve(query, options);
    expect(named.weak).toBe(true);
    // … and, that being too thin to answer, of every roadmap, where the guide's benchmarks are.
    const { result } = await answerer().retrieveFor(request);
    expect(result.weak).toBe(false);
    const answer = await answerer().answer(request);
    expect(answer.abstained).toBe(false);
    expect(answer.citations.some((c) => c.text.includes("benchmarks"))).toBe(true);
  });
});

describe("a follow-up that points at a document the conversation never named", () => {
  const asked = (content: string) => [{ role: "user" as const, content }];
  const roadmapsOf = (citations: { docId: string }[]) => [...new Set(citations.map((c) => c.docId))];

  it("means the roadmap the previous answer was about, and is answered from it", async () => {
    const previous = await answerer.answer({ question: "哪篇文章提到了混合专家架构？" });
    const moe = previous.citations.find((c) => c.text.includes("Mixture of Experts"))?.docId;
    expect(moe).toBeDefined();
    const question = "那篇文章里还建议关注哪些信息源？";
    // Asked alone, other roadmaps' sources come in too …
    expect(roadmapsOf((await answerer.answer({ question })).citations).length).toBeGreaterThan(1);
    // … after the conversation, "那篇文章" is the one that mentioned MoE.
    const result = await answerer.answer({ question, history: asked("哪篇文章提到了混合专家架构？") });
    expect(result.abstained).toBe(false);
    expect(roadmapsOf(result.citations)).toEqual([moe]);
  });

  it('reads English pointers, a stage pointer, and "which roadmap mentions X" by the line naming X', async () => {
    const previous = await answerer.answer({ question: "Which roadmap recommends LLaMA-Factory?" });
    const listed = previous.citations.find((c) => c.text.includes("LLaMA-Factory"))?.docId;
    expect(listed).toBeDefined();
    const result = await answerer.answer({
      question: "and which books does that same list recommend?",
      history: asked("Which roadmap recommends LLaMA-Factory?"),
    });
    expect(roadmapsOf(result.citations)).toEqual([listed]);
    // "Which roadmap mentions X": the roadmap of the line naming X, not of a line titled "… with roadmaps".
    const sora = (await answerer.answer({ question: "Which roadmap mentions Sora?" })).citations.find((c) => c.text.includes("Sora"));
    const about = await answerer.answer({
      question: "what else does that article say about video generation?",
      history: asked("Which roadmap mentions Sora?"),
    });
    expect(about.citations[0]?.docId).toBe(sora?.docId);
    // "这个阶段" is the stage the line that answered sits in, in that roadmap: what it asks is read there.
    const where = (await answerer.answer({ question: "哪篇提到了分布式训练？" })).citations.find((c) => c.text.includes("分布式训练"));
    expect(where).toBeDefined();
    const stage = await answerer.answer({ question: "这个阶段的目标是什么？", history: asked("哪篇提到了分布式训练？") });
    expect(stage.citations.slice(0, 2).map((c) => [c.docId, c.headingPath[0]])).toEqual(
      Array.from({ length: 2 }, () => [where!.docId, where!.headingPath[0]]),
    );
    // The stage leads the answer as a stage asked by its name does (the roadmap's plan of it may follow).
    expect(stage.answer).toContain(`「${where!.headingPath[0]}」`);
    expect(stage.citations.slice(0, 3).every((c) => c.docId === where!.docId)).toBe(true);
  });

  it("is not dragged back when the follow-up moves to a topic of its own or names its roadmap", async () => {
    const history = asked("哪篇文章提到了混合专家架构？");
    for (const question of ["RAG 和微调有什么区别？", "CSDN 那篇三阶段的文章第一阶段学什么？"]) {
      const alone = await answerer.answer({ question });
      const after = await answerer.answer({ question, history });
      expect(
        after.citations.map((c) => c.id),
        question,
      ).toEqual(alone.citations.map((c) => c.id));
    }
  });

  it("takes nothing from a previous answer that was refused", async () => {
    const question = "那篇文章里推荐了哪些书？";
    const alone = await answerer.answer({ question });
    const after = await answerer.answer({ question, history: asked("How do I bake sourdough bread at home?") });
    expect(after.citations.map((c) => c.id)).toEqual(alone.citations.map((c) => c.id));
  });
});

describe("a follow-up after a before/after answer, about the stage that answer gave", () => {
  const asked = (content: string) => [{ role: "user" as const, content }];

  it("moves on again from that stage, and reads 'in there' as that stage", async () => {
    const before = "五个阶段的那份指南里，基础夯实阶段后面是哪个阶段？";
    // The answer gave 应用实践阶段; "再下一个" is the stage after it, not after 基础夯实.
    const again = await answerer.answer({ question: "那再下一阶段呢？", history: asked(before) });
    expect(again.standaloneQuestion).toContain("应用实践阶段");
    expect(again.roadmap?.positions[0]?.next?.heading).toBe("专业深入阶段");
    const inside = await answerer.answer({ question: "里面要做哪些实战项目？", history: asked(before) });
    expect(inside.standaloneQuestion).toContain("应用实践阶段");
    expect(inside.citations[0]?.headingPath[0]).toBe("应用实践阶段");
  });

  // The stage each roadmap's answer gave: [roadmap, next (or previous) stage heading], in the answer's order.
  const gave = (result: Awaited<ReturnType<typeof answerer.answer>>, direction: "next" | "previous") =>
    (result.roadmap?.positions ?? []).flatMap((p) => {
      const stage = p[direction];
      return stage ? [[p.roadmapId, stage.heading]] : [];
    });
  const placed = (result: Awaited<ReturnType<typeof answerer.answer>>) =>
    (result.roadmap?.positions ?? []).map((p) => [p.roadmapId, p.stage.heading]);

  it("moves on in every roadmap the answer placed, each from the stage it gave there, and says where a roadmap ends", async () => {
    for (const [first, again, wording] of [
      ["学完 LoRA 以后下一步学什么？", "那再之后呢？", ANSWER_WORDING.zh],
      ["學完 LoRA 以後接著學什麼？", "再往後呢？", ANSWER_WORDING["zh-Hant"]],
      ["What should I study after LoRA?", "and after that?", ANSWER_WORDING.en],
    ] as const) {
      const before = await answerer.answer({ question: first });
      const stages = gave(before, "next");
      expect(stages.length).toBeGreaterThan(1);
      const after = await answerer.answer({ question: again, history: asked(first) });
      expect(placed(after)).toEqual(stages);
      // 《学习路径》 places LoRA in its sixth stage: the seventh, its last, is said to be the last.
      expect(after.answer).toMatch(new RegExp(`第七阶段：前沿技术探索.{1,2} ${escapeRegExp(wording.lastStage)}`, "u"));
      // Each roadmap that goes on is answered with its next stage; every roadmap's line is cited.
      for (const position of after.roadmap!.positions.filter((p) => p.next)) expect(after.answer).toContain(position.next!.heading);
      const roadmapLines = after.answer
        .split("\n\n")[1]!
        .split("\n")
        .filter((line) => line.startsWith("- "));
      expect(roadmapLines).toHaveLength(stages.length);
      for (const line of roadmapLines) expect(line).toMatch(/\[\d+\]$/u);
      expect(new Set(after.citations.map((c) => c.docId))).toEqual(new Set(stages.map(([id]) => id)));
    }
  });

  it("moves back in every roadmap for 那再之前呢, and keeps to one roadmap when the conversation names it", async () => {
    const first = "做 RAG 之前该先学什么？";
    const before = await answerer.answer({ question: first });
    const stages = gave(before, "previous");
    expect(stages.length).toBeGreaterThan(1);
    const back = await answerer.answer({ question: "那再之前呢？", history: asked(first) });
    expect(placed(back)).toEqual(stages);
    expect(back.answer).toContain(ANSWER_WORDING.zh.firstStage);
    const named = "五个阶段的那份指南里，LoRA 之后学什么？";
    const one = await answerer.answer({ question: "那再之后呢？", history: asked(named) });
    expect(one.roadmap?.positions.map((p) => p.stage.heading)).toEqual(["应用实践阶段"]);
  });

  it("leaves a question that quotes its own subject, or moves from a stage by its number, as before", async () => {
    const quoted = "里面说的「动手项目」都有哪些？";
    const history = asked("五个阶段的那份指南里，基础夯实阶段后面是哪个阶段？");
    expect((await answerer.answer({ question: quoted, history })).standaloneQuestion).not.toContain("应用实践阶段");
    const byNumber = await answerer.answer({ question: "那再下一阶段呢？", history: asked("五阶段那份里第二阶段之后是哪个阶段？") });
    expect(byNumber.standaloneQuestion).toContain("第3阶段");
  });
});

describe("reading the conversation", () => {
  it("reads each earlier question once per retrieval, the previous turn's query too", async () => {
    let topics = 0;
    const inner = corpus.retriever;
    const counted = new ExtractiveAnswerer({
      retriever: {
        analyzeQuestion: (question) => inner.analyzeQuestion(question),
        topicOf: (question) => {
          topics += 1;
          return inner.topicOf(question);
        },
        roadmapNamedIn: (question) => inner.roadmapNamedIn(question),
        search: (question, options) => inner.search(question, options),
        retrieve: (question, options) => inner.retrieve(question, options),
      },
    });
    const history = ["什么是 LoRA？", "那 RAG 呢？"].map((content) => ({ role: "user" as const, content }));
    const request = { question: "它一般要学多久？", history };
    counted.retrievalQuery(request);
    const reading = topics;
    topics = 0;
    await counted.retrieveFor(request);
    // Nothing more than reading the conversation once: no second reading of the turns before this one.
    expect(topics).toBe(reading);
  });
});
