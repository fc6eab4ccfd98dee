import type { AnswerResult } from "../../src/answering/types.js";
import { locateQuote } from "../../src/evaluation/goldMatching.js";
import { describeFailures, scoreAnswer, scoreRetrieval, summarize } from "../../src/evaluation/metrics.js";
import type { EvaluationRun } from "../../src/evaluation/runEvaluation.js";
import type { QuestionResult } from "../../src/evaluation/types.js";

/** Hand-made question results for reporter, gate and baseline tests. */

const SOURCE = "第一行\nLoRA 与 QLoRA\n第三行";
const GOLDS = [{ document: "a.txt", quote: "LoRA 与 QLoRA", occurrences: locateQuote(SOURCE, "LoRA 与 QLoRA") }];

function answerOf(text: string, cited: boolean, abstained = false): AnswerResult {
  return {
    answer: text,
    citations: cited
      ? [
          {
            n: 1,
            id: "c1",
            docId: "d",
            source: "a.txt",
            title: "t",
            headingPath: [],
            lines: { start: 2, end: 2 },
            text: "LoRA 与 QLoRA",
            role: "match",
          },
        ]
      : [],
    abstained,
    confidence: abstained ? "none" : "high",
    mode: "extractive",
    language: "zh",
    standaloneQuestion: "q",
    removedCitations: 0,
    timings: { retrieveMs: 1, generateMs: 0 },
  };
}

export interface SampleQuestion {
  id: string;
  question?: string;
  /** Rank of the gold passage in the retrieved list (null: not retrieved). */
  goldRank: number | null;
  mentions: boolean;
  unanswerable?: boolean;
  abstained?: boolean;
  error?: string;
}

export function sampleResult(q: SampleQuestion): QuestionResult {
  const unanswerable = q.unanswerable ?? false;
  const base = {
    id: q.id,
    question: q.question ?? `question ${q.id}`,
    kind: unanswerable ? ("unanswerable" as const) : ("fact" as const),
    unanswerable,
    line: 1,
    gold: unanswerable ? [] : [{ document: "a.txt", quote: "LoRA 与 QLoRA" }],
    mustMention: unanswerable ? [] : ["QLoRA"],
    latencyMs: 20,
  };
  const golds = unanswerable ? [] : GOLDS;
  const filler = { source: "a.txt", startLine: 1, endLine: 1, text: "第一行" };
  const goldPassage = { source: "a.txt", startLine: 2, endLine: 2, text: "LoRA 与 QLoRA" };
  const retrieved = q.goldRank === null ? [filler] : [...Array.from({ length: q.goldRank - 1 }, () => filler), goldPassage];
  const partial: Omit<QuestionResult, "failures"> =
    q.error !== undefined
      ? { ...base, retrieval: unanswerable ? null : scoreRetrieval([], golds, 5), answer: null, error: q.error, latencyMs: null }
      : {
          ...base,
          retrieval: unanswerable ? null : scoreRetrieval(retrieved, golds, 5),
          answer: scoreAnswer(answerOf(q.mentions ? "用 QLoRA [1]" : "不知道 <b>&\"'", q.goldRank !== null, q.abstained ?? unanswerable), {
            golds,
            mustMention: base.mustMention,
            unanswerable,
          }),
        };
  return { ...partial, failures: describeFailures(partial, golds, 5) };
}

export function sampleRun(questions: SampleQuestion[]): EvaluationRun {
  const results = questions.map(sampleResult);
  return {
    formatVersion: 1,
    createdAt: "2025-01-01T00:00:00.000Z",
    dataset: { file: "tests/eval/sample.jsonl", questions: results.length },
    target: "in-process (extractive)",
    k: 5,
    answerK: null,
    answerMode: "extractive",
    judge: { status: "skipped", reason: "--judge not given" },
    summary: summarize(results),
    byKind: { fact: summarize(results.filter((r) => !r.unanswerable)), unanswerable: summarize(results.filter((r) => r.unanswerable)) },
    byClass: {},
    byLang: {},
    questions: results,
  };
}
