import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { mergeToString } from "junit-report-merger";
import { convertJUnitToCTRFReport } from "junit-to-ctrf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareWithBaseline } from "../../src/evaluation/baseline.js";
import { finishReport, type EvaluationReport } from "../../src/evaluation/evaluationReport.js";
import { evaluateGates } from "../../src/evaluation/gates.js";
import { junitReport, xmlSafe, type JunitOptions } from "../../src/evaluation/junitReport.js";
import { sampleRun } from "./sampleRun.js";

/**
 * junit.xml read by real JUnit consumers, not only by our own parser: junit-to-ctrf (turns each
 * <testcase> into passed/failed/skipped, as CI test-report actions do) and junit-report-merger
 * (merges reports and rolls the counts up, as CI does with several jobs' results).
 */

// hit@5 = 1/3; abstention accuracy 1; q2 misses its checks, q3 is a pipeline error.
const run = sampleRun([
  { id: "q1", question: "学完 LoRA 之后该学什么? <next> & \"more\" 'x'", goldRank: 1, mentions: true },
  { id: "q2", question: "Which book | for DL?", goldRank: null, mentions: false },
  { id: "q3", goldRank: 1, mentions: true, error: "POST http://127.0.0.1:1/api/ask answered 502 (upstream_failed) <&>" },
  { id: "q4", goldRank: null, mentions: false, unanswerable: true },
]);
const passing = finishReport(run, evaluateGates(run.summary, { "min-hit": 0.3, "min-abstention-accuracy": 1, "max-errors": 1 }));
const failing = finishReport(run, evaluateGates(run.summary, { "min-hit": 0.9, "min-abstention-accuracy": 1, "max-errors": 1 }));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "eval-junit-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let written = 0;
async function writeJunit(report: EvaluationReport, options?: JunitOptions): Promise<{ file: string; xml: string }> {
  const xml = junitReport(report, options);
  const file = path.join(dir, `junit-${written++}.xml`);
  await writeFile(file, xml, "utf8");
  return { file, xml };
}

/** What a CI test reporter shows: each test's name and status, and the totals. */
async function readAsCi(file: string) {
  const ctrf = await convertJUnitToCTRFReport(file);
  if (!ctrf) throw new Error("junit-to-ctrf found no test cases");
  return { tests: ctrf.results.tests.map((t) => ({ name: t.name, status: t.status })), summary: ctrf.results.summary };
}

const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, isArray: (name) => ["testsuite", "testcase", "property"].includes(name) }).parse(xml).testsuites;

describe("junit.xml through real JUnit consumers", () => {
  it("a passing run reads green: every gate is a passed test, and question misses are no failures", async () => {
    expect(passing.passed).toBe(true);
    const { file, xml } = await writeJunit(passing);
    expect(XMLValidator.validate(xml)).toBe(true);
    const ci = await readAsCi(file);
    expect(ci.tests).toEqual([
      { name: "min-hit: hit@k ≥ 0.3", status: "passed" },
      { name: "min-abstention-accuracy: abstention accuracy ≥ 1", status: "passed" },
      { name: "max-errors: errors (pipeline + judge) ≤ 1", status: "passed" },
    ]);
    expect(ci.summary).toMatchObject({ tests: 3, passed: 3, failed: 0 });

    const merged = parse(await mergeToString([xml]));
    expect(merged["@_failures"]).toBe("0");
    expect(merged["@_errors"]).toBe("0");
    expect(merged["@_tests"]).toBe("3");
  });

  it("a failing run reads red: the failed gate is the one failed test, with the value and the threshold", async () => {
    expect(failing.passed).toBe(false);
    const { file, xml } = await writeJunit(failing);
    const ci = await readAsCi(file);
    expect(ci.tests.filter((t) => t.status === "failed").map((t) => t.name)).toEqual(["min-hit: hit@k ≥ 0.9"]);
    expect(ci.summary).toMatchObject({ tests: 3, passed: 2, failed: 1 });
    const gate = parse(xml).testsuite[0].testcase[0];
    expect(gate.failure["@_message"]).toBe("hit@k is 0.333, the gate needs ≥ 0.9");

    // Merged with the passing report (another CI job), the rolled-up totals still show the failure.
    const merged = parse(await mergeToString([(await writeJunit(passing)).xml, xml]));
    expect(merged["@_failures"]).toBe("1");
  });

  it("lists question misses in system-out by default, and as test cases only with --junit-per-question", async () => {
    const plain = parse((await writeJunit(passing)).xml);
    expect(plain.testsuite).toHaveLength(1);
    const out: string = plain.testsuite[0]["system-out"];
    expect(out).toContain("Questions with a miss (2 of 4; not gate failures)");
    expect(out).toMatch(/^q2: no gold passage in the top 5/m);
    expect(out).toMatch(/^q3: pipeline error: POST/m);

    const { file, xml } = await writeJunit(passing, { perQuestion: true });
    const ci = await readAsCi(file);
    const byName = new Map(ci.tests.map((t) => [t.name.split(":")[0], t.status]));
    expect([byName.get("q1"), byName.get("q2"), byName.get("q3"), byName.get("q4")]).toEqual(["passed", "failed", "failed", "passed"]);
    const questions = parse(xml).testsuite[1];
    expect(questions["@_name"]).toBe("roadmap-tutor.eval.questions");
    expect([questions["@_tests"], questions["@_failures"], questions["@_errors"]]).toEqual(["4", "1", "1"]);
  });

  it("makes an unmeasured gate a skipped test, a baseline regression a failed one, and says when nothing was gated", async () => {
    const judged = finishReport(run, evaluateGates(run.summary, { "min-faithfulness": 0.8 }));
    expect((await readAsCi((await writeJunit(judged)).file)).tests).toEqual([
      { name: "min-faithfulness: faithfulness (judge) ≥ 0.8", status: "skipped" },
    ]);

    const better = sampleRun([
      { id: "q1", goldRank: 1, mentions: true },
      { id: "q2", goldRank: 1, mentions: true },
      { id: "q3", goldRank: 1, mentions: true },
      { id: "q4", goldRank: null, mentions: false, unanswerable: true },
    ]);
    const regressed = finishReport(run, [], compareWithBaseline(run, better, { tolerance: 0.02, file: "base.json" }));
    const ci = await readAsCi((await writeJunit(regressed)).file);
    expect(ci.tests).toEqual([{ name: "baseline: no metric drops more than 0.02 below base.json", status: "failed" }]);

    const ungated = await readAsCi((await writeJunit(finishReport(run, []))).file);
    expect(ungated.tests).toEqual([{ name: "no gates set", status: "skipped" }]);
  });

  it("escapes CJK, quotes and <>&, and replaces characters XML cannot carry", async () => {
    const { xml } = await writeJunit(passing, { perQuestion: true });
    expect(xml).toContain('name="q1: 学完 LoRA 之后该学什么? &lt;next&gt; &amp; &quot;more&quot; &apos;x&apos;"');
    const decoded = new XMLParser({
      ignoreAttributes: false,
      processEntities: true,
      htmlEntities: true,
      isArray: (n) => n === "testcase" || n === "testsuite",
    }).parse(xml).testsuites.testsuite[1].testcase;
    expect(decoded[0]["@_name"]).toBe(`q1: 学完 LoRA 之后该学什么? <next> & "more" 'x'`);
    expect(decoded[0]["@_classname"]).toBe("roadmap-tutor.eval.questions.fact");
    expect(decoded[1]["system-out"]).toBe(`不知道 <b>&"'`);
    expect(decoded[2].error["@_message"]).toBe("POST http://127.0.0.1:1/api/ask answered 502 (upstream_failed) <&>");

    expect(xmlSafe("a\u0001b\u0000c\td")).toBe("a\uFFFDb\uFFFDc\td");
    const control = sampleRun([{ id: "c", question: "\u001b[31m红\u001b[0m", goldRank: 1, mentions: true }]);
    expect(XMLValidator.validate(junitReport(finishReport(control, []), { perQuestion: true }))).toBe(true);
  });
});
