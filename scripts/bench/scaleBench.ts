import { startPostgresServer, type PostgresTestServer } from "../../tests/support/postgresServer.js";
import { startRealPostgres } from "../../tests/support/realPostgres.js";
import type { PostgresServerKind, ScaleStore } from "./args.js";
import { forkScript } from "./childProcess.js";
import { diskUsage } from "./diskUsage.js";
import { BENCH_QUESTIONS } from "./queries.js";
import type { BenchmarkReport } from "./report.js";
import type { RetrievalStage } from "./retrievalStages.js";
import type { ScaleJob } from "./scaleWorker.js";
import { round, type LatencySummary } from "./stats.js";
import { buildVocabulary, syntheticQueries, writeSyntheticCorpus } from "./syntheticCorpus.js";
import { checkTarget, notMeasured } from "./targets.js";
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
  /** Per-version precomputations warmed after the load (term statistics, roadmap profiles, typo corrector, dictionary). */
  warmSeconds: number;
  /** From the start of the load to the end of the first retrieve: what a server's first user waits for after a start. */
  firstAnswerSeconds: number;
  rssAfterLoadMB: number;
  stages: Record<RetrievalStage, LatencySummary>;
  /** HNSW recall@10 against exact search, for the synthetic queries (file store only). */
  recallAt10: number | null;
  maxRssMB: number;
}

interface ScaleRow {
  store: ScaleStore;
  sections: number;
  chunks: number;
  files: number;
  ingestSeconds: number;
  chunksPerSecond: number;
  ingestPhasesSeconds: Record<string, number>;
  /** On disk (file store); null for Postgres, whose data lives in the PGlite server. */
  indexMB: number | null;
  versionMB: number | null;
  peakRssIngestMB: number;
  loadSeconds: number;
  warmSeconds: number;
  firstAnswerSeconds: number;
  peakRssServeMB: number;
  /** RSS of the bench process hosting the PGlite server after the serve phase (Postgres only). */
  serverRssMB: number | null;
  stages: Record<RetrievalStage, LatencySummary>;
  recallAt10: number | null;
}

/** A little more memory than the defaults, so the HNSW build at 100k chunks is not all spills. */
const REAL_SERVER_SETTINGS = { shared_buffers: "512MB", maintenance_work_mem: "1GB", work_mem: "16MB" };

/** Rounds per stage for the real server's serve phase (the file store and PGlite keep 200). */
const REAL_ROUNDS = 20;

/** Said wherever Postgres figures are printed, so nobody reads them as another engine's. */
const POSTGRES_CAVEAT: Record<PostgresServerKind, string> = {
  pglite:
    "Postgres here is PGlite (PostgreSQL compiled to single-threaded WASM, one backend session for every connection, " +
    "in the bench process) with pgvector, over the wire protocol on 127.0.0.1: not a tuned server. Its figures are a floor, not a forecast.",
  real:
    "Postgres here is a real PostgreSQL 15 (Debian) with pgvector (installed on the machine, not shipped by this project), started by the bench on 127.0.0.1 with " +
    Object.entries(REAL_SERVER_SETTINGS)
      .map(([name, value]) => `${name}=${value}`)
      .join(", ") +
    ` and fsync off, on the same 2 shared cores as the bench: a small, barely tuned server, not a sized deployment. ` +
    `Its serve phase runs ${REAL_ROUNDS} rounds per stage (the file store 200).`,
};
const ENGINE_LABEL: Record<PostgresServerKind, string> = { pglite: "PGlite", real: "real PostgreSQL 15" };

/**
 * Synthetic corpora (seeded, from the bundled documents' vocabulary) at growing sizes. Each size
 * is ingested in one child process and served from a fresh one, so peak RSS is per phase.
 */
export async function runScaleBench({
  quick,
  sizes,
  store = "file",
  postgresServer = "pglite",
}: {
  quick: boolean;
  sizes?: readonly number[];
  /** "postgres": each size also ingested into and served from PostgreSQL, beside the file store. */
  store?: ScaleStore;
  /** Which PostgreSQL the bench starts for store "postgres". */
  postgresServer?: PostgresServerKind;
}): Promise<BenchmarkReport> {
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
      const serveJob = { queries, iterations: quick ? 12 : 200, warmup: quick ? 2 : 20 };
      const ingest = await runJob<IngestResult>({ phase: "ingest", env });
      const serve = await runJob<ServeResult>({ phase: "serve", env, ...serveJob });
      const row: ScaleRow = {
        store: "file",
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
        warmSeconds: serve.warmSeconds,
        firstAnswerSeconds: serve.firstAnswerSeconds,
        peakRssServeMB: serve.maxRssMB,
        serverRssMB: null,
        stages: serve.stages,
        recallAt10: serve.recallAt10,
      };
      rows.push(row);
      console.log(
        `  scale ${sections}: ${row.chunks} chunks, ingest ${row.ingestSeconds} s, search p50 ${row.stages.search.p50Ms} ms, vector recall@10 ${row.recallAt10} (exact search = 1)`,
      );
      if (store === "postgres") {
        const pgRow = await runPostgresSize(postgresServer, sections, files, env, serveJob);
        rows.push(pgRow);
        console.log(
          `  scale ${sections} postgres (${ENGINE_LABEL[postgresServer]}): ${pgRow.chunks} chunks, ingest ${pgRow.ingestSeconds} s, search p50 ${pgRow.stages.search.p50Ms} ms`,
        );
      }
    } finally {
      await workspace.cleanup();
    }
  }

  // Targets and growth are the file store's (the default); Postgres rows stand beside them.
  const fileRows = rows.filter((r) => r.store === "file");
  const largest = fileRows[fileRows.length - 1];
  const smallest = fileRows[0];
  const targets = [];
  const findings: string[] = [];
  if (largest && smallest) {
    const notComparable =
      largest.sections < TARGET_SIZE ? `measured at ${largest.chunks.toLocaleString("en-US")} chunks, not 100k` : undefined;
    const extra = notComparable ? { notComparable } : {};
    targets.push(
      checkTarget("ingestRate100k", largest.chunksPerSecond, { quick, ...extra }),
      checkTarget("queryP50At100k", largest.stages.search.p50Ms, { quick, ...extra }),
      checkTarget("queryP99At100k", largest.stages.search.p99Ms, { quick, ...extra }),
      largest.recallAt10 === null
        ? notMeasured("recallAt100k", "no recall check in this run")
        : checkTarget("recallAt100k", largest.recallAt10, { quick, ...extra }),
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
      `Start to first answer at ${largest.chunks} chunks: load ${largest.loadSeconds} s, warm (term statistics, roadmap profiles, ` +
        `typo corrector) ${largest.warmSeconds} s, first retrieve done at ${largest.firstAnswerSeconds} s.`,
      `Ingest at ${largest.chunks} chunks, seconds per phase: ${Object.entries(largest.ingestPhasesSeconds)
        .map(([phase, s]) => `${phase} ${s}`)
        .join(", ")}.`,
    );
  }
  if (store === "postgres") findings.push(POSTGRES_CAVEAT[postgresServer]);

  return {
    benchmark: "scale",
    seconds: round((performance.now() - started) / 1000, 1),
    results: {
      sizes: chosen,
      store,
      ...(store === "postgres" ? { postgres: POSTGRES_CAVEAT[postgresServer], postgresServer } : {}),
      queries: queries.length,
      vocabularyWords: vocabulary.words.length,
      rows,
    },
    targets,
    tables: [
      {
        title:
          store === "postgres"
            ? postgresServer === "pglite"
              ? "Synthetic corpus scale, file store beside PostgreSQL on PGlite (single-threaded WASM, not a tuned server); local embedder, sequential queries"
              : `Synthetic corpus scale, file store beside a real PostgreSQL 15 + pgvector (small, barely tuned, same 2 shared cores; ${REAL_ROUNDS} rounds per stage); local embedder, sequential queries`
            : "Synthetic corpus scale (local embedder; query latency in-process, sequential)",
        header: [
          "store",
          "chunks",
          "ingest s",
          "chunks/s",
          "index MB",
          "RSS ingest MB",
          "load s",
          "warm s",
          "1st answer s",
          "RSS serve MB",
          "PGlite RSS MB",
          "search p50",
          "search p99",
          "dense p50",
          "lexical p50",
          "recall@10",
        ],
        rows: rows.map((r) => [
          r.store === "postgres" ? `postgres (${ENGINE_LABEL[postgresServer]})` : "file",
          r.chunks,
          r.ingestSeconds,
          r.chunksPerSecond,
          r.indexMB ?? "-",
          r.peakRssIngestMB,
          r.loadSeconds,
          r.warmSeconds,
          r.firstAnswerSeconds,
          r.peakRssServeMB,
          r.serverRssMB ?? "-",
          r.stages.search.p50Ms,
          r.stages.search.p99Ms,
          r.stages.dense.p50Ms,
          r.stages.lexical.p50Ms,
          r.recallAt10 ?? "-",
        ]),
      },
    ],
    findings,
  };
}

/**
 * One size into a fresh PGlite server (started here, in the bench process, as the tests start
 * it) or a fresh real PostgreSQL 15 (`--postgres-server real`), ingested and served by child processes through STORE=postgres, as `npm run ingest` and a
 * replica would. Peak RSS of the children is the client side; the server's memory is the bench
 * process's RSS after the serve phase.
 */
async function runPostgresSize(
  kind: PostgresServerKind,
  sections: number,
  files: number,
  fileEnv: Record<string, string>,
  serveJob: Pick<ScaleJob, "queries" | "iterations" | "warmup">,
): Promise<ScaleRow> {
  const server: PostgresTestServer =
    kind === "real" ? await startRealPostgres({ settings: REAL_SERVER_SETTINGS }) : await startPostgresServer();
  try {
    const env = {
      ...fileEnv,
      STORE: "postgres",
      DATABASE_URL: server.url,
      // PGlite builds the pgvector index on one WASM thread: the default 10 s would cut it off.
      PG_STATEMENT_TIMEOUT_MS: "600000",
    };
    const ingest = await runJob<IngestResult>({ phase: "ingest", env });
    // Each SQL BM25 query takes seconds at 100k chunks on this shared machine: fewer rounds
    // there, so the run fits in a session (p99 of 20 rounds is close to their maximum).
    const rounds =
      kind === "real"
        ? { iterations: Math.min(serveJob.iterations ?? REAL_ROUNDS, REAL_ROUNDS), warmup: Math.min(serveJob.warmup ?? 2, 2) }
        : {};
    const serve = await runJob<ServeResult>({ phase: "serve", env, ...serveJob, ...rounds });
    return {
      store: "postgres",
      sections,
      chunks: ingest.chunks,
      files,
      ingestSeconds: ingest.seconds,
      chunksPerSecond: ingest.chunksPerSecond,
      ingestPhasesSeconds: ingest.phasesSeconds,
      indexMB: null,
      versionMB: null,
      peakRssIngestMB: ingest.maxRssMB,
      loadSeconds: serve.loadSeconds,
      warmSeconds: serve.warmSeconds,
      firstAnswerSeconds: serve.firstAnswerSeconds,
      peakRssServeMB: serve.maxRssMB,
      // The real server is other processes (not measured here); PGlite lives in this one.
      serverRssMB: kind === "pglite" ? Math.round(process.memoryUsage.rss() / 2 ** 20) : null,
      stages: serve.stages,
      recallAt10: null,
    };
  } finally {
    await server.stop();
  }
}

async function runJob<T>(job: ScaleJob): Promise<T> {
  const worker = forkScript<T>("scaleWorker", [JSON.stringify(job)]);
  try {
    return await worker.next(60 * 60_000);
  } finally {
    await worker.stop();
  }
}
