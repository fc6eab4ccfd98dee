import { openPipeline } from "../../src/tutor.js";
import { BENCH_QUESTIONS } from "./queries.js";
import type { BenchmarkReport } from "./report.js";
import { candidatesFor, measureRetrievalStages } from "./retrievalStages.js";
import { round, summarize, timeCalls } from "./stats.js";
import { BUNDLED_CORPUS_DIR, createWorkspace } from "./workspace.js";

/**
 * In-process latency over the bundled corpus: each retrieval stage, the retriever's search and
 * retrieve, and the offline `ask` (retrieval + extractive answer), sequentially, no HTTP.
 */
export async function runRetrievalBench({ quick }: { quick: boolean }): Promise<BenchmarkReport> {
  const started = performance.now();
  const workspace = await createWorkspace("retrieval", { corpusSource: BUNDLED_CORPUS_DIR });
  try {
    const { config } = workspace;
    const tutor = await openPipeline(config, { buildIfMissing: true });
    const index = tutor.index.current();
    const run = { iterations: quick ? 16 : 800, warmup: quick ? 4 : 50 };
    const candidates = candidatesFor(config.RETRIEVAL_K, index.chunks.length);

    const stages = await measureRetrievalStages(index, tutor.retriever, BENCH_QUESTIONS, {
      ...run,
      k: config.RETRIEVAL_K,
      maxChunksPerSection: config.MAX_CHUNKS_PER_SECTION,
    });
    const retrieve = summarize(await timeCalls(BENCH_QUESTIONS, (q) => tutor.retriever.retrieve(q), run));
    const generateMs: number[] = [];
    const abstained = new Set<string>();
    const ask = summarize(
      await timeCalls(
        BENCH_QUESTIONS,
        async (question) => {
          const result = await tutor.answerer.answer({ question });
          generateMs.push(result.timings.generateMs);
          if (result.abstained) abstained.add(question);
        },
        run,
      ),
    );
    // generateMs was also pushed during warmup; keep the measured calls only.
    const answer = summarize(generateMs.slice(run.warmup));

    const rows: [string, ReturnType<typeof summarize>][] = [
      ["query analysis + expansion", stages.analyze],
      ["embed query (local)", stages.embedQuery],
      [`dense HNSW top ${candidates}`, stages.dense],
      [`lexical BM25 top ${candidates} (as written + expanded)`, stages.lexical],
      ["fusion + diverse selection", stages.fusion],
      ["search (whole)", stages.search],
      ["retrieve (search + roadmap context)", retrieve],
      ["answer stage (extractive)", answer],
      ["ask (retrieve + answer)", ask],
    ];
    const parts = stages.analyze.p50Ms + stages.embedQuery.p50Ms + stages.dense.p50Ms + stages.lexical.p50Ms + stages.fusion.p50Ms;
    const findings = [
      stages.search.p50Ms > parts
        ? `search p50 ${stages.search.p50Ms} ms; the stages add up to ${round(parts)} ms, the remaining ${round(stages.search.p50Ms - parts)} ms is glue (filters, passage building, sorting).`
        : `search p50 ${stages.search.p50Ms} ms; the stages timed one by one add up to ${round(parts)} ms, so there is no hidden glue cost.`,
      `Largest stage at p50: ${rows.slice(0, 5).sort((a, b) => b[1].p50Ms - a[1].p50Ms)[0]?.[0] ?? "?"}.`,
      `${abstained.size} of ${BENCH_QUESTIONS.length} benchmark questions abstained (an abstention skips the answer stage, so it is cheaper).`,
    ];
    return {
      benchmark: "retrieval",
      seconds: round((performance.now() - started) / 1000, 1),
      results: {
        chunks: index.chunks.length,
        documents: index.documents.length,
        questions: BENCH_QUESTIONS.length,
        iterations: run.iterations,
        candidates,
        stages,
        retrieve,
        answer,
        ask,
        abstainedQuestions: [...abstained],
      },
      targets: [],
      tables: [
        {
          title: `In-process latency over the bundled corpus (${index.chunks.length} chunks, ${run.iterations} calls each)`,
          header: ["stage", "p50 ms", "p95 ms", "p99 ms"],
          rows: rows.map(([name, s]) => [name, s.p50Ms, s.p95Ms, s.p99Ms]),
        },
      ],
      findings,
    };
  } finally {
    await workspace.cleanup();
  }
}
