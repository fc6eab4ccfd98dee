import { describe, expect, it } from "vitest";
import { ExtractiveAnswerer } from "../../src/answering/ExtractiveAnswerer.js";
import { ANSWER_WORDING } from "../../src/answering/prompts.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { confidenceSignals } from "../../src/retrieval/confidence.js";
import { useRetrievalFixtureIndex } from "../support/buildTestIndex.js";
import { keyItems, summarizeAskedStages, summarizeOutline, summarizeRoadmapPositions } from "../../src/answering/roadmapSummary.js";
import type { RoadmapPosition } from "../../src/retrieval/types.js";
import { passage } from "../fixtures/answering/passages.js";

const stage7 = [
  "目标：探索大模型领域的前沿技术和未来趋势，为行业发展贡献力量。",
  "多模态模型：了解多模态模型的发展现状和应用。",
  "参数高效微调技术：学习参数高效微调的方法，提高模型训练效率。",
  "深度学习框架比较：对比分析不同深度学习框架的特点和适用场景。",
  "大模型评估和benchmarking：掌握大模型评估方法，了解行业benchmarking标准。",
].join("\n");

describe("keyItems", () => {
  it("takes the labels of 'label：explanation' lines and skips the goal", () => {
    expect(keyItems(stage7, ["第七阶段：前沿技术探索"])).toEqual([
      "多模态模型",
      "参数高效微调技术",
      "深度学习框架比较",
      "大模型评估和benchmarking",
    ]);
  });
  it("takes short bullet lines and link anchors", () => {
    const text =
      "目标\n\n  • 线性代数\n\n    矩阵运算、特征分解等知识是理解模型参数优化的关键。例如,在模型训练过程中,矩阵运算用于高效处理大量数据。\n- [LLaMA-Factory](https://github.com/hiyouga/LLaMA-Factory)：个人最推荐的微调大模型的工具。";
    expect(keyItems(text, [])).toEqual(["线性代数", "LLaMA-Factory"]);
  });
  it("does not end a label at a colon inside a book title", () => {
    const text = ["1. **《人工智能：现代方法》相关章节**", "   - 重点：机器学习基础章节", "2. **《动手学深度学习》**：李沐"].join("\n");
    expect(keyItems(text, [])).toEqual(["《人工智能：现代方法》相关章节", "重点", "《动手学深度学习》"]);
  });
  it("reads one text's lines again with each call's headings and length (a text's lines are remembered)", () => {
    const text = "- 线性代数\n- 概率论与数理统计的基本概念、常用分布族和参数估计方法\n- 微积分";
    for (let round = 0; round < 2; round++) {
      expect(keyItems(text, [])).toEqual(["线性代数", "微积分"]);
      expect(keyItems(text, ["线性代数"])).toEqual(["微积分"]);
      expect(keyItems(text, [], 48)).toEqual(["线性代数", "概率论与数理统计的基本概念、常用分布族和参数估计方法", "微积分"]);
    }
  });
  it("reads further into a text than an earlier call did (a first call stops at six items)", () => {
    const text = ["- 一", "- 二", "- 三", "- 四", "- 五", "- 六", "- 七", "- 八"].join("\n");
    expect(keyItems(text, [])).toEqual(["一", "二", "三", "四", "五", "六"]);
    expect(keyItems(text, ["一", "二"])).toEqual(["三", "四", "五", "六", "七", "八"]);
    expect(keyItems(text, [])).toEqual(["一", "二", "三", "四", "五", "六"]);
  });
});

describe("summarizeRoadmapPositions", () => {
  const position: RoadmapPosition = {
    docId: "doc-a",
    source: "roadmaps/a.txt",
    title: "学习路径",
    topic: "LoRA",
    at: {
      sectionIndex: 6,
      heading: "第六阶段：模型微调与私有化部署",
      headingPath: ["学习路径", "第六阶段：模型微调与私有化部署"],
      startLine: 31,
      endLine: 35,
    },
    next: {
      sectionIndex: 7,
      heading: "第七阶段：前沿技术探索",
      headingPath: ["学习路径", "第七阶段：前沿技术探索"],
      startLine: 36,
      endLine: 41,
    },
  };
  const passages = [
    passage("模型微调的意义和常见技术：掌握模型微调的方法和技巧，如LoRA等参数高效微调技术。", {
      chunk: { sectionIndex: 6, headingPath: ["学习路径", "第六阶段：模型微调与私有化部署"] },
    }),
    passage(stage7, { role: "next-section", chunk: { sectionIndex: 7, headingPath: ["学习路径", "第七阶段：前沿技术探索"] } }),
  ];

  it("names the roadmap, the stage, the next stage and its items, with citations (zh)", () => {
    const lines = summarizeRoadmapPositions([position], passages, "next", ANSWER_WORDING.zh, "、");
    expect(lines).toEqual([
      "- 《学习路径》：LoRA 位于「第六阶段：模型微调与私有化部署」 → 下一步：「第七阶段：前沿技术探索」 [1]",
      "  下一阶段的要点：多模态模型、参数高效微调技术、深度学习框架比较、大模型评估和benchmarking [2]",
    ]);
  });

  it("names a topic that is the stage itself as the stage, not as a topic inside it", () => {
    for (const topic of ["第六阶段：模型微调与私有化部署", "模型微调与私有化部署阶段", "模型微调与私有化部署"]) {
      const [line] = summarizeRoadmapPositions([{ ...position, topic }], passages, "next", ANSWER_WORDING.zh, "、");
      expect(line).toBe("- 《学习路径》的「第六阶段：模型微调与私有化部署」 → 下一步：「第七阶段：前沿技术探索」 [1]");
    }
    // A topic inside the stage keeps its place in it.
    expect(summarizeRoadmapPositions([{ ...position, topic: "私有化部署" }], passages, "next", ANSWER_WORDING.zh, "、")[0]).toContain(
      "私有化部署 位于「第六阶段：模型微调与私有化部署」",
    );
  });

  it("labels the neighbour's items by the direction asked: the stage before is no 'next' stage", () => {
    // Asked from stage 7 backwards: stage 6 is the neighbour, and the items are its own.
    const { next: _next, ...rest } = position;
    const fromSeven: RoadmapPosition = { ...rest, at: position.next!, previous: position.at };
    const sixth = passage(stage7, {
      role: "previous-section",
      chunk: { sectionIndex: 6, headingPath: ["学习路径", "第六阶段：模型微调与私有化部署"] },
    });
    expect(summarizeRoadmapPositions([fromSeven], [sixth], "previous", ANSWER_WORDING.zh, "、")[1]).toMatch(
      /^ {2}前一阶段的要点：多模态模型/u,
    );
    expect(summarizeRoadmapPositions([fromSeven], [sixth], "previous", ANSWER_WORDING.en, ", ")[1]).toMatch(
      /^ {2}Key items of the stage before: /u,
    );
  });

  it("says when there is no previous stage (en)", () => {
    const { next: _next, ...rest } = position;
    const first = { ...rest, path: { steps: ["第六阶段：模型微调与私有化部署", "第七阶段：前沿技术探索"], step: 1 } };
    const lines = summarizeRoadmapPositions([first], passages, "previous", ANSWER_WORDING.en, ", ");
    expect(lines).toEqual(['- 《学习路径》: LoRA is in "第六阶段：模型微调与私有化部署" (this is the first stage of that roadmap) [1]']);
  });

  it("claims no end of the roadmap for a section found off its sequence of stages", () => {
    // Found as a section, not as a step of the roadmap's stages: that it has no neighbour here
    // says nothing about where the roadmap ends.
    const { next: _next, ...offPath } = position;
    expect(summarizeRoadmapPositions([offPath], passages, "next", ANSWER_WORDING.zh, "、")).toEqual([
      "- 《学习路径》：LoRA 位于「第六阶段：模型微调与私有化部署」 [1]",
    ]);
    const last = { ...offPath, path: { steps: ["第五阶段", "第六阶段：模型微调与私有化部署"], step: 2 } };
    expect(summarizeRoadmapPositions([last], passages, "next", ANSWER_WORDING.zh, "、")[0]).toContain("（这是该路线的最后一个阶段）");
  });

  it("gives the duration the roadmap states for the next stage, cited to the passage that states it", () => {
    const withDuration: RoadmapPosition = {
      ...position,
      next: { ...position.next!, duration: { text: "3-6个月", lines: { start: 5, end: 5 } } },
    };
    const overview = passage("│ (1-2个月) │ │ (3-6个月) │", { chunk: { startLine: 3, endLine: 6, headingPath: ["学习路径概览"] } });
    const lines = summarizeRoadmapPositions([withDuration], [...passages, overview], "next", ANSWER_WORDING.zh, "、");
    expect(lines.at(-1)).toBe("  资料给出的时长：3-6个月 [3]");
    // Stated on lines no retrieved passage holds: not said, since it could not be cited.
    expect(summarizeRoadmapPositions([withDuration], passages, "next", ANSWER_WORDING.zh, "、").join("\n")).not.toContain("3-6个月");
  });
});

describe("a roadmap that is one numbered list", () => {
  // Its stages are the list's items; one chunk holds the whole list (lines 10–16).
  const list = ["先说两句。", "1. 清蒸", "   - 少油", "2. 红烧", "   - 多放糖", "   - 小火慢炖", "3. 爆炒", "最后一句话。"].join("\n");
  const item = (n: number, heading: string, startLine: number, endLine: number) => ({
    sectionIndex: n,
    heading,
    headingPath: [heading],
    startLine,
    endLine,
  });
  const passages = [passage(list, { chunk: { docId: "doc-a", sectionIndex: 0, headingPath: [], startLine: 10, endLine: 17 } })];
  const asked: RoadmapPosition = {
    docId: "doc-a",
    source: "roadmaps/a.txt",
    title: "做菜",
    topic: "2. 红烧",
    at: item(2, "2. 红烧", 12, 14),
  };

  it("cites an item to the passage holding its lines, with its own sub-points only", () => {
    expect(summarizeAskedStages([asked], passages, ANSWER_WORDING.zh, "、")).toEqual([
      "- 《做菜》的「2. 红烧」 [1]",
      "  该阶段的要点：多放糖、小火慢炖 [1]",
    ]);
    const before = { ...asked, at: item(1, "1. 清蒸", 11, 11), topic: "清蒸", next: item(2, "2. 红烧", 12, 14) };
    expect(summarizeRoadmapPositions([before], passages, "next", ANSWER_WORDING.zh, "、")[1]).toBe(
      "  下一阶段的要点：多放糖、小火慢炖 [1]",
    );
  });
});

describe("summarizeOutline", () => {
  const outline = {
    docId: "doc-a",
    title: "五阶段指南",
    stages: [
      { heading: "入门阶段", duration: { text: "1-2个月", lines: { start: 4, end: 4 } } },
      { heading: "基础夯实阶段", duration: { text: "2-3个月", lines: { start: 4, end: 4 } } },
      { heading: "应用实践阶段" },
    ],
  };

  it("lists the stages in order, cited to the passage naming most of them, with the durations it states", () => {
    const chart = passage("│ 入门阶段 │ 基础夯实 │ 应用实践 │\n│ (1-2个月) │ (2-3个月) │", { chunk: { startLine: 3, endLine: 4 } });
    const other = passage("入门阶段先学 Python。", { chunk: { startLine: 20, endLine: 21 } });
    expect(summarizeOutline(outline, [other, chart], ANSWER_WORDING.zh)).toEqual([
      "- 《五阶段指南》共 3 个阶段，依次是：入门阶段（1-2个月） → 基础夯实阶段（2-3个月） → 应用实践阶段 [2]",
    ]);
  });

  it("says how many stages from the first to the last, each cited to its own passage, when no passage names two", () => {
    const first = passage("目标：入门。", { chunk: { id: "first", headingPath: ["五阶段指南", "入门阶段"] } });
    const last = passage("目标：做应用。", { chunk: { id: "last", headingPath: ["五阶段指南", "应用实践阶段"] } });
    expect(summarizeOutline(outline, [last, first], ANSWER_WORDING.zh)).toEqual([
      "- 《五阶段指南》共 3 个阶段，从「入门阶段」[2]到「应用实践阶段」[1]",
    ]);
    expect(summarizeOutline(outline, [first, last], ANSWER_WORDING.en)).toEqual([
      '- 《五阶段指南》 has 3 stages, from "入门阶段" [1] to "应用实践阶段" [2]',
    ]);
  });

  it("says nothing when no retrieved passage names two of the stages, nor both ends' own passages were retrieved", () => {
    expect(summarizeOutline(outline, [passage("入门阶段先学 Python。")], ANSWER_WORDING.zh)).toEqual([]);
    const first = passage("目标：入门。", { chunk: { headingPath: ["五阶段指南", "入门阶段"] } });
    expect(summarizeOutline(outline, [first], ANSWER_WORDING.zh)).toEqual([]);
  });
});

/** "三段式计划有几个阶段": its recovered outline counts the stages; no passage writes the number. */
describe("a named roadmap's stage count, answered over a real index of the hand-made roadmaps", () => {
  const index = useRetrievalFixtureIndex();
  const retriever = () => new HybridRetriever({ index, k: 4, maxChunksPerSection: 2, abstainThreshold: 0.3 });

  it("says how many stages, in order and cited, and wants no written number for it", async () => {
    for (const [question, line] of [
      ["三段式计划一共分几个阶段？", "《三段式计划》共 3 个阶段，依次是：一、打基础阶段(1-2 个月) ["],
      ["How many stages does 三段式计划 have?", "《三段式计划》 has 3 stages, in order: 一、打基础阶段(1-2 个月) ["],
    ] as const) {
      const answer = await new ExtractiveAnswerer({ retriever: retriever() }).answer({ question });
      expect(answer.answer, question).toContain(line);
      expect(confidenceSignals(question, await retriever().retrieve(question)).missingDetails, question).not.toContain("count");
    }
    // Fewer passages than stages: the first and last stages' own passages, and how many from one to the other.
    const few = new ExtractiveAnswerer({ retriever: new HybridRetriever({ index, k: 2, maxChunksPerSection: 2, abstainThreshold: 0.3 }) });
    expect((await few.answer({ question: "三段式计划一共分几个阶段？" })).answer).toContain(
      "《三段式计划》共 3 个阶段，从「一、打基础阶段(1-2 个月)」[1]到「三、深钻阶段(3-6 个月)」[2]",
    );
    // A book's chapters are no stages of the roadmap that names it: their count is still wanted.
    const chapters = "三段式计划推荐的《检索实战》一共有多少章？";
    expect(confidenceSignals(chapters, await retriever().retrieve(chapters)).missingDetails).toContain("count");
  });
});

/** "Python 和 LoRA 先学哪个": answered over a real index of the hand-made roadmaps. */
describe("summarizeTopicOrder", () => {
  const index = useRetrievalFixtureIndex();
  const answer = (question: string) =>
    new ExtractiveAnswerer({ retriever: new HybridRetriever({ index, k: 4, maxChunksPerSection: 2, abstainThreshold: 0.3 }) }).answer({
      question,
    });
  /** The line about one roadmap, and the texts of the citations it gives. */
  const lineAbout = async (question: string, title: string) => {
    const result = await answer(question);
    const line = result.answer.split("\n").find((l) => l.startsWith(`- 《${title}》`)) ?? "";
    const cited = [...line.matchAll(/\[(\d+)\]/g)].map((m) => result.citations.find((c) => c.n === Number(m[1]))?.text ?? "");
    return { answer: result.answer, line, cited };
  };

  it("says per roadmap which comes first, the earlier named first, each topic cited to a passage naming it", async () => {
    const { answer: text, line, cited } = await lineAbout("LoRA 和 Python 我应该先学哪个？", "示例学习路线");
    expect(text).toContain(ANSWER_WORDING.zh.orderHeader);
    expect(line).toBe("- 《示例学习路线》：Python（「第一阶段：基础入门」）在 LoRA（「第二阶段：模型微调」）之前 [1][2]");
    expect(cited.some((t) => t.includes("Python"))).toBe(true);
    expect(cited.some((t) => t.includes("LoRA"))).toBe(true);
  });

  it("says when both share a stage, and claims no order where a roadmap places one only", async () => {
    const same = await lineAbout("线性代数和 Python 先学哪个", "示例学习路线");
    expect(same.line).toMatch(/^- 《示例学习路线》：线性代数 和 Python 同在「第一阶段：基础入门」 \[\d\]$/);
    const one = await lineAbout("线性代数和 Python 先学哪个", "三段式计划");
    expect(one.line).toMatch(/^- 《三段式计划》：Python 位于「一、打基础阶段\(1-2 个月\)」，没有找到 线性代数 所在的阶段 \[\d\]$/);
    expect(one.line).not.toContain("之前");
  });

  it("orders three topics in one chain, earliest stage first, each cited", async () => {
    const { answer: text, line, cited } = await lineAbout("量化、LoRA 和 Python 应该按什么顺序学？", "示例学习路线");
    expect(text).toContain(ANSWER_WORDING.zh.orderHeaderMany);
    expect(line).toMatch(
      /^- 《示例学习路线》：Python（「第一阶段：基础入门」） → LoRA（「第二阶段：模型微调」） → 量化（「第三阶段：部署上线」） (?:\[\d\]){3}$/,
    );
    for (const topic of ["Python", "LoRA", "量化"]) expect(cited.some((t) => t.includes(topic))).toBe(true);
    const en = await lineAbout("Quantization, LoRA and Python: in what order?", "示例学习路线");
    expect(en.line).toMatch(
      /^- 《示例学习路线》: Python \("第一阶段：基础入门"\) → LoRA \("第二阶段：模型微调"\) → Quantization \("第三阶段：部署上线"\)/,
    );
  });

  it("words the answer in Traditional characters and in English", async () => {
    const hant = await lineAbout("量化跟 Python 哪個先學？", "示例学习路线");
    expect(hant.answer).toContain("兩者在各學習路線中的先後：");
    expect(hant.line).toMatch(/^- 《示例学习路线》：Python（「第一阶段：基础入门」）在 量化（「第三阶段：部署上线」）之前 \[\d\]\[\d\]$/);
    const en = await lineAbout("should I learn RAG or prompt engineering first?", "A Practical LLM Guide");
    expect(en.line).toMatch(
      /^- 《A Practical LLM Guide》: prompt engineering \("0x10 Beginner"\) comes before RAG \("0x20 Practitioner"\) \[\d\]\[\d\]$/,
    );
  });
});
