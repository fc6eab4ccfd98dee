import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { MachineDescription } from "./machine.js";
import type { Revision } from "./revision.js";
import { allTargets, type BenchmarkName, type TargetResult } from "./targets.js";

export interface Table {
  title: string;
  header: string[];
  rows: (string | number)[][];
}

/** What one benchmark returns: raw measurements, the targets it covers, and tables to print. */
export interface BenchmarkReport {
  benchmark: BenchmarkName;
  seconds: number;
  results: Record<string, unknown>;
  targets: TargetResult[];
  tables: Table[];
  /** Where the time goes, when a target is missed or something stands out. */
  findings: string[];
}

export interface RunContext {
  quick: boolean;
  machine: MachineDescription;
  /** The product version measured (src/ changes make `dirty` true). */
  revision: Revision;
  generatedAt: string;
}

export interface BenchmarkFile extends Omit<BenchmarkReport, "tables"> {
  generatedAt: string;
  quick: boolean;
  machine: MachineDescription;
  revision: Revision;
}

export interface SummaryFile {
  generatedAt: string;
  quick: boolean;
  machine: MachineDescription;
  revision: Revision;
  targets: TargetResult[];
  benchmarks: Partial<
    Record<BenchmarkName, { generatedAt: string; seconds: number; results: Record<string, unknown>; findings: string[] }>
  >;
}

/** The combined file: `reference.json` for a full run (the committed reference), `summary.json` for --quick. */
export function summaryFileName(quick: boolean): string {
  return quick ? "summary.json" : "reference.json";
}

/**
 * Writes `<out>/<benchmark>.json` for each report and merges them into the combined file, so
 * re-running one benchmark (`npm run bench -- http`) refreshes its part and keeps the others.
 */
export async function writeResults(outDir: string, context: RunContext, reports: readonly BenchmarkReport[]): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const report of reports) {
    const { tables: _tables, ...rest } = report;
    const file: BenchmarkFile = {
      generatedAt: context.generatedAt,
      quick: context.quick,
      machine: context.machine,
      revision: context.revision,
      ...rest,
    };
    const target = path.join(outDir, `${report.benchmark}.json`);
    await writeFile(target, `${JSON.stringify(file, null, 2)}\n`);
    written.push(target);
  }

  const summaryPath = path.join(outDir, summaryFileName(context.quick));
  const previous = await readSummary(summaryPath);
  const benchmarks: SummaryFile["benchmarks"] = { ...(previous?.benchmarks ?? {}) };
  const measured = new Map((previous?.targets ?? []).filter((t) => t.measured !== null).map((t) => [t.id, t]));
  for (const report of reports) {
    benchmarks[report.benchmark] = {
      generatedAt: context.generatedAt,
      seconds: report.seconds,
      results: report.results,
      findings: report.findings,
    };
    for (const t of report.targets) measured.set(t.id, t);
  }
  const summary: SummaryFile = {
    generatedAt: context.generatedAt,
    quick: context.quick,
    machine: context.machine,
    revision: context.revision,
    targets: allTargets([...measured.values()]),
    benchmarks,
  };
  await writeFile(summaryPath, `${JSON.stringify(summary, null, 2)}\n`);
  written.push(summaryPath);
  return written;
}

async function readSummary(file: string): Promise<SummaryFile | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as SummaryFile;
  } catch {
    return undefined;
  }
}

export function formatTable(table: Table): string {
  const cells = [table.header, ...table.rows.map((row) => row.map(formatCell))];
  const widths = table.header.map((_, col) => Math.max(...cells.map((row) => displayWidth(row[col] ?? ""))));
  const line = (row: string[]) => row.map((cell, col) => pad(cell, widths[col] ?? 0, col > 0)).join("  ");
  return [table.title, line(table.header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

export function targetsTable(targets: readonly TargetResult[]): Table {
  return {
    title: "Targets",
    header: ["target", "goal", "measured", "met"],
    rows: targets.map((t) => [
      t.name,
      t.target,
      t.measured === null ? "-" : `${formatCell(t.measured)} ${t.unit}`,
      t.met === null ? (t.measured === null ? "not run" : "n/a (quick)") : t.met ? "yes" : "NO",
    ]),
  };
}

function formatCell(value: string | number): string {
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "-";
  if (Number.isInteger(value)) return value.toLocaleString("en-US");
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** CJK characters take two terminal columns. */
function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}
