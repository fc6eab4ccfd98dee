import { readFile } from "node:fs/promises";
import { z } from "zod";
import { BadInput } from "../errors.js";
import type { EvaluationRun } from "./runEvaluation.js";
import type { MetricName, MetricSummary, QuestionResult } from "./types.js";

/**
 * Comparing a run with a previous report.json: an aggregate metric that drops by more than the
 * tolerance fails the run, and the questions that got worse are listed so the regression can
 * be read, not just seen.
 */

const COMPARED: { metric: MetricName; label: string; higherIsBetter: boolean }[] = [
  { metric: "hitAtK", label: "hit@k", higherIsBetter: true },
  { metric: "mrr", label: "MRR", higherIsBetter: true },
  { metric: "goldRecall", label: "gold recall", higherIsBetter: true },
  { metric: "citationPrecision", label: "citation precision", higherIsBetter: true },
  { metric: "citationHit", label: "citation hit", higherIsBetter: true },
  { metric: "mustMentionRecall", label: "must-mention recall", higherIsBetter: true },
  { metric: "abstentionAccuracy", label: "abstention accuracy", higherIsBetter: true },
  { metric: "falseAbstentionRate", label: "false-abstention rate", higherIsBetter: false },
  { metric: "unanswerableCaught", label: "unanswerable caught", higherIsBetter: true },
  { metric: "answerableLowRate", label: "answerable marked low", higherIsBetter: false },
  { metric: "faithfulness", label: "faithfulness (judge)", higherIsBetter: true },
  { metric: "answerRelevance", label: "answer relevance (judge)", higherIsBetter: true },
];

export interface MetricComparison {
  metric: MetricName;
  label: string;
  baseline: number;
  current: number;
  /** current − baseline. */
  delta: number;
  regressed: boolean;
}

export interface QuestionRegression {
  id: string;
  question: string;
  /** What got worse, e.g. "hit@k lost (rank 2 → none)". */
  changes: string[];
}

export interface BaselineComparison {
  file: string;
  tolerance: number;
  metrics: MetricComparison[];
  regressedQuestions: QuestionRegression[];
  passed: boolean;
}

/** Only what the comparison reads; a report from an older run with extra fields still loads. */
const baselineSchema = z.object({
  formatVersion: z.literal(1),
  summary: z.record(z.string(), z.unknown()),
  questions: z.array(z.object({ id: z.string() }).passthrough()),
});

export async function loadBaseline(file: string): Promise<Pick<EvaluationRun, "summary" | "questions">> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BadInput(code === "ENOENT" ? `Baseline ${file} does not exist.` : `Baseline ${file} is not valid JSON.`);
  }
  if (!baselineSchema.safeParse(raw).success) throw new BadInput(`Baseline ${file} is not a report.json written by npm run eval.`);
  return raw as Pick<EvaluationRun, "summary" | "questions">;
}

export function compareWithBaseline(
  current: Pick<EvaluationRun, "summary" | "questions">,
  baseline: Pick<EvaluationRun, "summary" | "questions">,
  options: { tolerance: number; file: string },
): BaselineComparison {
  const metrics: MetricComparison[] = [];
  for (const { metric, label, higherIsBetter } of COMPARED) {
    const before = metricValue(baseline.summary, metric);
    const now = metricValue(current.summary, metric);
    if (before === null || now === null) continue;
    const delta = now - before;
    const worsening = higherIsBetter ? -delta : delta;
    metrics.push({ metric, label, baseline: before, current: now, delta, regressed: worsening > options.tolerance + 1e-9 });
  }
  const previous = new Map(baseline.questions.map((q) => [q.id, q]));
  const regressedQuestions: QuestionRegression[] = [];
  for (const question of current.questions) {
    const before = previous.get(question.id);
    if (!before) continue;
    const changes = questionChanges(before, question, options.tolerance);
    if (changes.length > 0) regressedQuestions.push({ id: question.id, question: question.question, changes });
  }
  return {
    file: options.file,
    tolerance: options.tolerance,
    metrics,
    regressedQuestions,
    passed: metrics.every((m) => !m.regressed),
  };
}

function metricValue(summary: MetricSummary, metric: MetricName): number | null {
  const value = (summary as unknown as Record<string, unknown>)[metric];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

const rankText = (rank: number | null | undefined) => (rank == null ? "none" : `rank ${rank}`);

export function questionChanges(before: QuestionResult, after: QuestionResult, tolerance: number): string[] {
  const changes: string[] = [];
  if (after.error !== undefined && before.error === undefined) changes.push(`now fails: ${after.error}`);
  const rb = before.retrieval;
  const ra = after.retrieval;
  if (rb && ra) {
    if (rb.hit && !ra.hit) changes.push(`hit@k lost (${rankText(rb.firstGoldRank)} → none)`);
    else if (ra.reciprocalRank < rb.reciprocalRank - tolerance)
      changes.push(`gold passage ranked lower (${rankText(rb.firstGoldRank)} → ${rankText(ra.firstGoldRank)})`);
    if (ra.goldRecall < rb.goldRecall - tolerance) changes.push(`gold recall ${rb.goldRecall.toFixed(2)} → ${ra.goldRecall.toFixed(2)}`);
  }
  const ab = before.answer;
  const aa = after.answer;
  if (ab && aa) {
    if (ab.abstentionCorrect && !aa.abstentionCorrect)
      changes.push(aa.abstained ? "now abstains on an answerable question" : "no longer abstains on an unanswerable question");
    if (ab.mustMentionRecall !== null && aa.mustMentionRecall !== null && aa.mustMentionRecall < ab.mustMentionRecall - tolerance) {
      changes.push(
        `must-mention recall ${ab.mustMentionRecall.toFixed(2)} → ${aa.mustMentionRecall.toFixed(2)} (missing: ${aa.missingMentions.join(", ")})`,
      );
    }
    if (ab.citationHit === true && aa.citationHit === false) changes.push("no longer cites a gold passage");
  }
  const jb = before.judge;
  const ja = after.judge;
  if (jb?.status === "judged" && ja?.status === "judged") {
    if (ja.faithfulness < jb.faithfulness - tolerance)
      changes.push(`faithfulness ${jb.faithfulness.toFixed(2)} → ${ja.faithfulness.toFixed(2)}`);
    if (ja.relevance < jb.relevance - tolerance) changes.push(`answer relevance ${jb.relevance.toFixed(2)} → ${ja.relevance.toFixed(2)}`);
  }
  return changes;
}
