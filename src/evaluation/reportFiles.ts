import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EvaluationReport } from "./evaluationReport.js";
import { junitReport, type JunitOptions } from "./junitReport.js";
import { markdownReport } from "./markdownReport.js";

// The report files of a run, apart from the report model so the renderers can read that model
// without an import cycle.

export const REPORT_FILES = { json: "report.json", markdown: "report.md", junit: "junit.xml" } as const;

/** Write report.json, report.md and junit.xml into `dir` (created if needed); returns their paths. */
export async function writeReports(dir: string, report: EvaluationReport, junit: JunitOptions = { perQuestion: false }): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [
    [REPORT_FILES.json, `${JSON.stringify(report, null, 2)}\n`],
    [REPORT_FILES.markdown, markdownReport(report)],
    [REPORT_FILES.junit, junitReport(report, junit)],
  ];
  await Promise.all(files.map(([name, content]) => writeFile(path.join(dir, name), content, "utf8")));
  return files.map(([name]) => path.join(dir, name));
}
