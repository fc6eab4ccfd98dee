import { describe, expect, it } from "vitest";
import type { AnswerResult, Citation } from "../../src/answering/types.js";
import { isGoldFor, locateQuote, mentions, type LocatedGold, type PassageRef } from "../../src/evaluation/goldMatching.js";
import { describeFailures, percentile, scoreAnswer, scoreRetrieval, summarize } from "../../src/evaluation/metrics.js";
import type { QuestionResult } from "../../src/evaluation/types.js";

const SOURCE = ["# 路线", "第一阶段：基础", "学习 Python 编程", "和 线性代数。", "第二阶段：微调", "LoRA 与 QLoRA"].join("\n");

function gold(document: string, quote: string, text = SOURCE): LocatedGold {
  return { document, quote, occurrences: locateQuote(text, quote) };
}

function passage(source: string, startLine: number, endLine: number, text: string): PassageRef {
  return { source, startLine, endLine, text };
}

describe("gold matching", () => {
  it("locates quotes across line breaks and spacing, on every occurrence", () => {
    expect(locateQuote(SOURCE, "Python编程和线性代数")).toEqual([{ start: 3, end: 4 }]);
    expect(locateQuote("a LoRA\nb\nLoRA", "LoRA")).toEqual([
      { start: 1, end: 1 },
      { start: 3, end: 3 },
    ]);
    expect(locateQuote(SOURCE, "not there")).toEqual([]);
  });

  it("counts a passage as gold by contained text or by covering the quote's lines, in the right document only", () => {
    const g = gold("a.txt", "学习 Python 编程 和 线性代数");
    expect(isGoldFor(passage("a.txt", 99, 99, "学习Python编程\n和线性代数。"), g)).toBe(true);
    expect(isGoldFor(passage("a.txt", 2, 4, "chunk text rewritten by the chunker"), g)).toBe(true);
    // Covers only half of the quote's lines.
    expect(isGoldFor(passage("a.txt", 4, 6, "和 线性代数。"), g)).toBe(false);
    expect(isGoldFor(passage("b.txt", 1, 6, SOURCE), g)).toBe(false);
  });

  it("counts a passage labelled with the section heading a quote names (headings are labels, not chunk text)", () => {
    const stage = gold("a.txt", "第二阶段：微调");
    const under = (headingPath: string[]): PassageRef => ({ ...passage("a.txt", 6, 6, "LoRA 与 QLoRA"), headingPath });
    expect(isGoldFor(under(["路线", "第二阶段：微调"]), stage)).toBe(true);
    expect(isGoldFor(under(["路线", "第一阶段：基础"]), stage)).toBe(false);
    // Markdown heading marks in the quote do not matter; a heading of another document does.
    expect(isGoldFor(under(["0x20 应用篇"]), gold("a.txt", "## 0x20 应用篇", "## 0x20 应用篇"))).toBe(true);
    expect(isGoldFor({ ...under(["第二阶段：微调"]), source: "b.txt" }, stage)).toBe(false);
    // A short quote that merely equals a heading word is not enough.
    expect(isGoldFor(under(["微调"]), gold("a.txt", "微调"))).toBe(false);
  });

  it("checks mentions without regard to case or whitespace", () => {
    expect(mentions("Use LLaMA-Factory\nfor 微 调", "llama-factory")).toBe(true);
    expect(mentions("总周期为6-8个月", "6 - 8")).toBe(true);
    expect(mentions("anything", "   ")).toBe(false);
    expect(mentions("RAG", "RAG 之后")).toBe(false);
  });
});

describe("retrieval metrics", () => {
  const golds = [gold("a.txt", "LoRA 与 QLoRA"), gold("a.txt", "第一阶段：基础")];
  const miss = passage("a.txt", 3, 3, "学习 Python 编程");
  const loraChunk = passage("a.txt", 5, 6, "第二阶段：微调\nLoRA 与 QLoRA");

  it("gives hit@k, reciprocal rank and gold recall within the top k", () => {
    const score = scoreRetrieval([miss, miss, loraChunk, passage("a.txt", 2, 2, "第一阶段：基础")], golds, 3);
    expect(score).toMatchObject({ firstGoldRank: 3, hit: true, goldFound: [true, false] });
    expect(score.reciprocalRank).toBeCloseTo(1 / 3);
    expect(score.goldRecall).toBe(0.5);
    expect(score.top.map((t) => t.gold)).toEqual([false, false, true]);
  });

  it("scores zero when the gold passage is below k", () => {
    const score = scoreRetrieval([miss, loraChunk], golds, 1);
    expect(score).toMatchObject({ firstGoldRank: null, hit: false, reciprocalRank: 0, goldRecall: 0 });
  });
});

function citation(n: number, source: string, start: number, end: number, text: string): Citation {
  return { n, id: `c${n}`, docId: "d", source, title: "t", headingPath: [], lines: { start, end }, text, role: "match" };
}

function answer(text: string, citations: Citation[], abstained = false): AnswerResult {
  return {
    answer: text,
    citations,
    abstained,
    confidence: abstained ? "none" : "high",
    mode: "extractive",
    language: "zh",
    standaloneQuestion: "q",
    removedCitations: 0,
    timings: { retrieveMs: 1, generateMs: 0 },
  };
}

describe("answer metrics", () => {
  const golds = [gold("a.txt", "LoRA 与 QLoRA")];

  it("measures citation precision, citation hit and must-mention recall", () => {
    const score = scoreAnswer(
      answer("先学 lora，再学 QLoRA [1][2]", [citation(1, "a.txt", 5, 6, "LoRA 与 QLoRA"), citation(2, "a.txt", 3, 3, "Python")]),
      {
        golds,
        mustMention: ["LoRA", "RLHF"],
        unanswerable: false,
      },
    );
    expect(score).toMatchObject({
      citationPrecision: 0.5,
      citationHit: true,
      mustMentionRecall: 0.5,
      missingMentions: ["RLHF"],
      abstentionCorrect: true,
    });
  });

  it("judges abstention against the question's expectation", () => {
    expect(scoreAnswer(answer("资料中没有相关内容", [], true), { golds: [], mustMention: [], unanswerable: true })).toMatchObject({
      abstentionCorrect: true,
      citationPrecision: null,
      citationHit: null,
      mustMentionRecall: null,
    });
    expect(scoreAnswer(answer("资料中没有相关内容", [], true), { golds, mustMention: ["LoRA"], unanswerable: false })).toMatchObject({
      abstentionCorrect: false,
      citationHit: false,
      mustMentionRecall: 0,
    });
  });
});

describe("aggregates", () => {
  it("computes nearest-rank percentiles", () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 95)).toBe(100);
    expect(percentile([], 50)).toBeNull();
  });

  function result(partial: Partial<QuestionResult> & Pick<QuestionResult, "id">): QuestionResult {
    return {
      question: partial.id,
      kind: undefined,
      unanswerable: false,
      line: 1,
      gold: [],
      mustMention: [],
      retrieval: null,
      answer: null,
      latencyMs: 10,
      failures: [],
      ...partial,
    };
  }

  it("summarizes, counting a failed pipeline call as a miss and separating abstention rates", () => {
    const golds = [gold("a.txt", "LoRA 与 QLoRA"), gold("a.txt", "第一阶段：基础")];
    const hit = scoreRetrieval([passage("a.txt", 5, 6, "LoRA 与 QLoRA")], golds, 5);
    const good = result({
      id: "good",
      mustMention: ["LoRA"],
      retrieval: hit,
      answer: scoreAnswer(answer("LoRA [1]", [citation(1, "a.txt", 5, 6, "LoRA 与 QLoRA")]), {
        golds,
        mustMention: ["LoRA"],
        unanswerable: false,
      }),
      latencyMs: 100,
      usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 },
    });
    const broken = result({ id: "broken", mustMention: ["LoRA"], retrieval: scoreRetrieval([], golds, 5), error: "boom", latencyMs: null });
    const refused = result({
      id: "refused",
      unanswerable: true,
      answer: scoreAnswer(answer("没有", [], true), { golds: [], mustMention: [], unanswerable: true }),
      latencyMs: 300,
    });
    const s = summarize([good, broken, refused]);
    expect(s).toMatchObject({ questions: 3, answerable: 2, unanswerable: 1, errors: 1 });
    expect(s.hitAtK).toBe(0.5);
    expect(s.mrr).toBe(0.5);
    expect(s.goldRecall).toBe(0.25);
    expect(s.multiSourceGoldRecall).toBe(0.25);
    expect(s.mustMentionRecall).toBe(0.5);
    expect(s.citationHit).toBe(0.5);
    expect(s.citationPrecision).toBe(0.5);
    expect(s.abstentionAccuracy).toBe(1);
    expect(s.falseAbstentionRate).toBe(0);
    expect(s.faithfulness).toBeNull();
    expect(s.latencyMs).toEqual({ p50: 100, p95: 300, max: 300 });
    expect(s.usage).toEqual({ promptTokens: 10, completionTokens: 5, totalTokens: 15 });
  });

  it("describes what a question missed in plain sentences", () => {
    const golds = [gold("a.txt", "LoRA 与 QLoRA")];
    const failures = describeFailures(
      {
        ...result({ id: "x", mustMention: ["RLHF"] }),
        retrieval: scoreRetrieval([], golds, 5),
        answer: scoreAnswer(answer("我不知道", [], true), { golds, mustMention: ["RLHF"], unanswerable: false }),
      },
      golds,
      5,
    );
    expect(failures).toEqual([
      'no gold passage in the top 5 (expected a.txt "LoRA 与 QLoRA")',
      "abstained on an answerable question",
      "answer does not mention: RLHF",
    ]);
  });
});
