import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/evaluation/dataset.js";
import { runEvalCli } from "../../src/evaluation/evalCli.js";
import type { EvaluationReport } from "../../src/evaluation/evaluationReport.js";
import { openHttpPipeline, type BusyWait } from "../../src/evaluation/httpPipeline.js";
import { runEvaluation } from "../../src/evaluation/runEvaluation.js";
import { buildTestApp, type TestApp } from "../support/buildTestApp.js";
import { openPipeline } from "../../src/tutor.js";

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

async function evalCli(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  stderr.on("data", (c: Buffer) => chunks.push(c));
  const code = await runEvalCli({
    openProduct: openPipeline,
    argv,
    env: { LOG_LEVEL: "silent", ...env },
    stdout: new PassThrough(),
    stderr,
    tty: false,
  });
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
    const result = await evalCli([
      "--dataset",
      "tests/fixtures/evaluation/small.yaml",
      "--base-url",
      baseUrl,
      "--report",
      dir,
      "--min-abstention-accuracy",
      "1",
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(await readFile(path.join(dir, "report.json"), "utf8")) as EvaluationReport;
    expect(report.target).toBe(baseUrl);
    expect(report.questions.map((q) => q.id)).toEqual(["rag", "bread"]);
  });

  it("exits 2 when the server cannot be reached or the URL is not http", async () => {
    const unreachable = await evalCli([
      "--dataset",
      "tests/fixtures/evaluation/small.jsonl",
      "--base-url",
      "http://127.0.0.1:1",
      "--report",
      path.join(out, "never"),
    ]);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain("Cannot reach http://127.0.0.1:1 (GET /healthz");
    const notHttp = await evalCli(["--dataset", "tests/fixtures/evaluation/small.jsonl", "--base-url", "ftp://example.org"]);
    expect(notHttp.code).toBe(2);
    expect(notHttp.stderr).toContain("is not an http(s) URL");
  });
});

describe("--base-url against a server with API keys and a tight rate limit", () => {
  let limited: TestApp;
  let url: string;
  beforeAll(async () => {
    // 3 requests per client per 2 s: the 2-question run needs about 7, so it must wait.
    limited = await buildTestApp({ env: { API_KEYS: "eval-key-0123456789", RATE_LIMIT_MAX: "3", RATE_LIMIT_WINDOW: "2s" } });
    url = await limited.app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it("sends EVAL_API_KEY from the config, and prints every 429 wait with the server's reason and how long", async () => {
    const dir = path.join(out, "limited");
    const args = ["--dataset", "tests/fixtures/evaluation/small.yaml", "--base-url", url, "--report", dir, "--concurrency", "1"];
    const result = await evalCli(args, { EVAL_API_KEY: "eval-key-0123456789" });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^\[wait\] (GET|POST) \/api\/\S+ answered 429 rate_limited \(rate limited\): waiting \d+ seconds? as its Retry-After asks, retry 1 of 5$/m,
    );
    expect(result.stderr).toContain("Set EVAL_API_KEY to a key of the server's API_KEYS");
    expect(result.stderr).not.toContain("eval-key-0123456789");
    const report = JSON.parse(await readFile(path.join(dir, "report.json"), "utf8")) as EvaluationReport;
    expect(report.summary.errors).toBe(0);

    const withoutKey = await evalCli(args);
    expect(withoutKey.code).toBe(2);
    expect(withoutKey.stderr).toMatch(/answered 401/);
  }, 60_000);
});

describe("openHttpPipeline's waits (scripted fetch and clock)", () => {
  it("reports each wait, and measures the answer's latency on the call that succeeded, not the wait", async () => {
    let clock = 0;
    let askCalls = 0;
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
    const fakeFetch = (async (input: URL | RequestInfo) => {
      const route = new URL(input instanceof Request ? input.url : input).pathname;
      if (route === "/healthz") return json(200, { status: "ok" });
      if (route === "/api/search") return json(200, { results: [] });
      askCalls++;
      if (askCalls === 1) {
        clock += 900; // the server took 900 ms to refuse
        return json(429, { error: { code: "rate_limited", message: "slow down" } }, { "retry-after": "1" });
      }
      clock += 7;
      return json(200, { answer: "a", citations: [], abstained: false, mode: "extractive" });
    }) as typeof fetch;
    const waits: BusyWait[] = [];
    const pipeline = await openHttpPipeline({
      baseUrl: "http://tutor.test",
      fetch: fakeFetch,
      now: () => clock,
      onBusy: (w) => waits.push(w),
    });
    const outcome = await pipeline.ask("q", { k: 5, history: [] });
    expect(waits).toEqual([
      { request: "POST /api/ask", status: 429, code: "rate_limited", waitMs: 1000, fromRetryAfter: true, attempt: 1, maxAttempts: 5 },
    ]);
    expect(outcome.latencyMs).toBe(7);
  });
});
