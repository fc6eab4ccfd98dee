import cliProgress from "cli-progress";
import type { EvaluationReport } from "./evaluationReport.js";
import { gateCell, metricRows, passagesText, ungated } from "./evaluationReport.js";
import type { QuestionResult } from "./types.js";

export interface ConsoleOutput {
  write(text: string): void;
}

export interface ProgressReporter {
  onResult(result: QuestionResult, done: number, total: number): void;
  stop(): void;
}

/**
 * Progress while the run goes: a cli-progress bar on a terminal, one plain line per question
 * otherwise (CI logs keep every line; a redrawn bar would be noise there).
 */
export function createProgressReporter(options: {
  tty: boolean;
  stream: NodeJS.WritableStream & ConsoleOutput;
  total: number;
}): ProgressReporter {
  if (options.tty) {
    const bar = new cliProgress.SingleBar(
      { stream: options.stream, format: "eval [{bar}] {value}/{total} {id} {status}", hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(options.total, 0, { id: "", status: "" });
    return {
      onResult: (result, done) => bar.update(done, { id: result.id, status: result.failures.length === 0 ? "ok" : "miss" }),
      stop: () => bar.stop(),
    };
  }
  const width = String(options.total).length;
  return {
    onResult: (result, done, total) => options.stream.write(`[${String(done).padStart(width)}/${total}] ${questionLine(result)}\n`),
    stop: () => {},
  };
}

export function questionLine(result: QuestionResult): string {
  // "miss", not "FAIL": a question that missed a check does not fail the run; only gates do.
  const parts: string[] = [result.failures.length === 0 ? "ok  " : "miss", result.id];
  if (result.retrieval) parts.push(result.retrieval.firstGoldRank === null ? "gold: none" : `gold: rank ${result.retrieval.firstGoldRank}`);
  if (result.answer) {
    if (result.answer.mustMentionRecall !== null)
      parts.push(`mentions ${result.mustMention.length - result.answer.missingMentions.length}/${result.mustMention.length}`);
    parts.push(result.answer.abstained ? "abstained" : `${result.answer.citations.length} citations`);
  }
  if (result.latencyMs !== null) parts.push(`${Math.round(result.latencyMs)} ms`);
  if (result.failures.length > 0) parts.push(`— ${result.failures.join("; ")}`);
  return parts.join("  ");
}

/** The summary table printed at the end of a run. */
export function summaryTable(report: EvaluationReport): string {
  const gates = new Map(report.gates.map((g) => [g.gate, g]));
  const rows = metricRows(report.summary, report.k, report.judgeHealth).map(
    (row) => [row.label, row.value, gateCell(row.gate ? gates.get(row.gate) : undefined)] as const,
  );
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const lines = rows.map(([label, value, gate]) => `  ${label.padEnd(w0)}  ${value.padStart(w1)}  ${gate}`.trimEnd());
  const judge = report.judge.status === "ran" ? `judge ${report.judge.model}` : `judge skipped: ${report.judge.reason}`;
  const header = `${report.summary.questions} questions · ${report.target} · ${passagesText(report)} · ${judge}`;
  const baseline = report.baseline
    ? [
        `  baseline ${report.baseline.file}: ${report.baseline.passed ? "no regression" : "REGRESSED"}` +
          report.baseline.metrics
            .filter((m) => m.regressed)
            .map((m) => `\n    ${m.label} ${m.baseline.toFixed(3)} → ${m.current.toFixed(3)}`)
            .join(""),
        ...report.baseline.regressedQuestions.map((q) => `    ${q.id}: ${q.changes.join("; ")}`),
      ]
    : [];
  const verdict = ungated(report)
    ? "no gates: nothing was checked against a threshold (use --gates FILE, a --min-…/--max-… flag or --baseline)"
    : report.passed
      ? "PASSED"
      : "FAILED";
  return [header, ...lines, ...baseline, verdict, ""].join("\n");
}
