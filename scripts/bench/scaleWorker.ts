/**
 * Child process for one synthetic corpus size, so its peak RSS is its own. argv[2] is a JSON
 * ScaleJob. Phase "ingest" builds the index; phase "serve" loads it and times queries, as a
 * server process would. Sends one {type:"result"} message and exits.
 */
import { parseConfig, type Config } from "../../src/config.js";
import { createEmbeddings } from "../../src/embeddings/createEmbeddings.js";
import { ingestCorpus } from "../../src/ingest/ingestCorpus.js";
import { embeddedSnapshot } from "../../src/store/embedded/embeddedSnapshot.js";
import { IndexResources } from "../../src/retrieval/indexResources.js";
import type { Retriever } from "../../src/retrieval/types.js";
import { openStore } from "../../src/store/openStore.js";
import { createPool } from "../../src/store/postgres/pool.js";
import { migrate } from "../../src/store/postgres/schema.js";
import type { IndexSnapshot } from "../../src/store/types.js";
import { createRetriever, openIndex, openIngest } from "../../src/tutor.js";
import { sendToParent } from "./childProcess.js";
import { createPhaseClock } from "./phaseClock.js";
import { processStats } from "./processStats.js";
import { measureRetrievalStages } from "./retrievalStages.js";
import { storeRecallAtK } from "./scaleRecall.js";
import { round } from "./stats.js";

export interface ScaleJob {
  phase: "ingest" | "serve";
  env: Record<string, string>;
  queries?: string[];
  iterations?: number;
  warmup?: number;
}

/** Queries for recall@10: exact search reads every vector per query batch, so keep it small. */
const RECALL_QUERIES = 24;

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? "{}") as ScaleJob;
  const config = parseConfig(job.env);

  if (job.phase === "ingest") {
    // An operator runs `npm run db:migrate` once before the first ingest; not part of the timing.
    if (config.STORE === "postgres") await migrateSchema(config);
    const clock = createPhaseClock();
    const t0 = performance.now();
    // The configured store's writer (STORE=postgres: PostgresVersionWriter), as `npm run ingest` does.
    const ingest = await openIngest(config);
    const summary = await ingestCorpus({ ...ingest.options, onProgress: clock.onProgress }).finally(() => ingest.close());
    const seconds = (performance.now() - t0) / 1000;
    await sendToParent({
      type: "result",
      seconds: round(seconds),
      chunks: summary.chunks,
      documents: summary.documents,
      embeddingCalls: summary.embeddingCalls,
      chunksPerSecond: round(summary.chunks / seconds, 0),
      phasesSeconds: clock.finish(),
      versionDir: summary.versionDir,
      ...processStats(),
    });
    return;
  }

  if (config.STORE === "postgres") return servePostgres(job, config);

  const t0 = performance.now();
  // The index and retriever as the server composes them (src/tutor.ts); loading is timed on its own.
  const index = await openIndex(config);
  const loadSeconds = (performance.now() - t0) / 1000;
  const afterLoad = processStats();
  const snapshot = embeddedSnapshot(index);
  const retriever = createRetriever(config, () => snapshot);
  const startup = await warmAndFirstAnswer(snapshot, retriever, job, t0);
  const stages = await timeStages(job, config, snapshot, retriever);
  // After the timings, so it cannot disturb them; the synthetic keyword queries are the last ones.
  const recallQueries = (job.queries ?? []).slice(-RECALL_QUERIES);
  const recallVectors = await Promise.all(recallQueries.map((query) => index.embeddings.embedQuery(query)));
  const recallAt10 = round(await storeRecallAtK(index, recallVectors, 10), 3);
  await sendToParent({
    type: "result",
    loadSeconds: round(loadSeconds),
    ...startup,
    rssAfterLoadMB: afterLoad.rssMB,
    stages,
    recallAt10,
    ...processStats(),
  });
}

async function migrateSchema(config: Config): Promise<void> {
  const pool = createPool({ databaseUrl: config.DATABASE_URL!, poolSize: 1, statementTimeoutMs: 60_000 });
  try {
    await migrate(pool);
  } finally {
    await pool.end();
  }
}

/**
 * The live version read from PostgreSQL through the store the server opens (openStore), and the
 * same stage timings. No recall@10: exact search here reads the file store's vectors.bin.
 */
async function servePostgres(job: ScaleJob, config: Config): Promise<void> {
  const store = await openStore(config, createEmbeddings(config));
  try {
    const t0 = performance.now();
    const snapshot = await store.load();
    const loadSeconds = (performance.now() - t0) / 1000;
    const afterLoad = processStats();
    const retriever = createRetriever(config, () => snapshot);
    const startup = await warmAndFirstAnswer(snapshot, retriever, job, t0);
    const stages = await timeStages(job, config, snapshot, retriever);
    await sendToParent({
      type: "result",
      loadSeconds: round(loadSeconds),
      ...startup,
      rssAfterLoadMB: afterLoad.rssMB,
      stages,
      recallAt10: null,
      ...processStats(),
    });
  } finally {
    await store.close();
  }
}

/**
 * What a server does after loading, before its first answer: the per-version precomputations it
 * warms before it reports ready (IndexResources.warm, as openPipeline's reload does), then one
 * whole retrieve (search + roadmap context + evidence), which builds what is built on first use.
 */
async function warmAndFirstAnswer(
  snapshot: IndexSnapshot,
  retriever: Retriever,
  job: ScaleJob,
  loadStarted: number,
): Promise<{ warmSeconds: number; firstAnswerSeconds: number }> {
  const t0 = performance.now();
  IndexResources.of(snapshot).warm();
  const warmSeconds = (performance.now() - t0) / 1000;
  await retriever.retrieve(job.queries?.[0] ?? "学完 LoRA 之后该学什么?");
  return { warmSeconds: round(warmSeconds), firstAnswerSeconds: round((performance.now() - loadStarted) / 1000) };
}

function timeStages(job: ScaleJob, config: Config, snapshot: IndexSnapshot, retriever: Retriever) {
  return measureRetrievalStages(snapshot, retriever, job.queries ?? [], {
    iterations: job.iterations ?? 200,
    warmup: job.warmup ?? 20,
    k: config.RETRIEVAL_K,
    maxChunksPerSection: config.MAX_CHUNKS_PER_SECTION,
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
