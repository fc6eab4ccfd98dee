import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareWithBaseline, loadBaseline } from "../../src/evaluation/baseline.js";
import { evaluateGates, loadGatesFile } from "../../src/evaluation/gates.js";
import { sampleRun } from "./sampleRun.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "eval-gates-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// hit@5 = 0.75 (3 of 4 answerable), must-mention 0.5, abstention accuracy 1, false abstention 0.25.
const run = sampleRun([
  { id: "a", goldRank: 1, mentions: true },
  { id: "b", goldRank: 2, mentions: true },
  { id: "c", goldRank: 1, mentions: false, abstained: true },
  { id: "d", goldRank: null, mentions: false },
  { id: "u", goldRank: null, mentions: false, unanswerable: true },
]);

describe("gates", () => {
  it("fails a gate whose metric is below its minimum, passes the others, skips unmeasured ones", () => {
    expect(run.summary.hitAtK).toBe(0.75);
    const outcomes = evaluateGates(run.summary, {
      "min-hit": 0.9,
      "min-must-mention": 0.5,
      "max-false-abstention": 0.3,
      "min-faithfulness": 0.8,
    });
    expect(outcomes.map((g) => [g.gate, g.status, g.actual])).toEqual([
      ["min-hit", "failed", 0.75],
      ["min-must-mention", "passed", 0.5],
      ["max-false-abstention", "passed", 0.25],
      ["min-faithfulness", "skipped", null],
    ]);
  });

  it("passes every gate when the thresholds are met", () => {
    const outcomes = evaluateGates(run.summary, { "min-hit": 0.75, "min-abstention-accuracy": 1, "max-errors": 0, "max-p95-ms": 100 });
    expect(outcomes.every((g) => g.status === "passed")).toBe(true);
    expect(outcomes).toHaveLength(4);
  });

  it("fails judge gates that --judge was asked for but could not measure, and counts judge errors as errors", () => {
    const allFailed = { requested: true, ran: true, attempted: 4, errors: 4 };
    const outcomes = evaluateGates(run.summary, { "min-faithfulness": 0.7, "max-judge-error-rate": 0.05, "max-errors": 0 }, allFailed);
    expect(outcomes.map((g) => [g.gate, g.status, g.actual])).toEqual([
      ["min-faithfulness", "failed", null],
      ["max-judge-error-rate", "failed", 1],
      ["max-errors", "failed", 4],
    ]);
    expect(outcomes[0]?.note).toBe("not measured: all 4 judge verdicts failed");

    // One failed verdict in 40 is within a 5% budget; no judge run at all leaves the gate unmeasured.
    const oneOff = { requested: true, ran: true, attempted: 40, errors: 1 };
    expect(evaluateGates(run.summary, { "max-judge-error-rate": 0.05 }, oneOff)[0]?.status).toBe("passed");
    const offline = { requested: true, ran: false, attempted: 0, errors: 0 };
    expect(evaluateGates(run.summary, { "min-relevance": 0.5 }, offline)[0]).toMatchObject({
      status: "failed",
      note: "not measured: the judge could not run (no model server configured)",
    });
    // Every answer abstained: nothing to judge is no judge error.
    expect(
      evaluateGates(run.summary, { "max-judge-error-rate": 0.05 }, { requested: true, ran: true, attempted: 0, errors: 0 })[0]?.status,
    ).toBe("passed");
  });

  it("loads a gates file with the flag names, and rejects unknown names and bad values", async () => {
    const good = path.join(dir, "good.json");
    await writeFile(good, JSON.stringify({ $comment: "x", "min-hit": 0.8, "max-false-abstention": 0.1, tolerance: 0.05 }));
    expect(await loadGatesFile(good)).toEqual({ thresholds: { "min-hit": 0.8, "max-false-abstention": 0.1 }, tolerance: 0.05 });

    const typo = path.join(dir, "typo.json");
    await writeFile(typo, JSON.stringify({ "min-hits": 0.8 }));
    await expect(loadGatesFile(typo)).rejects.toThrow(/min-hits/);
    const bad = path.join(dir, "bad.json");
    await writeFile(bad, JSON.stringify({ "min-hit": "high" }));
    await expect(loadGatesFile(bad)).rejects.toThrow(/min-hit/);
    await expect(loadGatesFile(path.join(dir, "none.json"))).rejects.toThrow("does not exist");
  });

  it("ships a default gates file that loads", async () => {
    const { thresholds } = await loadGatesFile("evaluation/gates.json");
    expect(thresholds["min-hit"]).toBeGreaterThan(0.5);
    expect(thresholds["max-errors"]).toBe(0);
  });
});

describe("baseline comparison", () => {
  const baseline = sampleRun([
    { id: "a", goldRank: 1, mentions: true },
    { id: "b", goldRank: 1, mentions: true },
    { id: "c", goldRank: 1, mentions: true },
    { id: "d", goldRank: 1, mentions: true },
    { id: "u", goldRank: null, mentions: false, unanswerable: true },
  ]);

  it("fails when a metric drops by more than the tolerance and lists the questions that regressed", () => {
    const comparison = compareWithBaseline(run, baseline, { tolerance: 0.02, file: "old/report.json" });
    expect(comparison.passed).toBe(false);
    const hit = comparison.metrics.find((m) => m.metric === "hitAtK")!;
    expect(hit).toMatchObject({ baseline: 1, current: 0.75, regressed: true });
    expect(hit.delta).toBeCloseTo(-0.25);
    expect(comparison.metrics.find((m) => m.metric === "falseAbstentionRate")).toMatchObject({
      baseline: 0,
      current: 0.25,
      regressed: true,
    });
    expect(comparison.regressedQuestions.map((q) => q.id)).toEqual(["b", "c", "d"]);
    expect(comparison.regressedQuestions.find((q) => q.id === "b")?.changes).toEqual(["gold passage ranked lower (rank 1 → rank 2)"]);
    expect(comparison.regressedQuestions.find((q) => q.id === "c")?.changes).toContain("now abstains on an answerable question");
    expect(comparison.regressedQuestions.find((q) => q.id === "d")?.changes).toEqual([
      "hit@k lost (rank 1 → none)",
      "gold recall 1.00 → 0.00",
      "must-mention recall 1.00 → 0.00 (missing: QLoRA)",
      "no longer cites a gold passage",
    ]);
  });

  it("passes against itself and within a generous tolerance", () => {
    expect(compareWithBaseline(run, run, { tolerance: 0, file: "x" })).toMatchObject({ passed: true, regressedQuestions: [] });
    expect(compareWithBaseline(run, baseline, { tolerance: 0.6, file: "x" }).passed).toBe(true);
  });

  it("loads a previous report.json and rejects files that are not one", async () => {
    const file = path.join(dir, "report.json");
    await writeFile(file, JSON.stringify(baseline));
    const loaded = await loadBaseline(file);
    expect(loaded.summary.hitAtK).toBe(1);
    const other = path.join(dir, "other.json");
    await writeFile(other, JSON.stringify({ results: [] }));
    await expect(loadBaseline(other)).rejects.toThrow("is not a report.json written by npm run eval");
  });
});
