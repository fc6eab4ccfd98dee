import { access, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JUDGE_SYSTEM_PROMPT } from "../../src/evaluation/judgePrompts.js";
import { runEvalCli } from "../../src/evaluation/evalCli.js";
import type { EvaluationReport } from "../../src/evaluation/evaluationReport.js";
import { buildTestIndex, type BuiltTestIndex } from "../support/buildTestIndex.js";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "../support/fakeOpenAiServer.js";
import { openPipeline } from "../../src/tutor.js";

const SMALL = "tests/fixtures/evaluation/small.jsonl";

let built: BuiltTestIndex;
let env: Record<string, string>;
let out: string;

beforeAll(async () => {
  built = await buildTestIndex();
  out = await mkdtemp(path.join(os.tmpdir(), "eval-cli-"));
  // buildTestIndex copies the corpus next to the index.
  env = { INDEX_DIR: built.indexDir, CORPUS_DIR: path.join(path.dirname(built.indexDir), "corpus"), LOG_LEVEL: "silent" };
});

afterAll(async () => {
  await built?.cleanup();
  await rm(out, { recursive: true, force: true });
});

async function evalCli(argv: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  stdout.on("data", (c: Buffer) => chunks.stdout.push(c));
  stderr.on("data", (c: Buffer) => chunks.stderr.push(c));
  const code = await runEvalCli({ openProduct: openPipeline, argv, env: { ...env, ...extraEnv }, stdout, stderr, tty: false });
  return { code, stdout: Buffer.concat(chunks.stdout).toString("utf8"), stderr: Buffer.concat(chunks.stderr).toString("utf8") };
}

const readReport = async (dir: string) => JSON.parse(await readFile(path.join(dir, "report.json"), "utf8")) as EvaluationReport;

describe("npm run eval, in-process on a temp index", () => {
  it("runs every question, writes the three reports and exits 0 when the gates pass", async () => {
    const dir = path.join(out, "pass");
    const result = await evalCli([
      "--dataset",
      SMALL,
      "--report",
      dir,
      "--min-hit",
      "0.5",
      "--min-abstention-accuracy",
      "1",
      "--max-errors",
      "0",
    ]);
    expect(result.stderr).toContain("Evaluating 4 questions");
    expect(result.stderr).toMatch(/\[4\/4\] (ok {2}|miss)/);
    expect(result.stderr).not.toContain("FAIL");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("PASSED");
    const report = await readReport(dir);
    expect(report.questions.map((q) => q.id)).toEqual(["lora-next", "dl-book", "rag", "bread"]);
    expect(report.summary).toMatchObject({ questions: 4, answerable: 3, unanswerable: 1, errors: 0, abstentionAccuracy: 1 });
    expect(report.summary.hitAtK).toBeGreaterThanOrEqual(0.5);
    expect(report.answerMode).toBe("extractive");
    expect(report.judge).toEqual({ status: "skipped", reason: "--judge not given" });
    expect(report.gates.map((g) => g.status)).toEqual(["passed", "passed", "passed"]);
    expect(report.questions.find((q) => q.id === "rag")?.retrieval?.top).toHaveLength(5);
    expect(report.questions.every((q) => Number.isInteger(q.latencyMs))).toBe(true);
    await access(path.join(dir, "report.md"));
    const junit = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === "testcase" }).parse(
      await readFile(path.join(dir, "junit.xml"), "utf8"),
    );
    // Each gate is a test case, and none failed: CI reporters show the run green.
    const cases = junit.testsuites.testsuite.testcase as Record<string, unknown>[];
    expect(cases.map((c) => c["@_name"])).toEqual([
      "min-hit: hit@k ≥ 0.5",
      "min-abstention-accuracy: abstention accuracy ≥ 1",
      "max-errors: errors (pipeline + judge) ≤ 0",
    ]);
    expect(cases.some((c) => "failure" in c || "error" in c)).toBe(false);
  });

  it('says "no gates" when nothing was gated, instead of PASSED after a list of misses', async () => {
    const dir = path.join(out, "ungated");
    const result = await evalCli(["--dataset", SMALL, "--report", dir, "--k", "1"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^no gates: nothing was checked against a threshold/m);
    expect(result.stdout).not.toMatch(/PASSED|FAILED/);
    expect(await readFile(path.join(dir, "report.md"), "utf8")).toContain("## Roadmap Tutor evaluation: no gates (measured only)");
    // --k sets both the passages each answer draws on and the hit@k cut-off.
    const report = await readReport(dir);
    expect([report.answerK, report.k]).toEqual([1, 1]);
    expect(result.stdout).toContain("answers at k=1 · hit@1");
  });

  it("without --k, answers with the product's own RETRIEVAL_K and scores hit@5 over what they cite", async () => {
    const dir = path.join(out, "product-k");
    const result = await evalCli(["--dataset", SMALL, "--report", dir], { RETRIEVAL_K: "7" });
    expect(result.code).toBe(0);
    const report = await readReport(dir);
    expect([report.answerK, report.k]).toEqual([null, 5]);
    expect(report.target).toContain("RETRIEVAL_K 7");
    expect(result.stdout).toContain("answers at the product's k · hit@5");
    expect(await readFile(path.join(dir, "report.md"), "utf8")).toContain("answers at the product's k · hit@5");
    for (const q of report.questions) expect(q.retrieval?.top.length ?? 0, q.id).toBeLessThanOrEqual(5);
  });

  it("exits 1 when a gate fails, and says which", async () => {
    const dir = path.join(out, "gate-fails");
    const result = await evalCli(["--dataset", SMALL, "--report", dir, "--gates", "evaluation/gates.json", "--max-p95-ms", "0"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/latency p95\s+\d+ ms\s+≤ 0 FAIL/);
    const report = await readReport(dir);
    expect(report.passed).toBe(false);
    expect(report.gates.find((g) => g.gate === "max-p95-ms")?.status).toBe("failed");
    expect(await readFile(path.join(dir, "report.md"), "utf8")).toContain("FAILED ❌");
  });

  it("exits 1 against a better baseline and lists the question that regressed", async () => {
    const baseDir = path.join(out, "base");
    expect((await evalCli(["--dataset", SMALL, "--report", baseDir])).code).toBe(0);
    // The baseline claims both gold sources of dl-book were found: at k = 1 that is impossible.
    const baseline = await readReport(baseDir);
    const book = baseline.questions.find((q) => q.id === "dl-book")!;
    book.retrieval = { ...book.retrieval!, goldRecall: 1, goldFound: [true, true] };
    baseline.summary.goldRecall = 1;
    const baselineFile = path.join(out, "baseline.json");
    await writeFile(baselineFile, JSON.stringify(baseline));

    const dir = path.join(out, "regressed");
    const result = await evalCli(["--dataset", SMALL, "--report", dir, "--k", "1", "--baseline", baselineFile, "--tolerance", "0.02"]);
    expect(result.code).toBe(1);
    const report = await readReport(dir);
    expect(report.baseline?.passed).toBe(false);
    expect(report.baseline?.metrics.find((m) => m.metric === "goldRecall")?.regressed).toBe(true);
    const regression = report.baseline?.regressedQuestions.find((q) => q.id === "dl-book");
    expect(regression?.changes.join("; ")).toMatch(/gold recall 1\.00 → 0\.(50|00)/);
    expect(result.stdout).toContain("REGRESSED");
    expect(await readFile(path.join(dir, "report.md"), "utf8")).toContain("**dl-book**");
  });

  it("exits 2 on bad input: unknown flag, bad value, missing dataset, quotes not in the corpus", async () => {
    expect((await evalCli(["--nope"])).code).toBe(2);
    const badK = await evalCli(["--k", "0"]);
    expect(badK.code).toBe(2);
    expect(badK.stderr).toContain("--k must be an integer from 1 to 20");
    const missing = await evalCli(["--dataset", "tests/fixtures/evaluation/absent.jsonl"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("does not exist");
    const quotes = await evalCli(["--dataset", "tests/fixtures/evaluation/missing-quote.jsonl", "--report", path.join(out, "never")]);
    expect(quotes.code).toBe(2);
    expect(quotes.stderr).toContain(
      "tests/fixtures/evaluation/missing-quote.jsonl:2: gold[0].quote: not found in roadmaps/000_33fd4ca31d6b3655.txt",
    );
    expect(quotes.stderr).toContain("missing-quote.jsonl:3: gold[0].document: roadmaps/999_missing.txt is not in the corpus");
    await expect(access(path.join(out, "never"))).rejects.toThrow();
  });

  it("prints the usage with --help", async () => {
    const help = await evalCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--base-url URL");
    expect(help.stdout).toContain("--min-hit X");
  });
});

describe("npm run eval --judge with a model server (fake OpenAI-compatible server)", () => {
  let server: FakeOpenAiServer;
  beforeAll(async () => {
    server = await startFakeOpenAiServer({
      chat: (body) => {
        if (body.messages?.[0]?.content === JUDGE_SYSTEM_PROMPT) {
          return {
            kind: "text",
            content:
              '{"claims":[{"claim":"c","supported":true,"citations":[1]},{"claim":"d","supported":false,"citations":[]}],"relevance":0.75,"reasoning":"r"}',
          };
        }
        return {
          kind: "text",
          content: "根据资料，可以参考这一段 [1]。",
          usage: { prompt_tokens: 100, completion_tokens: 10, total_tokens: 110 },
        };
      },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers with the model, judges every answered question and saves the verdicts", async () => {
    const dir = path.join(out, "judged");
    const modelEnv = { OPENAI_BASE_URL: server.baseURL, OPENAI_MAX_RETRIES: "0", CHAT_MODEL: "answer-model", JUDGE_MODEL: "judge-model" };
    const result = await evalCli(["--dataset", SMALL, "--report", dir, "--judge", "--concurrency", "2"], modelEnv);
    expect(result.code).toBe(0);
    const report = await readReport(dir);
    expect(report.answerMode).toBe("llm");
    expect(report.judge).toEqual({ status: "ran", model: "judge-model" });
    const judged = report.questions.filter((q) => q.judge?.status === "judged");
    expect(judged.length).toBeGreaterThan(0);
    for (const q of judged) expect(q.judge).toMatchObject({ faithfulness: 0.5, relevance: 0.75, reasoning: "r" });
    expect(report.summary.faithfulness).toBe(0.5);
    expect(report.summary.answerRelevance).toBe(0.75);
    expect(report.summary.usage?.promptTokens).toBeGreaterThanOrEqual(100);
    const judgeCalls = server.requests.filter((r) => r.body?.model === "judge-model");
    expect(judgeCalls.length).toBe(judged.length);
  });

  it("reports the judge as skipped offline, never faked", async () => {
    const dir = path.join(out, "offline-judge");
    expect((await evalCli(["--dataset", SMALL, "--report", dir, "--judge"])).code).toBe(0);
    const report = await readReport(dir);
    expect(report.judge).toEqual({ status: "skipped", reason: "no model server configured (set OPENAI_BASE_URL or OPENAI_API_KEY)" });
    expect(report.summary.faithfulness).toBeNull();
    expect(report.questions.some((q) => q.judge !== undefined)).toBe(false);
  });
});

describe("npm run eval --judge with a broken judge (replies that are not the JSON verdict)", () => {
  let server: FakeOpenAiServer;
  beforeAll(async () => {
    server = await startFakeOpenAiServer({
      chat: (body) =>
        body.messages?.[0]?.content === JUDGE_SYSTEM_PROMPT
          ? { kind: "text", content: 'Sure! The answer looks faithful to me. {"claims": [' }
          : { kind: "text", content: "根据资料，可以参考这一段 [1]。" },
    });
  });
  afterAll(async () => {
    await server.close();
  });
  const modelEnv = () => ({ OPENAI_BASE_URL: server.baseURL, OPENAI_MAX_RETRIES: "0", CHAT_MODEL: "answer-model" });

  it("fails the run (exit 1) even with no judge gate set: every verdict errored", async () => {
    const dir = path.join(out, "broken-judge");
    const result = await evalCli(["--dataset", SMALL, "--report", dir, "--judge"], modelEnv());
    expect(result.code).toBe(1);
    const report = await readReport(dir);
    const attempted = report.questions.filter((q) => q.judge?.status === "error").length;
    expect(attempted).toBeGreaterThan(0);
    expect(report.judgeHealth).toEqual({ requested: true, ran: true, attempted, errors: attempted });
    expect(report.gates).toEqual([expect.objectContaining({ gate: "max-judge-error-rate", threshold: 0.05, actual: 1, status: "failed" })]);
    expect(result.stdout).toMatch(new RegExp(`judge verdicts failed\\s+${attempted}/${attempted}\\s+≤ 0.05 FAIL`));
    expect(result.stdout).toMatch(/^FAILED$/m);
    const junit = await readFile(path.join(dir, "junit.xml"), "utf8");
    expect(junit).toMatch(
      /<testcase classname="roadmap-tutor.eval.gates" name="max-judge-error-rate: judge error rate ≤ 0.05" time="0">\s*<failure/,
    );
  });

  it("fails judge gates as not measured instead of skipping them, and counts judge errors in --max-errors", async () => {
    const dir = path.join(out, "broken-judge-gates");
    const result = await evalCli(
      ["--dataset", SMALL, "--report", dir, "--judge", "--min-faithfulness", "0.7", "--max-errors", "0", "--max-judge-error-rate", "1"],
      modelEnv(),
    );
    expect(result.code).toBe(1);
    const report = await readReport(dir);
    const byGate = Object.fromEntries(report.gates.map((g) => [g.gate, g.status]));
    expect(byGate).toEqual({ "min-faithfulness": "failed", "max-judge-error-rate": "passed", "max-errors": "failed" });
    expect(report.summary.errors).toBe(0);
    expect(report.gates.find((g) => g.gate === "max-errors")?.actual).toBe(report.judgeHealth?.errors);
    expect(result.stdout).toMatch(/faithfulness \(judge\)\s+n\/a\s+≥ 0.7 \(not measured: all \d+ judge verdicts failed\) FAIL/);
    expect(result.stdout).toMatch(/errors \(pipeline \+ judge\)\s+0 \+ \d+\s+≤ 0 FAIL/);
  });
});

// scripts/eval.ts as a process (exit 0 and the three reports; exit 2 on a bad flag): evalCli.smoke.test.ts.
