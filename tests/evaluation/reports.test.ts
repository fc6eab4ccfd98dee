import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareWithBaseline } from "../../src/evaluation/baseline.js";
import { summaryTable } from "../../src/evaluation/consoleReporter.js";
import { finishReport } from "../../src/evaluation/evaluationReport.js";
import { writeReports } from "../../src/evaluation/reportFiles.js";
import { evaluateGates } from "../../src/evaluation/gates.js";
import { markdownReport } from "../../src/evaluation/markdownReport.js";
import { sampleRun } from "./sampleRun.js";

const run = sampleRun([
  { id: "q1", question: "学完 LoRA 之后该学什么? <next> & \"more\" 'x'", goldRank: 1, mentions: true },
  { id: "q2", question: "Which book | for DL?", goldRank: null, mentions: false },
  { id: "q3", goldRank: 1, mentions: true, error: "POST http://127.0.0.1:1/api/ask answered 502 (upstream_failed) <&>" },
  { id: "q4", goldRank: null, mentions: false, unanswerable: true },
]);
const report = finishReport(run, evaluateGates(run.summary, { "min-hit": 0.9, "min-abstention-accuracy": 1 }));

describe("Markdown report", () => {
  it("leads with the verdict, shows gates, per-kind rows and the worst questions with what they missed", () => {
    const md = markdownReport(report);
    expect(md.split("\n")[0]).toBe("## Roadmap Tutor evaluation: FAILED ❌");
    expect(md).toContain("| hit@5 | 0.333 | ≥ 0.9 ❌ |");
    expect(md).toContain("| abstention accuracy | 1.000 | ≥ 1 ✅ |");
    expect(md).toMatch(/\| unanswerable \| 1 \|/);
    expect(md).toContain("### Worst questions (2 of 2 with a problem)");
    // The errored question scores 0, so it is listed first; pipes in questions are escaped.
    const worst = md
      .split("### Worst questions")[1]!
      .split("\n")
      .filter((l) => l.startsWith("| q"));
    expect(worst[0]).toMatch(/^\| q3 \| question q3 \| 0\.00 \| pipeline error: /);
    expect(worst[1]).toContain("Which book \\| for DL?");
  });

  it("lists the questions that regressed against a baseline", () => {
    const better = sampleRun([
      { id: "q1", goldRank: 1, mentions: true },
      { id: "q2", goldRank: 1, mentions: true },
      { id: "q3", goldRank: 1, mentions: true },
      { id: "q4", goldRank: null, mentions: false, unanswerable: true },
    ]);
    const md = markdownReport(finishReport(run, [], compareWithBaseline(run, better, { tolerance: 0.02, file: "base.json" })));
    expect(md).toContain("### Baseline `base.json` (tolerance 0.02): regressed ❌");
    expect(md).toMatch(/- \*\*q2\*\* Which book \\\| for DL\?: hit@k lost \(rank 1 → none\)/);
  });
});

describe("writeReports and the console table", () => {
  it("writes report.json (the whole report), report.md and junit.xml", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "eval-reports-"));
    try {
      const files = await writeReports(path.join(dir, "nested"), report);
      expect(files.map((f) => path.basename(f))).toEqual(["report.json", "report.md", "junit.xml"]);
      const json = JSON.parse(await readFile(files[0]!, "utf8"));
      expect(json).toEqual(JSON.parse(JSON.stringify(report)));
      expect(json.passed).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("prints metrics with their gates and the verdict", () => {
    const table = summaryTable(report);
    expect(table).toMatch(/hit@5\s+0\.333\s+≥ 0\.9 FAIL/);
    expect(table).toMatch(/judge skipped: --judge not given/);
    expect(table.trimEnd().endsWith("FAILED")).toBe(true);
  });
});
