import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, isResourceRequest } from "../../src/answering/extractiveAnswer.js";
import { ANSWER_WORDING } from "../../src/answering/prompts.js";
import {
  codePoints,
  extendsSentence,
  queryTerms,
  scoreSentences,
  selectSentences,
  splitIntoSentences,
  similarity,
} from "../../src/answering/sentenceSelection.js";
import { buildDocument } from "../../src/corpus/buildDocument.js";
import { documentFactsOf, withCardFirst } from "../../src/retrieval/documentFacts.js";
import { passage, retrievalResult } from "../fixtures/answering/passages.js";
import type { RoadmapPosition } from "../../src/retrieval/types.js";

/** A roadmap position for a stage asked about by its place ("第三阶段"), one section long. */
function askedStage(stage: { docId: string; title: string; heading: string; sectionIndex: number }): RoadmapPosition {
  const { docId, title, heading, sectionIndex } = stage;
  return {
    docId,
    source: `${docId}.md`,
    title,
    topic: "",
    at: { sectionIndex, heading, headingPath: [heading], startLine: 1, endLine: 3 },
  };
}

describe("splitIntoSentences", () => {
  it("splits Chinese and English sentences, drops bullets and headings, keeps URLs and decimals", () => {
    const text = "## 训练技术\n  • 预训练\n通过无监督学习进行预训练。再用 SFT 微调！\nSee https://zh.d2l.ai/ for v2.0. It is free.";
    expect(splitIntoSentences(text)).toEqual([
      "训练技术",
      "预训练",
      "通过无监督学习进行预训练。",
      "再用 SFT 微调！",
      "See https://zh.d2l.ai/ for v2.0.",
      "It is free.",
    ]);
  });
});

describe("selectSentences", () => {
  it("skips near-duplicates and restores reading order", () => {
    const picked = selectSentences(
      [
        { text: "参数高效微调技术：学习参数高效微调的方法，如LoRA、QLoRA等，提高模型训练效率。", passageIndex: 1, position: 0, score: 5 },
        { text: "参数高效微调技术：学习参数高效微调的方法，提高模型训练效率。", passageIndex: 0, position: 3, score: 4 },
        { text: "多模态模型：了解多模态模型的发展现状和应用。", passageIndex: 0, position: 1, score: 2 },
      ],
      3,
    );
    expect(picked.map((p) => [p.passageIndex, p.position])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(similarity("abc", "xyz")).toBe(0);
  });

  it("keeps the fuller of two near-copies when one extends the other, even if the shorter scored higher", () => {
    const picked = selectSentences(
      [
        { text: "向量数据库：了解向量数据库的应用。", passageIndex: 0, position: 2, score: 6 },
        { text: "向量数据库：了解向量数据库的应用，如Milvus等。", passageIndex: 1, position: 4, score: 5 },
        { text: "检索增强生成：把检索到的文档交给模型。", passageIndex: 0, position: 0, score: 3 },
      ],
      3,
    );
    expect(picked.map((p) => p.text)).toEqual(["检索增强生成：把检索到的文档交给模型。", "向量数据库：了解向量数据库的应用，如Milvus等。"]);
    expect(extendsSentence("向量数据库：了解向量数据库的应用，如Milvus等。", "向量数据库：了解向量数据库的应用。")).toBe(true);
    // A near-copy that rewords rather than extends gives way to the better one, as before.
    expect(extendsSentence("向量数据库：掌握向量数据库的应用，如Milvus等。", "向量数据库：了解向量数据库的应用。")).toBe(false);
    expect(extendsSentence("同一句。", "同一句。")).toBe(false);
  });

  it("leaves out sentences far weaker than the best (under three tenths of its score), wherever they come in the list", () => {
    const sentence = (text: string, position: number, score: number) => ({ text, passageIndex: 0, position, score });
    const weak = sentence("多模态模型：了解多模态模型的发展现状和应用。", 0, 1);
    const best = sentence("参数高效微调技术：学习参数高效微调的方法。", 1, 10);
    const atFloor = sentence("检索增强生成：把检索到的文档交给模型。", 2, 3);
    const mid = sentence("提示工程：写出清楚的指令和示例。", 3, 3.5);
    for (const order of [
      [weak, best, atFloor, mid],
      [mid, atFloor, best, weak],
    ])
      expect(selectSentences(order, 5).map((s) => s.position)).toEqual([1, 2, 3]);
    expect(selectSentences([], 5)).toEqual([]);
  });

  it("compares each pair of kept sentences on its own, however often they are compared (comparisons are remembered)", () => {
    const gramsOf = (text: string) =>
      new Set(Array.from(text.replace(/[\s\p{P}]/gu, "")).flatMap((c, i, all) => (i + 1 < all.length ? [c + all[i + 1]!] : [])));
    const sentence = (text: string, position: number, score: number) => ({
      text,
      passageIndex: 0,
      position,
      score,
      bigrams: gramsOf(text),
    });
    const best = sentence("参数高效微调技术：学习参数高效微调的方法，如LoRA、QLoRA等。", 0, 5);
    const other = sentence("多模态模型：了解多模态模型的发展现状和应用。", 1, 4);
    const copy = sentence("参数高效微调技术：学习参数高效微调的方法，如LoRA等。", 2, 3);
    for (let round = 0; round < 2; round++) {
      // `other` is compared with `best` first; `copy`, compared with `best` next, is still a near-copy.
      expect(selectSentences([best, other, copy], 3).map((s) => s.position)).toEqual([0, 1]);
      expect(selectSentences([best, copy, other], 3).map((s) => s.position)).toEqual([0, 1]);
    }
  });
});

describe("queryTerms", () => {
  it("counts the parts of characters jieba glued into no word, and only of those", () => {
    const terms = queryTerms("四条路里哪个最吃算力？", []);
    expect(terms.get("算力")).toBeGreaterThan(0);
    // 人工智能 is a dictionary word whose parts search mode already gives: no 工智.
    expect(queryTerms("人工智能要学多久", []).has("工智")).toBe(false);
    const [best] = scoreSentences([passage("微调：成本较低。预训练：需要算力最多。")], terms).sort((a, b) => b.score - a.score);
    expect(best?.text).toBe("预训练：需要算力最多。");
  });
});

describe("scoreSentences", () => {
  it("gives candidates whose near-copies selectSentences drops, read after read (bigrams are made once per sentence, when compared)", () => {
    const text =
      "参数高效微调技术：学习参数高效微调的方法，如LoRA、QLoRA等。多模态模型：了解LoRA以外的发展现状。参数高效微调技术：学习参数高效微调的方法，如LoRA等。";
    for (let round = 0; round < 2; round++) {
      const picked = selectSentences(scoreSentences([passage(text)], new Map([["lora", 1.5]])), 3);
      // The shorter copy scores higher (long sentences are damped); the longer one is its near-copy.
      expect(picked.map((s) => s.position)).toEqual([1, 2]);
    }
  });

  it("lets a chunk's sentences inherit half of a term their own heading holds", () => {
    const underGoal = passage("主导复杂行业项目，成为全栈大模型架构师。", { chunk: { headingPath: ["三、场景应用阶段", "目标"] } });
    const elsewhere = passage("每个阶段都有动手项目。", { chunk: { headingPath: ["学习路径概览"] } });
    // When quoting (a list-label reader given); the line that named a term reads words only.
    const noLabel = () => undefined;
    const scored = scoreSentences([underGoal, elsewhere], new Map([["目标", 1]]), undefined, noLabel);
    expect(scoreSentences([underGoal, elsewhere], new Map([["目标", 1]]))).toEqual([]);
    expect(scored.map((s) => s.text)).toEqual(["主导复杂行业项目，成为全栈大模型架构师。"]);
    // In one scoring, the sentence holding the term itself gives twice what the heading lends.
    const own = passage("目标：成为架构师。", { chunk: { id: "own", headingPath: ["学习路径概览"] } });
    const both = scoreSentences([underGoal, own], new Map([["目标", 1]]), undefined, noLabel);
    const [lent, held] = [both.find((s) => s.passageIndex === 0)!, both.find((s) => s.passageIndex === 1)!];
    const prior = (index: number) => 0.4 * (1 - index / 2);
    const damping = (text: string) => 1 + Math.log1p(Array.from(text).length / 60);
    expect((lent.score - prior(0)) * damping(lent.text)).toBeCloseTo(((held.score - prior(1)) * damping(held.text)) / 2, 6);
  });

  it("finds a term inside a sentence's lowercased text in whichever sentence holds it, and nothing where none does", () => {
    const text = "第一句讲预训练的数据。\n第二句讲评估指标。\n第三句讲 QLoRA 微调的显存。";
    for (let round = 0; round < 2; round++) {
      // "ora" is no token of the third sentence: only its lowercased text holds it.
      expect(scoreSentences([passage(text)], new Map([["ora", 1]])).map((s) => s.position)).toEqual([2]);
      expect(scoreSentences([passage(text)], new Map([["指标。\n第三", 1]]))).toEqual([]);
      expect(scoreSentences([passage(text)], new Map([["rlhf", 1]]))).toEqual([]);
    }
  });

  it("quotes no table-of-contents entry: it only points at a heading further down", () => {
    const text = "- [入门阶段](#入门阶段)\n- [学习常见问题](#学习常见问题)\n入门阶段：每周10-15小时，持续1-2个月";
    const texts = scoreSentences(
      [passage(text)],
      new Map([
        ["入门", 1],
        ["问题", 1],
      ]),
    ).map((s) => s.text);
    expect(texts).toEqual(["入门阶段：每周10-15小时，持续1-2个月"]);
    // A link to another page is content.
    expect(scoreSentences([passage("[入门课程](https://example.org/intro)")], new Map([["入门", 1]])).length).toBe(1);
  });

  it("lets a sub-item inherit part of a term its parent item's label holds", () => {
    const text = "1. 剪枝：去掉冗余连接\n   - 适合部署到手机\n2. 蒸馏：大模型教小模型\n   - 需要一个教师模型";
    const terms = new Map([["蒸馏", 1]]);
    const parentOf = (_text: string, sentence: string) =>
      sentence.startsWith("需要") ? "蒸馏" : sentence.startsWith("适合") ? "剪枝" : undefined;
    const without = scoreSentences([passage(text)], terms).map((s) => s.text);
    const withParents = scoreSentences([passage(text)], terms, undefined, parentOf);
    expect(without.some((t) => t.includes("教师模型"))).toBe(false);
    const child = withParents.find((s) => s.text.includes("教师模型"));
    const label = withParents.find((s) => s.text.includes("蒸馏"));
    // Under the label, below it: the label itself holds the term.
    expect(child).toBeDefined();
    expect(child!.score).toBeLessThan(label!.score);
    expect(withParents.some((s) => s.text.includes("手机"))).toBe(false);
  });

  it("scores a passage the same after a longer one was scored (the overlaps' scratch array is shared)", () => {
    const short = passage("RAG 能降低幻觉。LoRA 省显存。");
    const terms = new Map([
      ["rag", 1],
      ["lora", 0.5],
    ]);
    const alone = scoreSentences([short], terms).map((s) => [s.position, s.score]);
    const long = passage(Array.from({ length: 80 }, (_, i) => `第${i}句讲 RAG 和 LoRA。`).join(""));
    scoreSentences([long, short], terms);
    expect(scoreSentences([short], terms).map((s) => [s.position, s.score])).toEqual(alone);
  });

  it("scores a question the same after one with more terms and passages (the per-term arrays are shared and grow)", () => {
    const short = passage("RAG 能降低幻觉。LoRA 省显存。");
    const terms = new Map([
      ["lora", 0.5],
      ["rag", 1],
    ]);
    const alone = scoreSentences([short], terms).map((s) => [s.passageIndex, s.position, s.score]);
    const many = new Map(Array.from({ length: 70 }, (_, i) => [`词${i}`, 1 + i / 10] as [string, number]));
    many.set("rag", 0.3);
    const passages = Array.from({ length: 9 }, (_, p) => passage(`第${p}段：词${p} 和 词${p + 1} 讲 RAG。还有词${p * 7}。`));
    const wide = scoreSentences(passages, many);
    expect(wide.length).toBeGreaterThan(9);
    // Each passage's sentences hold their own terms, whatever came before.
    expect(scoreSentences([passages[3]!], many).map((s) => s.text)).toEqual(wide.filter((s) => s.passageIndex === 3).map((s) => s.text));
    expect(scoreSentences([short], terms).map((s) => [s.passageIndex, s.position, s.score])).toEqual(alone);
  });

  it("matches a question term inside a sentence's words, whatever the term starts with", () => {
    const only = passage("用 ASP.NET 和 𠮷野家 做 LoRA 微调的例子。");
    const score = (term: string) => scoreSentences([only], new Map([[term, 1]]))[0]?.score ?? 0;
    for (const term of ["ra", ".net", "𠮷野", "p.n", "微调的"]) expect(score(term), term).toBeGreaterThan(0);
    expect(score("xyz")).toBe(0);
  });

  it("counts a word most cited sentences hold for less than one only a few hold", () => {
    const text = "大模型技术爆发，抓住机会。开源大模型更安全。预训练大模型最费算力。RAG 能降低幻觉。";
    const terms = new Map([
      ["模型", 1],
      ["幻觉", 0.7],
    ]);
    const best = [...scoreSentences([passage(text)], terms)].sort((a, b) => b.score - a.score)[0];
    expect(best?.text).toContain("幻觉");
  });

  it("scores each sentence holding a term by its terms' weights and rarity, in passage order, none carried between passages", () => {
    // Passages of 3, 1 and 4 sentences: the scores of one passage never leak into the next.
    const passages = [
      passage("LoRA 微调很省显存。RAG 先检索再生成。今天天气不错哦。"),
      passage("QLoRA 把 LoRA 用在量化模型上。"),
      passage("先学 Python 基础。再学 LoRA 和 RAG。最后做个项目。微调要准备数据。"),
    ];
    const terms = new Map([
      ["lora", 1.5],
      ["rag", 1.5],
      ["微调", 1],
    ]);
    const sentences = passages.map((p) => splitIntoSentences(p.chunk.text));
    const holds = (sentence: string, term: string) => sentence.toLowerCase().includes(term);
    const count = sentences.flat().length;
    const rarity = new Map(
      [...terms.keys()].map((t) => [t, Math.log(1 + count / sentences.flat().filter((s) => holds(s, t)).length) / Math.log(2)]),
    );
    const expected = sentences.flatMap((list, passageIndex) =>
      list.flatMap((text, position) => {
        const held = [...terms].filter(([t]) => holds(text, t));
        if (held.length === 0) return [];
        const overlap = held.reduce((sum, [t, w]) => sum + w * rarity.get(t)!, 0);
        const score = overlap / (1 + Math.log1p(Array.from(text).length / 60)) + 0.4 * (1 - passageIndex / passages.length);
        return [{ text, passageIndex, position, score }];
      }),
    );
    expect(
      scoreSentences(passages, terms).map(({ text, passageIndex, position, score }) => ({ text, passageIndex, position, score })),
    ).toEqual(expected);
  });
});

describe("composeExtractiveAnswer", () => {
  const passages = [
    passage("书籍\n《深度学习》(Ian Goodfellow)、《动手学深度学习》(李沐)D2L，这两本书全面系统地介绍了深度学习的理论和实践。", {
      chunk: { headingPath: ["一、原理学习阶段", "权威资源推荐"] },
    }),
    passage("[《动手学深度学习》](https://zh.d2l.ai/)：配合B站李沐的视频，是最好的深度学习入门课程。", {
      chunk: { headingPath: ["0x31 大模型技术基础方向"], links: [{ text: "《动手学深度学习》", url: "https://zh.d2l.ai/", line: 62 }] },
    }),
    passage("Kubernetes 进行弹性扩缩容和 GPU 资源调度。", { chunk: { headingPath: ["高并发部署"] } }),
  ];

  it("quotes the matching sentences with citations and lists the links for a resource question", () => {
    const composed = composeExtractiveAnswer(
      "which book should I read for deep learning?",
      retrievalResult("which book should I read for deep learning?", passages, {
        analysis: { language: "en", sequence: null, expansions: ["深度学习", "书籍"] },
      }),
    );
    expect(composed.abstained).toBe(false);
    expect(composed.citations).toHaveLength(3);
    const lines = composed.answer.split("\n");
    expect(lines[0]).toBe(ANSWER_WORDING.en.extractiveLabel);
    expect(composed.answer).toContain("《动手学深度学习》(李沐)D2L，这两本书全面系统地介绍了深度学习的理论和实践。 [1]");
    expect(composed.answer).toContain(`${ANSWER_WORDING.en.resourcesHeader}\n- [《动手学深度学习》](https://zh.d2l.ai/) [2]`);
    expect(composed.answer).not.toContain("Kubernetes");
  });

  it("quotes the sentences naming a book first when books are asked for", () => {
    const question = "原理阶段有啥书可以啃的？";
    // Six sentences that repeat the question's words, and a book under the stage's heading that does not.
    const stage = [
      passage(
        [
          "原理阶段要理解底层原理。",
          "原理阶段先打基础。",
          "原理阶段约两个月。",
          "原理阶段结束有小测。",
          "原理阶段可以啃论文。",
          "原理阶段之后是开发阶段。",
        ].join(""),
        { chunk: { id: "stage" } },
      ),
      passage("推荐：《深度学习》(Ian Goodfellow)。", { chunk: { id: "books", headingPath: ["原理阶段"] } }),
    ];
    const composed = composeExtractiveAnswer(question, retrievalResult(question, stage), {});
    const quoted = composed.answer.split("\n").filter((line) => line.startsWith("- "));
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.some((line) => line.includes("《深度学习》(Ian Goodfellow)"))).toBe(true);
  });

  it("abstains when evidence is weak", () => {
    const composed = composeExtractiveAnswer("sourdough?", retrievalResult("sourdough?", passages, { weak: true }));
    expect(composed).toEqual({ answer: ANSWER_WORDING.en.abstain, citations: [], abstained: true, confidence: "none", language: "en" });
  });

  it("says first that the materials may not answer exactly when the asked-for detail is missing, then quotes and cites", () => {
    const question = "how much does the deep learning course cost?";
    const composed = composeExtractiveAnswer(question, retrievalResult(question, passages));
    expect(composed).toMatchObject({ abstained: false, confidence: "low", language: "en" });
    expect(composed.answer.split("\n")[0]).toBe(ANSWER_WORDING.en.lowConfidence);
    expect(composed.citations.length).toBe(passages.length);
    expect(composeExtractiveAnswer("deep learning 书籍推荐", retrievalResult("deep learning 书籍推荐", passages)).confidence).toBe("high");
  });

  it("says first which named roadmap never mentions the concept asked to be placed, then quotes the closest passages", () => {
    const question = "这份清单里 Kubernetes 放在哪个阶段？";
    const own = [passage("第二阶段：应用开发，部署与运维", { chunk: { docId: "list" } })];
    const result = retrievalResult(question, own, {
      namedRoadmap: { docId: "list", title: "示例清单" },
      conceptsOutsideRoadmap: ["Kubernetes"],
    });
    const composed = composeExtractiveAnswer(question, result);
    expect(composed).toMatchObject({ abstained: false, confidence: "low" });
    expect(composed.answer.split("\n")[0]).toBe(ANSWER_WORDING.zh.conceptsNotInRoadmap("示例清单", "Kubernetes"));
    expect(composed.answer.split("\n")[0]).toContain("《示例清单》里没有提到「Kubernetes」");
    expect(composed.citations.length).toBe(1);
  });

  it("labels a fallback answer as such, in Chinese for a mixed question", () => {
    const composed = composeExtractiveAnswer(
      "deep learning 书籍推荐",
      retrievalResult("deep learning 书籍推荐", passages, {
        analysis: { language: "mixed", sequence: null, expansions: ["深度学习"] },
      }),
      { fallback: true },
    );
    expect(composed.language).toBe("zh");
    expect(composed.answer.split("\n")[0]).toBe(ANSWER_WORDING.zh.fallbackLabel);
  });

  it("says where each quote sits when the question asks which stage", () => {
    const moe = passage("Mixture of Experts (MoE)架构", { chunk: { headingPath: ["前沿研究阶段", "模型架构与训练"] } });
    const question = "MoE 放在哪个阶段学？";
    expect(composeExtractiveAnswer(question, retrievalResult(question, [moe])).answer).toContain(
      "- Mixture of Experts (MoE)架构（前沿研究阶段 › 模型架构与训练） [1]",
    );
    // A question that does not ask where gets the quote alone.
    expect(composeExtractiveAnswer("MoE 是什么架构？", retrievalResult("MoE 是什么架构？", [moe])).answer).toContain(
      "- Mixture of Experts (MoE)架构 [1]",
    );
  });

  it("leads with the numbered part of a named course an ordinal asked for, quoted once", () => {
    const course = passage("课程分为三个部分：\n\n1. 基础：数学与编程\n2. 训练：从预训练到对齐\n3. 部署：推理服务与监控", {
      chunk: { id: "course", headingPath: ["一些课程", "tiny-llm-course"] },
    });
    const question = "tiny-llm-course 的第二部分讲啥？";
    const composed = composeExtractiveAnswer(
      question,
      retrievalResult(question, [course], { askedPart: { chunkId: "course", item: "2. 训练：从预训练到对齐" } }),
    );
    const quotes = composed.answer.split("\n").filter((line) => line.startsWith("- "));
    expect(quotes[0]).toBe("- tiny-llm-course › 2. 训练：从预训练到对齐 [1]");
    expect(quotes.filter((line) => line.includes("从预训练到对齐"))).toHaveLength(1);
  });

  it("leads an answer to an ordinal question with the stage asked for and its items", () => {
    const stage = passage("Python编程基础：掌握基本语法。\nPython常用库和工具：熟悉 Numpy。", {
      chunk: { docId: "seven", sectionIndex: 3, headingPath: ["第三阶段：编程基础与工具使用"] },
    });
    const question = "七个阶段那份的第三阶段学什么？";
    const composed = composeExtractiveAnswer(
      question,
      retrievalResult(question, [stage], {
        stageOrdinal: { from: "start", position: 3 },
        roadmap: [askedStage({ docId: "seven", title: "学习路径", heading: "第三阶段：编程基础与工具使用", sectionIndex: 3 })],
      }),
    );
    expect(composed.answer).toContain("- 《学习路径》的「第三阶段：编程基础与工具使用」 [1]");
    expect(composed.answer).toContain("该阶段的要点：Python编程基础、Python常用库和工具 [1]");
  });

  it("quotes the item an ordinal asked for in a roadmap that is one numbered list, not the list's opening", () => {
    const list = passage(["门槛降低了。", "1. 清蒸：少油", "   - 适合鱼", "2. 红烧：多糖", "   - 小火慢炖", "3. 爆炒"].join("\n"), {
      chunk: { docId: "dishes", sectionIndex: 0, headingPath: [], startLine: 10, endLine: 15 },
    });
    const question = "那篇列了三点的，第2点是什么？";
    const item = { ...askedStage({ docId: "dishes", title: "做菜", heading: "2. 红烧：多糖", sectionIndex: 2 }) };
    item.at = { ...item.at, startLine: 13, endLine: 14 };
    const composed = composeExtractiveAnswer(
      question,
      retrievalResult(question, [list], { stageOrdinal: { from: "start", position: 2 }, roadmap: [item], evidence: 0.8 }),
    );
    const quotes = composed.answer.split("\n").filter((line) => line.startsWith("- "));
    expect(quotes).toContain("- 《做菜》的「2. 红烧：多糖」 [1]");
    expect(composed.answer).toContain("小火慢炖");
    expect(composed.answer).not.toContain("门槛降低了");
  });

  it("says first that the roadmap the question named does not place its topic, before the other roadmaps' positions", () => {
    const stage = passage("研究分布式训练与推理加速。", { chunk: { docId: "plan", sectionIndex: 2, headingPath: ["深钻阶段"] } });
    const question = "七个阶段那份里，分布式训练之后学什么？";
    const position: RoadmapPosition = {
      ...askedStage({ docId: "plan", title: "三段式计划", heading: "深钻阶段", sectionIndex: 2 }),
      topic: "分布式训练",
    };
    const compose = (named: { docId: string; title: string }) =>
      composeExtractiveAnswer(
        question,
        retrievalResult(question, [stage], {
          analysis: { language: "zh", sequence: "next", topic: "分布式训练", expansions: [] },
          roadmap: [position],
          namedRoadmap: named,
        }),
      ).answer.split("\n");
    const lines = compose({ docId: "seven", title: "学习路径" });
    expect(lines[lines.indexOf(ANSWER_WORDING.zh.roadmapHeader) + 1]).toBe("《学习路径》的阶段里没有找到「分布式训练」；其他路线中：");
    // Named and placed there: no such line.
    expect(compose({ docId: "plan", title: "三段式计划" }).join("\n")).not.toContain("没有找到");
  });

  it("lists a stage's parts by name when the question asks how it divides, each cited to its own passage", () => {
    const first = passage("训练专家：分布式训练与对齐。", {
      chunk: { id: "p1", docId: "g", sectionIndex: 6, headingPath: ["深耕阶段", "训练专家"] },
    });
    const second = passage("部署专家：推理服务与调度。", {
      chunk: { id: "p2", docId: "g", sectionIndex: 7, headingPath: ["深耕阶段", "部署专家"] },
    });
    const question = "深耕阶段分了哪几种专家路线？";
    const composed = composeExtractiveAnswer(
      question,
      retrievalResult(question, [first, second], {
        stageParts: {
          docId: "g",
          title: "示例路线",
          stage: "深耕阶段",
          parts: [
            { heading: "训练专家", chunkId: "p1" },
            { heading: "部署专家", chunkId: "p2" },
          ],
        },
      }),
    );
    expect(composed.answer).toContain("- 《示例路线》的「深耕阶段」分为：训练专家 [1]、部署专家 [2]");
  });

  it("quotes a bare label with its paragraph once: as the paragraph's label, not as a line of its own", () => {
    const projects = passage(
      ["  • 初级项目", "基于 BERT 的情感分析系统。", "  • 进阶项目", "物流行业 RAG 问答系统。", "  • 高阶项目", "电商虚拟试衣系统。"].join(
        "\n",
      ),
    );
    const composed = composeExtractiveAnswer("进阶项目做什么？RAG 问答系统", retrievalResult("进阶项目做什么？RAG 问答系统", [projects]));
    expect(composed.answer).toContain("- 进阶项目 › 物流行业 RAG 问答系统。 [1]");
    expect(composed.answer).not.toMatch(/^- 进阶项目 \[1\]$/m);
  });

  it("prefers the sentence holding the kind of detail asked for (a duration) over ones that only repeat the topic", () => {
    const topic = passage(
      "原理学习阶段重在原理学习。原理学习阶段学习数学基础。原理学习阶段学习 Transformer 原理。原理学习阶段精读论文。原理学习阶段做笔记。原理学习阶段打基础。",
    );
    const plan = passage("整体计划：这个阶段大约需要 2-3 个月。", { chunk: { headingPath: ["四、学习周期与计划"] } });
    const question = "原理学习阶段要学多久？";
    const composed = composeExtractiveAnswer(question, retrievalResult(question, [topic, plan]));
    expect(composed.answer).toContain("整体计划：这个阶段大约需要 2-3 个月。 [2]");
  });

  it("quotes the opening of an asked stage's passage when no sentence shares the question's words", () => {
    const stage = passage("目标\n\n掌握工程化开发与接口集成技能。", { chunk: { docId: "three", headingPath: ["二、接入开发阶段"] } });
    const question = "那份第二阶段要重点盯啥？";
    const composed = composeExtractiveAnswer(
      question,
      retrievalResult(question, [stage], {
        stageOrdinal: { from: "start", position: 2 },
        roadmap: [askedStage({ docId: "three", title: "三阶段方法论", heading: "二、接入开发阶段", sectionIndex: 0 })],
      }),
    );
    expect(composed.answer).toContain("掌握工程化开发与接口集成技能。");
  });

  it("names the items of a listed section a list question asks for, first among the quotes", () => {
    const projects = passage("1. **行业知识助手**\n   - 任务：构建领域助手\n2. **图文应用系统**\n3. **智能体开发**", {
      chunk: { headingPath: ["应用实践阶段", "实战项目"] },
    });
    const question = "应用实践阶段要做哪些实战项目？";
    const quotes = composeExtractiveAnswer(question, retrievalResult(question, [projects]))
      .answer.split("\n")
      .filter((line) => line.startsWith("- "));
    expect(quotes[0]).toBe("- 实战项目：行业知识助手、图文应用系统、智能体开发 [1]");
  });

  it("leads with the detail asked for even when its sentence repeats none of the question's words", () => {
    const course = passage("Hugging Face课程：免费的在线课程。\n链接：https://huggingface.co/course\n时长：约20小时", {
      chunk: { headingPath: ["课程", "Hugging Face课程"] },
    });
    const question = "Hugging Face 课程要多少时数？";
    const composed = composeExtractiveAnswer(question, retrievalResult(question, [course]));
    expect(composed.answer).toContain("时长：约20小时");
  });

  it("does not lead with a detail the follow-up's standalone question only carries from the turn before", () => {
    const course = passage(
      [
        "Hugging Face课程由官方团队编写，讲解模型微调。",
        "课程内容覆盖Transformers库的使用和数据处理。",
        "课程配套中文社区，提问有人回答。",
        "Hugging Face课程每章附带在线练习和测验。",
        "课程适合有Python基础的学习者。",
        "时长：约20小时",
      ].join("\n"),
      { chunk: { headingPath: ["课程", "Hugging Face课程"] } },
    );
    // The standalone reading carries the previous question's duration along ("要多少时数"); the learner asks for subtitles.
    const standalone = "Hugging Face 课程要多少时数？ 那它有中文字幕吗？";
    const answer = composeExtractiveAnswer(standalone, retrievalResult(standalone, [course]), { asked: "那它有中文字幕吗？" }).answer;
    expect(answer).not.toContain("时长：约20小时");
    // Asked of its own, the duration leads as before.
    expect(composeExtractiveAnswer(standalone, retrievalResult(standalone, [course])).answer).toContain("时长：约20小时");
  });

  it("leads only with a stated detail beside what the question is about (retrieval's focus passages)", () => {
    const course = passage(
      "入门课程：讲解大模型基础概念，时长约 3 小时。大模型基础概念与使用。大模型基础概念入门。大模型基础概念讲解。大模型基础概念复习。大模型基础概念答疑。",
    );
    const job = passage("求职准备：大模型求职需要项目经验。");
    const question = "大模型基础概念学完多久能找到工作？";
    const composed = composeExtractiveAnswer(question, retrievalResult(question, [course, job], { focusChunkIds: [job.chunk.id] }));
    expect(composed.answer).not.toContain("时长约 3 小时");
  });

  it("recognises resource requests", () => {
    expect(isResourceRequest("有什么推荐的课程")).toBe(true);
    expect(isResourceRequest("What is LoRA?")).toBe(false);
  });
});

describe("the words that named a roadmap", () => {
  it("do not choose the quoted lines: a line naming the year is not what was asked", () => {
    const question = "2024年9月那篇博客说 RAG 有啥缺点？";
    const passages = [
      passage(
        [
          "【2024最新】大模型实战项目合集，2024 年 9 月更新。",
          "RAG 依赖提供的数据库，对数据质量要求比较高。",
          "RAG 推理更加缓慢。",
          "RAG 适合私有数据库。",
          "RAG 能降低幻觉。",
          "RAG 是检索增强生成。",
          "提示词工程门槛低。",
        ].join("\n"),
      ),
    ];
    const pick = (extra: Partial<Parameters<typeof retrievalResult>[2]>) =>
      composeExtractiveAnswer(question, retrievalResult(question, passages, { evidence: 0.9, ...extra })).answer;
    expect(pick({})).toContain("2024 年 9 月更新");
    expect(pick({ namingTerms: ["2024", "年", "9", "月", "博客"] })).not.toContain("2024 年 9 月更新");
  });
});

describe("codePoints", () => {
  it("counts characters as Array.from does: a surrogate pair is one, a lone surrogate one", () => {
    for (const text of ["", "a", "微调", "𠮷野家", "a\uD842", "\uDFB7b", "\uD842\uDFB7\uD842", "LoRA 微调 😀!"])
      expect(codePoints(text), JSON.stringify(text)).toBe(Array.from(text).length);
  });
});

describe("composeExtractiveAnswer: a fact asked of the document itself", () => {
  it("quotes the card's lines stating the asked fact first, as read, and not twice", () => {
    const doc = buildDocument(
      "roadmaps/list.md",
      "# 清单\n> Author: **lin**\n> Created: **2024-01-02**\n## 入门\n入门先学 Python。",
    ).document;
    const question = "那份清单是谁写的？";
    const passages = withCardFirst([passage("入门先学 Python。", { chunk: { docId: doc.id, startLine: 5, endLine: 5 } })], doc, 5);
    const result = retrievalResult(question, passages, { documentFacts: documentFactsOf(question, doc, undefined)! });
    const lines = composeExtractiveAnswer(question, result).answer.split("\n");
    const related = lines.indexOf(ANSWER_WORDING.zh.relatedHeader);
    expect(lines[related + 1]).toBe("- Author: lin [1]");
    expect(lines.filter((line) => line.includes("Author: lin"))).toHaveLength(1);
  });

  it("says first that the document does not state the fact asked, when it does not", () => {
    const doc = buildDocument("roadmaps/plain.md", "学习路径\n第一阶段：基础\n目标：打基础。").document;
    const question = "那份三个阶段的路线是谁写的？哪年发的？";
    const facts = documentFactsOf(question, doc, undefined)!;
    const result = retrievalResult(question, [passage("目标：打基础。", { chunk: { docId: doc.id } })], { documentFacts: facts });
    const answer = composeExtractiveAnswer(question, result);
    expect(answer.confidence).toBe("low");
    expect(answer.answer.split("\n")[0]).toBe("（《学习路径》没有写明作者和发布或更新日期；以下是资料中最接近的内容，请对照原文判断。）");
  });
});
