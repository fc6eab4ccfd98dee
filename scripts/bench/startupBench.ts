import { ingestCorpus } from "../../src/ingest/ingestCorpus.js";
import { ingestOptions } from "../../src/tutor.js";
import { FIRST_QUESTIONS, firstQuestionTimer } from "./firstQuestions.js";
import type { BenchmarkReport } from "./report.js";
import { measureStartToReady } from "./startToReady.js";
import { percentile, round } from "./stats.js";
import { checkTarget } from "./targets.js";
import { benchEnv, BUNDLED_CORPUS_DIR, createWorkspace } from "./workspace.js";

/**
 * Start to ready as a user meets it (`npm start` on an existing index of the bundled corpus):
 * the built server spawned `runs` times in fresh processes, each timed to its first 200 from
 * /readyz, with the Node that runs the benchmark (put another Node first on PATH to measure it).
 * Each ready server then gets the first question of each kind (firstQuestions.ts), what a learner
 * meets after a start, before it is stopped.
 */
export async function runStartupBench({ quick }: { quick: boolean }): Promise<BenchmarkReport> {
  const started = performance.now();
  const workspace = await createWorkspace("startup", { corpusSource: BUNDLED_CORPUS_DIR });
  try {
    await ingestCorpus(ingestOptions(workspace.config));
    const firsts = firstQuestionTimer();
    const startup = await measureStartToReady({
      env: benchEnv({ CORPUS_DIR: workspace.corpusDir, INDEX_DIR: workspace.indexDir }),
      runs: quick ? 1 : 5,
      buildIfStale: true,
      afterReady: firsts.ask,
    });
    if (!startup) throw new Error("dist/ is not built");
    const sorted = [...startup.runsMs].sort((a, b) => a - b);
    return {
      benchmark: "startup",
      seconds: round((performance.now() - started) / 1000, 1),
      results: { node: process.version, startToReadyMs: startup, firstQuestions: firsts.times },
      targets: [
        checkTarget("startToReady", startup.medianMs, {
          quick,
          note: `Node ${process.version}, median of ${startup.runsMs.length}: ${startup.runsMs.join(", ")} ms`,
        }),
      ],
      tables: [
        {
          title: `Start to ready, built server, existing index of the bundled corpus (Node ${process.version})`,
          header: ["runs", "median ms", "min ms", "max ms", "each ms"],
          rows: [[startup.runsMs.length, startup.medianMs, sorted[0] ?? 0, sorted[sorted.length - 1] ?? 0, startup.runsMs.join(", ")]],
        },
        {
          title: "The first question of each kind after ready, then a second of the same kind (in this order, each server)",
          header: ["kind", "route", "first question", "first median ms", "second median ms", "first ms each"],
          rows: FIRST_QUESTIONS.map(({ kind, route, first }) => {
            const { firstMs, secondMs } = firsts.times[kind]!;
            return [kind, `/api/${route}`, first, medianOf(firstMs), medianOf(secondMs), firstMs.join(", ")];
          }),
        },
      ],
      findings: [],
    };
  } finally {
    await workspace.cleanup();
  }
}

function medianOf(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}
