import type { EvaluationReport } from "./evaluationReport.js";
import { gateCell, metricRows, passagesText, ungated } from "./evaluationReport.js";
import { questionScore } from "./metrics.js";
import type { MetricSummary } from "./types.js";

/** How many of the worst questions report.md lists. */
const WORST_SHOWN = 10;

/** A table cell: pipes and newlines would break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ").trim();
}

const ratio = (v: number | null) => (v === null ? "n/a" : v.toFixed(2));

/**
 * The run as Markdown, short enough for a CI job summary or a PR comment: verdict, metrics
 * with their gates, per-kind breakdown, baseline changes, and the worst questions with what
 * they missed.
 */
export function markdownReport(report: EvaluationReport): string {
  const { summary } = report;
  const lines: string[] = [];
  lines.push(
    `## Roadmap Tutor evaluation: ${ungated(report) ? "no gates (measured only)" : report.passed ? "PASSED ✅" : "FAILED ❌"}`,
    "",
  );
  const judge = report.judge.status === "ran" ? `judge: ${report.judge.model}` : `judge: skipped (${report.judge.reason})`;
  lines.push(
    `Dataset \`${report.dataset.file}\`: ${summary.questions} questions (${summary.answerable} answerable, ${summary.unanswerable} unanswerable) · ` +
      `target ${report.target} · answers: ${report.answerMode ?? "none"} · ${passagesText(report)} · ${judge}`,
    "",
  );

  const gates = new Map(report.gates.map((g) => [g.gate, g]));
  lines.push("| Metric | Value | Gate |", "|---|---:|---|");
  for (const row of metricRows(summary, report.k, report.judgeHealth)) {
    const gate = row.gate ? gates.get(row.gate) : undefined;
    const mark = gate
      ? gateCell(gate)
          .replace(/ pass$/, " ✅")
          .replace(/ FAIL$/, " ❌")
      : "";
    lines.push(`| ${row.label} | ${row.value} | ${mark} |`);
  }
  lines.push("");

  lines.push(
    "### By kind",
    "",
    "| Kind | Questions | hit@k | MRR | Must-mention | Citation hit | Abstention acc. | False abst. |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const [kind, s] of Object.entries(report.byKind).sort(([a], [b]) => a.localeCompare(b))) lines.push(kindRow(kind, s));
  lines.push("");

  if (report.baseline) {
    const b = report.baseline;
    lines.push(`### Baseline \`${b.file}\` (tolerance ${b.tolerance}): ${b.passed ? "no regression ✅" : "regressed ❌"}`, "");
    lines.push("| Metric | Baseline | Now | Δ |", "|---|---:|---:|---:|");
    for (const m of b.metrics) {
      const delta = `${m.delta >= 0 ? "+" : ""}${m.delta.toFixed(3)}`;
      lines.push(`| ${m.label} | ${m.baseline.toFixed(3)} | ${m.current.toFixed(3)} | ${delta}${m.regressed ? " ❌" : ""} |`);
    }
    lines.push("");
    if (b.regressedQuestions.length > 0) {
      lines.push("Questions that got worse:", "");
      for (const q of b.regressedQuestions) lines.push(`- **${q.id}** ${cell(q.question)}: ${cell(q.changes.join("; "))}`);
      lines.push("");
    }
  }

  const worst = report.questions
    .filter((q) => q.failures.length > 0)
    .map((q) => ({ q, score: questionScore(q) }))
    .sort((a, b) => a.score - b.score || a.q.line - b.q.line)
    .slice(0, WORST_SHOWN);
  const failing = report.questions.filter((q) => q.failures.length > 0).length;
  if (worst.length === 0) {
    lines.push("Every question passed every check.");
  } else {
    lines.push(
      `### Worst questions (${worst.length} of ${failing} with a problem)`,
      "",
      "| Id | Question | Score | What went wrong |",
      "|---|---|---:|---|",
    );
    for (const { q, score } of worst)
      lines.push(`| ${q.id} | ${cell(q.question)} | ${score.toFixed(2)} | ${cell(q.failures.join("; "))} |`);
  }
  lines.push("");
  return lines.join("\n");
}

function kindRow(kind: string, s: MetricSummary): string {
  return `| ${kind} | ${s.questions} | ${ratio(s.hitAtK)} | ${ratio(s.mrr)} | ${ratio(s.mustMentionRecall)} | ${ratio(s.citationHit)} | ${ratio(s.abstentionAccuracy)} | ${ratio(s.falseAbstentionRate)} |`;
}
