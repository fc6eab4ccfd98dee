import type { Dataset, EvalQuestion } from "./dataset.js";
import { DatasetError, type DatasetIssue } from "./dataset.js";
import { locateQuote, type LocatedGold } from "./goldMatching.js";
import type { Judge } from "./llmJudge.js";
import { describeFailures, scoreAnswer, scoreRetrieval, summarize } from "./metrics.js";
import type { AnswerResult } from "../answering/types.js";
import type { PassageRef } from "./goldMatching.js";
import type { EvalPipeline, MetricSummary, QuestionResult } from "./types.js";

export interface JudgeSetup {
  judge?: Judge;
  /** Shown in the report: the model when the judge runs, why not when it does not. */
  description: { status: "ran"; model: string } | { status: "skipped"; reason: string };
}

export interface RunEvaluationOptions {
  dataset: Dataset;
  pipeline: EvalPipeline;
  /** Cut-off of hit@k and MRR@k over the passages the answer cites. */
  k: number;
  /** Passages each answer draws on; undefined uses the product's own default, as users get it. */
  answerK?: number;
  concurrency: number;
  judge: JudgeSetup;
  /** Called as each question finishes (progress bar, plain log lines). */
  onResult?: (result: QuestionResult, done: number, total: number) => void;
  clock?: () => Date;
}

export interface EvaluationRun {
  formatVersion: 1;
  createdAt: string;
  dataset: { file: string; questions: number };
  target: string;
  /** Cut-off of hit@k and MRR@k. */
  k: number;
  /** Passages each answer drew on: the --k given, or null for the product's own default. */
  answerK: number | null;
  answerMode: "llm" | "extractive" | null;
  judge: JudgeSetup["description"];
  summary: MetricSummary;
  byKind: Record<string, MetricSummary>;
  /** Per failure class (a question with several classes counts in each); empty without classes. */
  byClass: Record<string, MetricSummary>;
  /** Per question language; empty when the dataset does not label languages. */
  byLang: Record<string, MetricSummary>;
  questions: QuestionResult[];
}

/**
 * Locate every gold quote in its source file. A quote that is not there is a dataset error
 * (exit 2): scoring against it would silently count every retrieval as a miss.
 */
export async function locateGold(dataset: Dataset, sourceText: EvalPipeline["sourceText"]): Promise<Map<string, LocatedGold[]>> {
  const located = new Map<string, LocatedGold[]>();
  const issues: DatasetIssue[] = [];
  const texts = new Map<string, Promise<string | undefined>>();
  for (const question of dataset.questions) {
    const golds: LocatedGold[] = [];
    for (const [i, gold] of question.gold.entries()) {
      let text = texts.get(gold.document);
      if (!text) texts.set(gold.document, (text = sourceText(gold.document)));
      const source = await text;
      if (source === undefined) {
        issues.push({ line: question.line, field: `gold[${i}].document`, message: `${gold.document} is not in the corpus` });
        continue;
      }
      const occurrences = locateQuote(source, gold.quote);
      if (occurrences.length === 0) {
        issues.push({ line: question.line, field: `gold[${i}].quote`, message: `not found in ${gold.document}` });
        continue;
      }
      golds.push({ ...gold, occurrences });
    }
    located.set(question.id, golds);
  }
  if (issues.length > 0) throw new DatasetError(dataset.file, issues);
  return located;
}

export async function runEvaluation(options: RunEvaluationOptions): Promise<EvaluationRun> {
  const { dataset, pipeline, k, judge, answerK } = options;
  const golds = await locateGold(dataset, (document) => pipeline.sourceText(document));
  const results = new Array<QuestionResult>(dataset.questions.length);
  let next = 0;
  let done = 0;

  const evaluateOne = async (question: EvalQuestion): Promise<QuestionResult> => {
    const located = golds.get(question.id) ?? [];
    const base = {
      id: question.id,
      question: question.question,
      kind: question.kind,
      lang: question.lang,
      classes: question.classes,
      history: question.history,
      unanswerable: question.unanswerable,
      line: question.line,
      gold: question.gold,
      mustMention: question.must_mention,
    };
    let partial: Omit<QuestionResult, "failures">;
    try {
      const outcome = await pipeline.ask(question.question, {
        ...(answerK !== undefined ? { k: answerK } : {}),
        history: question.history,
      });
      const answer = scoreAnswer(outcome.answer, {
        golds: located,
        mustMention: question.must_mention,
        unanswerable: question.unanswerable,
      });
      partial = {
        ...base,
        // What the user got: the passages the answer cites, in order (none when it refused).
        retrieval: located.length > 0 ? scoreRetrieval(citedPassages(outcome.answer), located, k) : null,
        answer,
        latencyMs: outcome.latencyMs,
        ...(outcome.answer.usage ? { usage: outcome.answer.usage } : {}),
      };
      if (judge.judge && !question.unanswerable) partial.judge = await judge.judge(question.question, outcome.answer);
    } catch (error) {
      partial = {
        ...base,
        // A failed call retrieved nothing: it counts as a miss, not as "not applicable".
        retrieval: located.length > 0 ? scoreRetrieval([], located, k) : null,
        answer: null,
        error: error instanceof Error ? error.message : String(error),
        latencyMs: null,
      };
    }
    return { ...partial, failures: describeFailures(partial, located, k) };
  };

  const worker = async () => {
    for (let i = next++; i < dataset.questions.length; i = next++) {
      const result = await evaluateOne(dataset.questions[i]!);
      results[i] = result;
      done++;
      options.onResult?.(result, done, dataset.questions.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, dataset.questions.length)) }, worker));

  const byKind = groupSummaries(results, (r) => [r.kind ?? (r.unanswerable ? "unanswerable" : "other")]);
  const byClass = groupSummaries(results, (r) => r.classes ?? []);
  const byLang = groupSummaries(results, (r) => (r.lang ? [r.lang] : []));
  const firstAnswer = results.find((r) => r.answer !== null)?.answer;
  return {
    formatVersion: 1,
    createdAt: (options.clock?.() ?? new Date()).toISOString(),
    dataset: { file: dataset.file, questions: dataset.questions.length },
    target: pipeline.target,
    k,
    answerK: options.answerK ?? null,
    answerMode: firstAnswer?.mode ?? null,
    judge: judge.description,
    summary: summarize(results),
    byKind,
    byClass,
    byLang,
    questions: results,
  };
}

/** The passages an answer was written from, in citation order, as gold matching sees them. */
export function citedPassages(answer: AnswerResult): PassageRef[] {
  return answer.citations.map((c) => ({
    source: c.source,
    text: c.text,
    startLine: c.lines.start,
    endLine: c.lines.end,
    headingPath: c.headingPath,
  }));
}

/** Summaries per group; a result may belong to several groups (classes) or none. */
function groupSummaries(
  results: readonly QuestionResult[],
  groupsOf: (result: QuestionResult) => readonly string[],
): Record<string, MetricSummary> {
  const groups = new Map<string, QuestionResult[]>();
  for (const result of results) {
    for (const group of groupsOf(result)) {
      const list = groups.get(group) ?? [];
      list.push(result);
      groups.set(group, list);
    }
  }
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([group, list]) => [group, summarize(list)]));
}
