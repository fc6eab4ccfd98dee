import type { BaselineComparison } from "./baseline.js";
import type { GateName, GateOutcome } from "./gates.js";
import type { JudgeHealth } from "./judgeHealth.js";
import type { EvaluationRun } from "./runEvaluation.js";
import type { MetricSummary } from "./types.js";

/** Everything one run produced: report.json is exactly this object. */
export interface EvaluationReport extends EvaluationRun {
  gates: GateOutcome[];
  baseline?: BaselineComparison;
  /** How many judge verdicts were asked for and how many failed (present when --judge was given). */
  judgeHealth?: JudgeHealth;
  /** Every gate passed (or was skipped) and the baseline comparison, if any, passed. */
  passed: boolean;
}

export function finishReport(
  run: EvaluationRun,
  gates: GateOutcome[],
  baseline?: BaselineComparison,
  judgeHealth?: JudgeHealth,
): EvaluationReport {
  const passed = gates.every((g) => g.status !== "failed") && (baseline?.passed ?? true);
  return { ...run, gates, ...(baseline ? { baseline } : {}), ...(judgeHealth?.requested ? { judgeHealth } : {}), passed };
}

/** Nothing was gated: the run measured, and its verdict means nothing. */
export function ungated(report: Pick<EvaluationReport, "gates" | "baseline">): boolean {
  return report.gates.length === 0 && report.baseline === undefined;
}

/** Metric rows shared by the console table and report.md, in reading order. */
export interface MetricRow {
  key: string;
  label: string;
  value: string;
  gate?: GateName;
}

/** How many passages the answers drew on and where hit/MRR were cut, for report headers. */
export function passagesText(report: Pick<EvaluationRun, "k" | "answerK">): string {
  return `answers at ${report.answerK === null ? "the product's k" : `k=${report.answerK}`} · hit@${report.k}`;
}

export function metricRows(summary: MetricSummary, k: number, judge?: JudgeHealth): MetricRow[] {
  const judged = judge?.ran === true;
  const ratio = (v: number | null) => (v === null ? "n/a" : v.toFixed(3));
  const ms = (v: number | null) => (v === null ? "n/a" : `${Math.round(v)} ms`);
  return [
    { key: "hitAtK", gate: "min-hit", label: `hit@${k}`, value: ratio(summary.hitAtK) },
    { key: "mrr", gate: "min-mrr", label: `MRR@${k}`, value: ratio(summary.mrr) },
    { key: "goldRecall", gate: "min-gold-recall", label: "gold recall", value: ratio(summary.goldRecall) },
    {
      key: "multiSourceGoldRecall",
      gate: "min-multi-source-recall",
      label: "gold recall (multi-source)",
      value: ratio(summary.multiSourceGoldRecall),
    },
    { key: "citationPrecision", gate: "min-citation-precision", label: "citation precision", value: ratio(summary.citationPrecision) },
    { key: "citationHit", gate: "min-citation-hit", label: "gold among citations", value: ratio(summary.citationHit) },
    { key: "mustMentionRecall", gate: "min-must-mention", label: "must-mention recall", value: ratio(summary.mustMentionRecall) },
    { key: "abstentionAccuracy", gate: "min-abstention-accuracy", label: "abstention accuracy", value: ratio(summary.abstentionAccuracy) },
    {
      key: "falseAbstentionRate",
      gate: "max-false-abstention",
      label: "answerable refused (false abstention)",
      value: ratio(summary.falseAbstentionRate),
    },
    {
      key: "unanswerableCaught",
      gate: "min-unanswerable-caught",
      label: "unanswerable caught (refused or low)",
      value: ratio(summary.unanswerableCaught),
    },
    { key: "answerableLowRate", gate: "max-answerable-low", label: "answerable marked low", value: ratio(summary.answerableLowRate) },
    { key: "faithfulness", gate: "min-faithfulness", label: "faithfulness (judge)", value: ratio(summary.faithfulness) },
    { key: "answerRelevance", gate: "min-relevance", label: "answer relevance (judge)", value: ratio(summary.answerRelevance) },
    ...(judged
      ? [
          {
            key: "judgeErrors",
            gate: "max-judge-error-rate" as const,
            label: "judge verdicts failed",
            value: `${judge.errors}/${judge.attempted}`,
          },
        ]
      : []),
    { key: "latencyP50", label: "latency p50", value: ms(summary.latencyMs.p50) },
    { key: "latencyP95", gate: "max-p95-ms", label: "latency p95", value: ms(summary.latencyMs.p95) },
    judged
      ? { key: "errors", gate: "max-errors", label: "errors (pipeline + judge)", value: `${summary.errors} + ${judge.errors}` }
      : { key: "errors", gate: "max-errors", label: "pipeline errors", value: String(summary.errors) },
    ...(summary.usage
      ? [{ key: "usage", label: "tokens (prompt/completion)", value: `${summary.usage.promptTokens}/${summary.usage.completionTokens}` }]
      : []),
  ];
}

/** The label a gate row carries in tables: "≥ 0.900 ✅". */
export function gateCell(gate: GateOutcome | undefined): string {
  if (!gate) return "";
  const sign = gate.bound === "min" ? "≥" : "≤";
  const mark = gate.status === "passed" ? "pass" : gate.status === "failed" ? "FAIL" : "skipped (not measured)";
  // The note goes before the mark: report.md swaps a trailing "FAIL" for ❌.
  return `${sign} ${gate.threshold}${gate.status === "failed" && gate.note ? ` (${gate.note})` : ""} ${mark}`;
}
