import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/evaluation/dataset.js";
import { runEvalCli } from "../../src/evaluation/evalCli.js";
import type { EvaluationReport } from "../../src/evaluation/evaluationReport.js";
import { openHttpPipeline } from "../../src/evaluation/httpPipeline.js";
import { runEvaluation } from "../../src/evaluation/runEvaluation.js";
import { buildTestApp, type TestApp } from "../support/buildTestApp.js";

let testApp: TestApp;
let baseUrl: string;
let out: string;

beforeAll(async () => {
  testApp = await buildTestApp();
  baseUrl = await testApp.app.listen({ host: "127.0.0.1", port: 0 });
  out = await mkdtemp(path.join(os.tmpdir(), "eval-http-"));
});

afterAll(async () => {
  await testApp?.close();
  await rm(out, { recursive: true, force: true });
});

async function evalCli(argv: string[]): Promise<{ code: number; stderr: string }> {
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  stderr.on("data", (c: Buffer) => chunks.push(c));
  const code = await runEvalCli({ argv, env: { LOG_LEVEL: "silent" }, stdout: new PassThrough(), stderr, tty: false });
  return { code, stderr: Buffer.concat(chunks).toString("utf8") };
}

describe("evaluating a running server over HTTP (--base-url)", () => {
  it("answers with /api/ask (scoring its citations) and locates gold in /api/documents", async () => {
    const pipeline = await openHttpPipeline({ baseUrl });
    const text = await pipeline.sourceText("roadmaps/000_33fd4ca31d6b3655.txt");
    expect(text).toContain("RAG：检索增强生成");
    expect(await pipeline.sourceText("roadmaps/none.txt")).toBeUndefined();

    const run = await runEvaluation({
      dataset: await loadDataset("tests/fixtures/evaluation/small.jsonl"),
      pipeline,
      k: 5,
      concurrency: 2,
      judge: { description: { status: "skipped", reason: "test" } },
    });
    expect(run.target).toBe(baseUrl);
    expect(run.summary).toMatchObject({ questions: 4, errors: 0, abstentionAccuracy: 1 });
    expect(run.summary.hitAtK).toBeGreaterThanOrEqual(0.5);
    const rag = run.questions.find((q) => q.id === "rag")!;
    expect(rag.retrieval?.top.length).toBeGreaterThan(0);
    expect(rag.answer?.citations.length).toBeGreaterThan(0);
    expect(rag.latencyMs).toBeGreaterThan(0);
  });

  it("runs the CLI against the server and exits 0", async () => {
    const dir = path.join(out, "cli");
    const result = await evalCli(["--dataset", "tests/fixtures/evaluation/small.yaml", "--base-url", baseUrl, "--report", dir, "--min-abstention-accuracy", "1"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(await readFile(path.join(dir, "report.json"), "utf8")) as EvaluationReport;
    expect(report.target).toBe(baseUrl);
    expect(report.questions.map((q) => q.id)).toEqual(["rag", "bread"]);
  });

  it("exits 2 when the server cannot be reached or the URL is not http", async () => {
    const unreachable = await evalCli(["--dataset", "tests/fixtures/evaluation/small.jsonl", "--base-url", "http://127.0.0.1:1", "--report", path.join(out, "never")]);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain("Cannot reach http://127.0.0.1:1 (GET /healthz");
    const notHttp = await evalCli(["--dataset", "tests/fixtures/evaluation/small.jsonl", "--base-url", "ftp://example.org"]);
    expect(notHttp.code).toBe(2);
    expect(notHttp.stderr).toContain("is not an http(s) URL");
  });
});
