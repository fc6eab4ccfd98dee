import { forkScript } from "./childProcess.js";
import { diskUsage } from "./diskUsage.js";
import { BENCH_QUESTIONS } from "./queries.js";
import type { BenchmarkReport } from "./report.js";
import type { RetrievalStage } from "./retrievalStages.js";
import type { ScaleJob } from "./scaleWorker.js";
import { round, type LatencySummary } from "./stats.js";
import { buildVocabulary, syntheticQueries, writeSyntheticCorpus } from "./syntheticCorpus.js";
import { checkTarget } from "./targets.js";
import { benchEnv, BUNDLED_CORPUS_DIR, createWorkspace } from "./workspace.js";

export const FULL_SCALE_SIZES = [1_000, 10_000, 100_000] as const;
export const QUICK_SCALE_SIZES = [250, 1_000] as const;
const TARGET_SIZE = 100_000;

interface IngestResult {
  type: "result";
  seconds: number;
  chunks: number;
  documents: number;
  embeddingCalls: number;
  chunksPerSecond: number;
  phasesSeconds: Record<string, number>;
  versionDir: string;
  maxRssMB: number;
}

interface ServeResult {
  type: "result";
  loadSeconds: number;
  rssAfterLoadMB: number;
  stages: Record<RetrievalStage, LatencySummary>;
  /** HNSW recall@10 against exact search, for the synthetic queries. */
  recallAt10: number;
  maxRssMB: number;
}

interface ScaleRow {
  sections: number;
  chunks: number;
  files: number;
  ingestSeconds: number;
  chunksPerSecond: number;
  ingestPhasesSeconds: Record<string, number>;
  indexMB: number;
  versionMB: number;
  peakRssIngestMB: number;
  loadSeconds: number;
  peakRssServeMB: number;
  stages: Record<RetrievalStage, LatencySummary>;
  recallAt10: number;
}

/**
 * Synthetic corpora (seeded, from the bundled documents' vocabulary) at growing sizes. Each size
 * is ingested in one child process and served from a fresh one, so peak RSS is per phase.
 */
export async function runScaleBench({ quick, sizes }: { quick: boolean; sizes?: readonly number[] }): Promise<BenchmarkReport> {
  const started = performance.now();
  const chosen = [...(sizes ?? (quick ? QUICK_SCALE_SIZES : FULL_SCALE_SIZES))].sort((a, b) => a - b);
  const vocabulary = await buildVocabulary(BUNDLED_CORPUS_DIR);
  const queries = [...BENCH_QUESTIONS, ...syntheticQueries(vocabulary, 24)];
  const rows: ScaleRow[] = [];

  for (const sections of chosen) {
    const workspace = await createWorkspace(`scale-${sections}`);
    try {
      const files = await writeSyntheticCorpus(workspace.corpusDir, vocabulary, { sections });
      const env = benchEnv({ CORPUS_DIR: workspace.corpusDir, INDEX_DIR: workspace.indexDir });
      const ingest = await runJob<IngestResult>({ phase: "ingest", env });
      const serve = await runJob<ServeResult>({
        phase: "serve",
        env,
        queries,
        iterations: quick ? 12 : 200,
        warmup: quick ? 2 : 20,
      });
      const row: ScaleRow = {
        sections,
        chunks: ingest.chunks,
        files,
        ingestSeconds: ingest.seconds,
        chunksPerSecond: ingest.chunksPerSecond,
        ingestPhasesSeconds: ingest.phasesSeconds,
        indexMB: round((await diskUsage(workspace.indexDir)) / 2 ** 20, 1),
        versionMB: round((await diskUsage(ingest.versionDir)) / 2 ** 20, 1),
        peakRssIngestMB: ingest.maxRssMB,
        loadSeconds: serve.loadSeconds,
        peakRssServeMB: serve.maxRssMB,
        stages: serve.stages,
        recallAt10: serve.recallAt10,
      };
      rows.push(row);
      console.log(
        `  scale ${sections}: ${row.chunks} chunks, ingest ${row.ingestSeconds} s, search p50 ${row.stages.search.p50Ms} ms, vector recall@10 ${row.recallAt10} (exact search = 1)`,
      );
    } finally {
      await workspace.cleanup();
    }
  }

  const largest = rows[rows.length - 1];
  const smallest = rows[0];
  const targets = [];
  const findings: string[] = [];
  if (largest && smallest) {
    const notComparable =
      largest.sections < TARGET_SIZE ? `measured at ${largest.chunks.toLocaleString("en-US")} chunks, not 100k` : undefined;
    const extra = notComparable ? { notComparable } : {};
    targets.push(
      checkTarget("ingestRate100k", largest.chunksPerSecond, { quick, ...extra }),
      checkTarget("queryP50At100k", largest.stages.search.p50Ms, { quick, ...extra }),
      checkTarget("peakRss100k", Math.max(largest.peakRssIngestMB, largest.peakRssServeMB), {
        quick,
        note: `ingest ${largest.peakRssIngestMB} MB, serve ${largest.peakRssServeMB} MB`,
        ...extra,
      }),
    );
    const growth = largest.chunks / Math.max(1, smallest.chunks);
    const factor = (stage: RetrievalStage) => round(largest.stages[stage].p50Ms / Math.max(0.001, smallest.stages[stage].p50Ms), 1);
    findings.push(
      `From ${smallest.chunks} to ${largest.chunks} chunks (×${round(growth, 1)}): dense p50 grows ×${factor("dense")}, ` +
        `lexical p50 ×${factor("lexical")}, whole search ×${factor("search")}, embed query ×${factor("embedQuery")} (constant work per query).`,
      `Ingest at ${largest.chunks} chunks, seconds per phase: ${Object.entries(largest.ingestPhasesSeconds)
        .map(([phase, s]) => `${phase} ${s}`)
        .join(", ")}.`,
    );
  }

  return {
    benchmark: "scale",
    seconds: round((performance.now() - started) / 1000, 1),
    results: { sizes: chosen, queries: queries.length, vocabularyWords: vocabulary.words.length, rows },
    targets,
    tables: [
      {
        title: "Synthetic corpus scale (local embedder; query latency in-process, sequential)",
        header: [
          "chunks",
          "ingest s",
          "chunks/s",
          "index MB",
          "RSS ingest MB",
          "load s",
          "RSS serve MB",
          "search p50",
          "search p99",
          "dense p50",
          "lexical p50",
          "recall@10",
        ],
        rows: rows.map((r) => [
          r.chunks,
          r.ingestSeconds,
          r.chunksPerSecond,
          r.indexMB,
          r.peakRssIngestMB,
          r.loadSeconds,
          r.peakRssServeMB,
          r.stages.search.p50Ms,
          r.stages.search.p99Ms,
          r.stages.dense.p50Ms,
          r.stages.lexical.p50Ms,
          r.recallAt10,
        ]),
      },
    ],
    findings,
  };
}

async function runJob<T>(job: ScaleJob): Promise<T> {
  const worker = forkScript<T>("scaleWorker", [JSON.stringify(job)]);
  try {
    return await worker.next(60 * 60_000);
  } finally {
    await worker.stop();
  }
}
