import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/evaluation/dataset.js";
import { openHttpPipeline } from "../../src/evaluation/httpPipeline.js";
import { openInProcessPipeline } from "../../src/evaluation/inProcessPipeline.js";
import { runEvaluation, type EvaluationRun } from "../../src/evaluation/runEvaluation.js";
import type { EvalPipeline, MetricSummary } from "../../src/evaluation/types.js";
import { buildTestApp, type TestApp } from "../support/buildTestApp.js";
import { openPipeline } from "../../src/tutor.js";

/**
 * In-process and --base-url runs on the same index must measure the same thing: both answer
 * each question once and score the passages the answer cites. (Before, in-process scored
 * retrieve() with roadmap context and HTTP scored /api/search: sequence hit@5 1.00 vs 0.11.)
 */

const PRODUCT_K = 4;
let testApp: TestApp;
const runs: Record<string, EvaluationRun> = {};

async function evaluate(pipeline: EvalPipeline): Promise<EvaluationRun> {
  try {
    return await runEvaluation({
      dataset: await loadDataset("tests/fixtures/evaluation/parity.jsonl"),
      pipeline,
      // No answerK: both runs ask as users do, with the product's own k (RETRIEVAL_K below).
      k: 5,
      concurrency: 2,
      judge: { description: { status: "skipped", reason: "test" } },
    });
  } finally {
    await pipeline.close();
  }
}

const withoutLatency = ({ latencyMs: _latency, ...rest }: MetricSummary) => rest;

beforeAll(async () => {
  // A product k under the hit@5 cut-off, so answering at the eval's cut-off instead would show.
  testApp = await buildTestApp({ env: { RETRIEVAL_K: String(PRODUCT_K) } });
  const baseUrl = await testApp.app.listen({ host: "127.0.0.1", port: 0 });
  runs.http = await evaluate(await openHttpPipeline({ baseUrl }));
  runs.inProcess = await evaluate(await openInProcessPipeline(openPipeline, testApp.config));
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("in-process and HTTP evaluation on the same index", () => {
  it("give identical metrics, overall and per class and language", () => {
    expect(withoutLatency(runs.inProcess!.summary)).toEqual(withoutLatency(runs.http!.summary));
    for (const group of ["byKind", "byClass", "byLang"] as const) {
      const strip = (r: EvaluationRun) => Object.fromEntries(Object.entries(r[group]).map(([k, s]) => [k, withoutLatency(s)]));
      expect(strip(runs.inProcess!)).toEqual(strip(runs.http!));
    }
    expect(runs.inProcess!.summary.hitAtK).toBeGreaterThan(0);
  });

  it("score the same cited passages for every question, follow-ups included", () => {
    for (const [i, q] of runs.inProcess!.questions.entries()) {
      const other = runs.http!.questions[i]!;
      expect(q.id).toBe(other.id);
      expect(q.retrieval?.top, q.id).toEqual(other.retrieval?.top);
      expect(q.answer?.citations, q.id).toEqual(other.answer?.citations);
      expect(q.answer?.confidence, q.id).toBe(other.answer?.confidence);
      expect(q.answer?.text, q.id).toBe(other.answer?.text);
    }
    // The sequence question's roadmap context (the next stage) is what the answer cites.
    const next = runs.http!.questions.find((q) => q.id === "p-next")!;
    expect(next.retrieval?.hit).toBe(true);
    // The follow-up was asked after its history: its answer is about RAG's neighbourhood, not empty.
    expect(runs.http!.questions.find((q) => q.id === "p-follow")?.answer?.citations.length).toBeGreaterThan(0);
  });

  it("score the answers users get: the citations of POST /api/ask without k, at the product's RETRIEVAL_K", async () => {
    expect(runs.inProcess!.answerK).toBeNull();
    for (const q of runs.http!.questions.filter((r) => !r.history?.length)) {
      const response = await testApp.app.inject({ method: "POST", url: "/api/ask", payload: { question: q.question } });
      const asked = response.json<{ citations: { source: string; lines: { start: number; end: number } }[] }>();
      const cited = asked.citations.map((c) => ({ source: c.source, lines: c.lines }));
      expect(
        q.answer?.citations.map((c) => ({ source: c.source, lines: c.lines })),
        q.id,
      ).toEqual(cited);
      expect(new Set(cited.map((c) => `${c.source}:${c.lines.start}`)).size, q.id).toBeLessThanOrEqual(PRODUCT_K);
    }
  });
});
