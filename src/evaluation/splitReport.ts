import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ungated, type EvaluationReport } from "./evaluationReport.js";
import { HEADLINE_METRICS, metricOf, type GapRow } from "./splits.js";
import type { MetricSummary } from "./types.js";

/**
 * The comparison of several splits in one run: the headline metrics per split, per class and
 * per language, and the tune − test gap. Printed after the per-split tables and written as
 * splits.json / splits.md next to the per-split report folders.
 */

export interface SplitRun {
  name: string;
  file: string;
  /** Where this split's report.json, report.md and junit.xml are. */
  dir: string;
  report: EvaluationReport;
}

export interface SplitsSummary {
  splits: {
    name: string;
    file: string;
    dir: string;
    passed: boolean;
    summary: MetricSummary;
    byClass: Record<string, MetricSummary>;
    byLang: Record<string, MetricSummary>;
  }[];
  /** Present when both tune and test ran. */
  gap?: { maxGap: number; rows: GapRow[]; passed: boolean; gated: boolean };
  passed: boolean;
}

interface Row {
  group: string;
  summary: MetricSummary;
}

function rowsOf(run: SplitRun): Row[] {
  return [
    { group: run.name, summary: run.report.summary },
    ...Object.entries(run.report.byClass).map(([name, summary]) => ({ group: `${run.name} class ${name}`, summary })),
    ...Object.entries(run.report.byLang).map(([name, summary]) => ({ group: `${run.name} lang ${name}`, summary })),
  ];
}

const ratio = (v: number | null) => (v === null ? "–" : v.toFixed(2));
const points = (v: number | null) => (v === null ? "–" : `${v >= 0 ? "+" : ""}${(v * 100).toFixed(1)}`);

function headlineCells(summary: MetricSummary): string[] {
  return [String(summary.questions), ...HEADLINE_METRICS.map(({ metric }) => ratio(metricOf(summary, metric)))];
}

function headers(k: number): string[] {
  return ["split / group", "n", ...HEADLINE_METRICS.map((m) => m.short.replace("@k", `@${k}`))];
}

/** Plain-text headline table (per split, class and language) and the gap, for the console. */
export function splitsText(runs: readonly SplitRun[], summary: SplitsSummary, k: number): string {
  const table = [headers(k), ...runs.flatMap(rowsOf).map((r) => [r.group, ...headlineCells(r.summary)])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const lines = table.map((row) =>
    `  ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")}`.trimEnd(),
  );
  const out = ["Headline metrics by split, class and language:", ...lines];
  if (summary.gap) {
    const { maxGap, rows, gated } = summary.gap;
    out.push(`tune − test gap (points; flagged above ${(maxGap * 100).toFixed(0)}${gated ? ", gated" : ""}):`);
    const width = Math.max(...rows.map((r) => r.label.length));
    for (const row of rows) {
      out.push(
        `  ${row.label.padEnd(width)} tune ${ratio(row.tune)}  test ${ratio(row.test)}  gap ${points(row.gap).padStart(6)}${row.flagged ? "  FLAG" : ""}`,
      );
    }
  }
  out.push(
    `splits: ${runs.map((r) => `${r.name} ${splitVerdict(r.report)}`).join(", ")}${summary.gap && !summary.gap.passed ? ", gap FAILED" : ""}`,
  );
  out.push(measuredOnly(runs, summary) ? "no gates: every split was measured only" : summary.passed ? "PASSED" : "FAILED", "");
  return out.join("\n");
}

export function splitsMarkdown(runs: readonly SplitRun[], summary: SplitsSummary, k: number): string {
  const head = headers(k);
  const verdict = measuredOnly(runs, summary) ? "no gates (measured only)" : summary.passed ? "PASSED ✅" : "FAILED ❌";
  const lines = [`## Roadmap Tutor evaluation, ${runs.length} splits: ${verdict}`, ""];
  for (const run of runs)
    lines.push(
      `- **${run.name}**: \`${run.file}\` → \`${run.dir}/report.md\` ${ungated(run.report) ? "(measured only)" : run.report.passed ? "✅" : "❌"}`,
    );
  lines.push("", "Retrieval metrics score the passages the answer cites (what the user gets), not a separate search.", "");
  lines.push(`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`);
  for (const row of runs.flatMap(rowsOf)) lines.push(`| ${[row.group, ...headlineCells(row.summary)].join(" | ")} |`);
  if (summary.gap) {
    lines.push(
      "",
      `### tune − test gap (flagged above ${(summary.gap.maxGap * 100).toFixed(0)} points)`,
      "",
      "| Metric | tune | test | gap (points) |",
      "|---|---:|---:|---:|",
    );
    for (const row of summary.gap.rows)
      lines.push(`| ${row.label} | ${ratio(row.tune)} | ${ratio(row.test)} | ${points(row.gap)}${row.flagged ? " ⚠️" : ""} |`);
  }
  lines.push("");
  return lines.join("\n");
}

export async function writeSplitsReports(dir: string, runs: readonly SplitRun[], summary: SplitsSummary, k: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [
    ["splits.json", `${JSON.stringify(summary, null, 2)}\n`],
    ["splits.md", splitsMarkdown(runs, summary, k)],
  ];
  await Promise.all(files.map(([name, content]) => writeFile(path.join(dir, name), content, "utf8")));
  return files.map(([name]) => path.join(dir, name));
}

/** A split with no gate and no baseline was measured, not judged: its "pass" means nothing. */
function splitVerdict(report: EvaluationReport): string {
  return ungated(report) ? "measured only" : report.passed ? "passed" : "FAILED";
}

/** Nothing in the whole run was checked against a threshold. */
function measuredOnly(runs: readonly SplitRun[], summary: SplitsSummary): boolean {
  return runs.every((r) => ungated(r.report)) && !(summary.gap?.gated ?? false);
}
