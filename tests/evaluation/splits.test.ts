import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runEvalCli } from "../../src/evaluation/evalCli.js";
import type { EvaluationReport } from "../../src/evaluation/evaluationReport.js";
import type { SplitsSummary } from "../../src/evaluation/splitReport.js";
import { DEFAULT_SPLIT_FILES, loadSplit, resolveSplits, tuneTestGap } from "../../src/evaluation/splits.js";
import { loadDataset } from "../../src/evaluation/dataset.js";
import { summarize } from "../../src/evaluation/metrics.js";
import { buildTestIndex, type BuiltTestIndex } from "../support/buildTestIndex.js";
import { sampleResult } from "./sampleRun.js";
import { openPipeline } from "../../src/tutor.js";

const TUNE = "tests/fixtures/evaluation/splits/tune.jsonl";
const TEST = "tests/fixtures/evaluation/splits/test.jsonl";
const SMALL = "tests/fixtures/evaluation/small.jsonl";

let built: BuiltTestIndex;
let env: Record<string, string>;
let out: string;

beforeAll(async () => {
  built = await buildTestIndex();
  out = await mkdtemp(path.join(os.tmpdir(), "eval-splits-"));
  env = { INDEX_DIR: built.indexDir, CORPUS_DIR: path.join(path.dirname(built.indexDir), "corpus"), LOG_LEVEL: "silent" };
});

afterAll(async () => {
  await built?.cleanup();
  await rm(out, { recursive: true, force: true });
});

async function evalCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  stdout.on("data", (c: Buffer) => chunks.stdout.push(c));
  stderr.on("data", (c: Buffer) => chunks.stderr.push(c));
  const code = await runEvalCli({ openProduct: openPipeline, argv, env, stdout, stderr, tty: false });
  return { code, stdout: Buffer.concat(chunks.stdout).toString("utf8"), stderr: Buffer.concat(chunks.stderr).toString("utf8") };
}

describe("choosing the splits", () => {
  it("runs dev, tune and test by default, skipping a default blind file that is not there yet", async () => {
    const notes: string[] = [];
    const missing = path.join(out, "absent.jsonl");
    const specs = await resolveSplits({ datasets: [], files: {} }, (n) => notes.push(n), { dev: SMALL, tune: TUNE, test: missing });
    expect(specs).toEqual([
      { name: "dev", file: SMALL },
      { name: "tune", file: TUNE },
    ]);
    expect(notes.join("")).toContain(`Skipping the test split: ${missing} does not exist`);
  });

  it("names --dataset splits by file name and keeps an explicitly given path even when absent (the loader reports it)", async () => {
    const specs = await resolveSplits({ datasets: ["a/tune.jsonl", "b/tune.jsonl", "c/q.yaml"], files: {} }, () => {}, {
      dev: "x",
      tune: "y",
      test: "z",
    });
    expect(specs.map((s) => s.name)).toEqual(["tune", "tune-2", "q"]);
    const explicit = await resolveSplits({ datasets: [], files: { test: "nope.jsonl" } }, () => {}, {
      dev: SMALL,
      tune: path.join(out, "none"),
      test: "z",
    });
    expect(explicit).toEqual([
      { name: "dev", file: SMALL },
      { name: "test", file: "nope.jsonl" },
    ]);
  });
});

describe("the tune − test gap", () => {
  it("is tune minus test per headline metric, flagged above the limit in either direction", () => {
    const tune = summarize([
      sampleResult({ id: "a", goldRank: 1, mentions: true }),
      sampleResult({ id: "b", goldRank: 1, mentions: true }),
    ]);
    const test = summarize([
      sampleResult({ id: "a", goldRank: 1, mentions: true }),
      sampleResult({ id: "b", goldRank: null, mentions: true }),
    ]);
    const rows = tuneTestGap(tune, test, 0.05);
    const hit = rows.find((r) => r.metric === "hitAtK")!;
    expect(hit).toMatchObject({ tune: 1, test: 0.5, gap: 0.5, flagged: true });
    expect(rows.find((r) => r.metric === "mustMentionRecall")).toMatchObject({ gap: 0, flagged: false });
    expect(tuneTestGap(test, tune, 0.05).find((r) => r.metric === "hitAtK")).toMatchObject({ gap: -0.5, flagged: true });
  });
});

describe("npm run eval with several splits", () => {
  it("reports each split in its own folder, per class and language, and flags the tune − test gap", async () => {
    const dir = path.join(out, "three");
    const result = await evalCli(["--dev", SMALL, "--tune", TUNE, "--test", TEST, "--report", dir]);
    // The gap is flagged but not gated without --max-gap or a gates file entry.
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("(tune split)");
    for (const split of ["dev", "tune", "test"]) {
      const report = JSON.parse(await readFile(path.join(dir, split, "report.json"), "utf8")) as EvaluationReport;
      expect(report.questions.length).toBeGreaterThan(0);
    }
    const tune = JSON.parse(await readFile(path.join(dir, "tune", "report.json"), "utf8")) as EvaluationReport;
    expect(Object.keys(tune.byLang)).toEqual(["en", "zh-Hans"]);
    expect(Object.keys(tune.byClass)).toEqual(["off_topic", "plain"]);
    expect(tune.summary).toMatchObject({ hitAtK: 1, unanswerableCaught: 1 });

    const summary = JSON.parse(await readFile(path.join(dir, "splits.json"), "utf8")) as SplitsSummary;
    expect(summary.splits.map((s) => s.name)).toEqual(["dev", "tune", "test"]);
    const hit = summary.gap?.rows.find((r) => r.metric === "hitAtK");
    expect(hit).toMatchObject({ tune: 1, test: 0, gap: 1, flagged: true });
    expect(result.stdout).toMatch(/tune class plain\s+1\s+1\.00/);
    expect(result.stdout).toMatch(/hit@k \(gold in the first k cited\)\s+tune 1\.00\s+test 0\.00\s+gap\s+\+100\.0\s+FLAG/);
    expect(await readFile(path.join(dir, "splits.md"), "utf8")).toContain("| test lang en |");
  });

  it("fails the run when the gap is gated (--max-gap, or max-tune-test-gap in the gates file)", async () => {
    const flagged = await evalCli(["--dataset", TUNE, "--dataset", TEST, "--report", path.join(out, "gated"), "--max-gap", "0.05"]);
    expect(flagged.code).toBe(1);
    expect(flagged.stdout).toContain("gap FAILED");
    const gates = path.join(out, "gates.json");
    await writeFile(gates, JSON.stringify({ "max-tune-test-gap": 0.05, splits: { test: { "min-hit": 0 } } }));
    expect((await evalCli(["--dataset", TUNE, "--dataset", TEST, "--report", path.join(out, "gated2"), "--gates", gates])).code).toBe(1);
  });

  it("holds each split to its own gates: a split's section replaces the top-level thresholds", async () => {
    const gates = path.join(out, "split-gates.json");
    await writeFile(gates, JSON.stringify({ "min-hit": 0.99, splits: { test: { "max-false-abstention": 1 } } }));
    const result = await evalCli(["--dataset", TUNE, "--dataset", TEST, "--report", path.join(out, "per-split"), "--gates", gates]);
    const tune = JSON.parse(await readFile(path.join(out, "per-split", "tune", "report.json"), "utf8")) as EvaluationReport;
    const test = JSON.parse(await readFile(path.join(out, "per-split", "test", "report.json"), "utf8")) as EvaluationReport;
    expect(tune.gates.map((g) => g.gate)).toEqual(["min-hit"]);
    expect(test.gates.map((g) => g.gate)).toEqual(["max-false-abstention"]);
    expect(result.code).toBe(0);
  });

  it("rejects --dataset together with --tune, and a bad --max-gap", async () => {
    const both = await evalCli(["--dataset", TUNE, "--tune", TUNE]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("do not combine it with --dev, --tune or --test");
    const gap = await evalCli(["--max-gap", "5"]);
    expect(gap.code).toBe(2);
    expect(gap.stderr).toContain("--max-gap must be a number from 0 to 1");
  });
});

describe("later blind sets join the default splits", () => {
  it("scores every default file of a split that exists, as one split", async () => {
    const notes: string[] = [];
    const absent = path.join(out, "absent-c.jsonl");
    const specs = await resolveSplits({ datasets: [], files: {} }, (n) => notes.push(n), {
      dev: SMALL,
      tune: [TUNE, TEST, absent],
      test: [absent],
    });
    expect(specs).toEqual([
      { name: "dev", file: SMALL },
      { name: "tune", file: TUNE, extraFiles: [TEST] },
    ]);
    const tune = await loadSplit(specs[1]!);
    const parts = await Promise.all([TUNE, TEST].map((f) => loadDataset(f)));
    expect(tune.questions.map((q) => q.id)).toEqual(parts.flatMap((p) => p.questions.map((q) => q.id)));
    expect(tune.file).toBe(`${TUNE} + ${TEST}`);
  });

  it("refuses a split whose files share a question id", async () => {
    await expect(loadSplit({ name: "tune", file: TUNE, extraFiles: [TUNE] })).rejects.toThrow(/is in both/);
  });

  it("includes the third blind set's halves by default", () => {
    expect([DEFAULT_SPLIT_FILES.tune].flat()).toContain("tests/eval/blind/tune-c.jsonl");
    expect([DEFAULT_SPLIT_FILES.test].flat()).toContain("tests/eval/blind/test-c.jsonl");
  });
});
