import { historyTurns } from "../../src/evaluation/dataset.js";
import { buildIfStale } from "./builtServer.js";
import { forkScript, type ChildHandle } from "./childProcess.js";
import { loadTest, type LoadTestResult } from "./loadTest.js";
import { BENCH_QUESTIONS, DISTINCT_QUESTION_COUNT, distinctQuestion } from "./queries.js";
import { loadRealQuestions } from "./realQuestions.js";
import { runReplicaComparison } from "./replicaBench.js";
import { runWorkersComparison } from "./workersBench.js";
import type { BenchmarkReport } from "./report.js";
import { cpuMsBetween, readyPort, stats, type ServerMessage } from "./serverMessages.js";
import { round } from "./stats.js";
import { checkTarget } from "./targets.js";
import { benchEnv, BUNDLED_CORPUS_DIR, createWorkspace } from "./workspace.js";

type Endpoint = "search" | "ask" | "bare" | "healthz";
/**
 * repeated: the 16 benchmark questions cycled (the answer cache serves ask); distinct: every request
 * new; real: the dev and tuning sets' questions cycled (ask with their histories), none within the
 * answer cache's reach.
 */
type Workload = "repeated" | "distinct" | "real";

interface EndpointRun extends LoadTestResult {
  endpoint: Endpoint;
  workload: Workload;
  /** Server CPU time per completed request: where the server's core went. */
  serverCpuMsPerRequest: number;
}

const CONNECTIONS = [1, 8, 32] as const;

/**
 * /api/search and offline /api/ask under autocannon at 1, 8 and 32 connections, next to a bare
 * Fastify route returning a body of the same size, all in one run, each with repeated questions
 * (the 16 benchmark questions cycled) and distinct ones (no request repeats an earlier one, so
 * no cache helps), and with the learners' questions of the dev and tuning sets (real: longer and
 * not templated, so they cost more than the distinct ones). Servers run in child processes so the
 * load generator has its own core. Start to ready is the `startup` benchmark. With `replicas`
 * (--replicas N), also N replicas behind a round-robin proxy against one (replicaBench.ts); with `workers` (--workers N),
 * also WORKERS=N against the bare route in N processes and WORKERS=1 against one (workersBench.ts).
 */
export async function runHttpBench({
  quick,
  replicas,
  workers,
}: {
  quick: boolean;
  replicas?: number | undefined;
  workers?: number | undefined;
}): Promise<BenchmarkReport> {
  const started = performance.now();
  const duration = quick ? 0.5 : 10;
  const workspace = await createWorkspace("http", { corpusSource: BUNDLED_CORPUS_DIR });
  // The product as `npm start` runs it: built JavaScript under node (dist/ rebuilt when stale).
  buildIfStale("the HTTP benchmark");
  const app = forkScript<ServerMessage>(
    "appServerProcess",
    [JSON.stringify(benchEnv({ CORPUS_DIR: workspace.corpusDir, INDEX_DIR: workspace.indexDir }))],
    {},
    { built: true },
  );
  let bare: ChildHandle<ServerMessage> | undefined;
  try {
    const appPort = await readyPort(app);
    const base = `http://127.0.0.1:${appPort}`;
    const searchBodies = BENCH_QUESTIONS.map((query) => JSON.stringify({ query }));
    const askBodies = BENCH_QUESTIONS.map((question) => JSON.stringify({ question }));

    // The baseline returns a real /api/search response, so both serialize the same bytes.
    const sample = await fetch(`${base}/api/search`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: searchBodies[0] ?? "{}",
    });
    const sampleBody = await sample.text();
    if (!sample.ok) throw new Error(`/api/search answered ${sample.status} before the benchmark: ${sampleBody.slice(0, 200)}`);
    const askSample = await fetch(`${base}/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: askBodies[0] ?? "{}",
    });
    const askSampleBody = await askSample.text();
    if (!askSample.ok) throw new Error(`/api/ask answered ${askSample.status} before the benchmark: ${askSampleBody.slice(0, 200)}`);

    bare = forkScript<ServerMessage>("bareServerProcess", [sampleBody], {}, { built: true });
    const barePort = await readyPort(bare);

    const servers = { search: app, ask: app, healthz: app, bare } as const;
    const urls = {
      search: `${base}/api/search`,
      ask: `${base}/api/ask`,
      healthz: `${base}/healthz`,
      bare: `http://127.0.0.1:${barePort}/bare`,
    };
    const bodies = { search: searchBodies, ask: askBodies, bare: searchBodies, healthz: [""] };
    // The distinct pool must outnumber the answer cache, or cycling through it would hit the cache.
    const cacheSize = Number(benchEnv().ANSWER_CACHE_SIZE ?? 1000);
    if (DISTINCT_QUESTION_COUNT <= cacheSize)
      throw new Error(`${DISTINCT_QUESTION_COUNT} distinct questions cannot outrun a cache of ${cacheSize}`);
    let distinctCount = 0;
    const distinctBody = {
      search: () => JSON.stringify({ query: distinctQuestion(distinctCount++) }),
      ask: () => JSON.stringify({ question: distinctQuestion(distinctCount++) }),
    };
    // The route takes no history, so each question text is searched once per cycle.
    const real = await loadRealQuestions();
    const realSearchBodies = [...new Set(real.map(({ question }) => question))].map((query) => JSON.stringify({ query }));
    const realAskBodies = real.map(({ question, history }) =>
      JSON.stringify(history.length > 0 ? { question, history: historyTurns(history) } : { question }),
    );
    if (Math.min(realSearchBodies.length, realAskBodies.length) <= cacheSize)
      throw new Error(`${realSearchBodies.length} real questions cannot outrun a cache of ${cacheSize}`);
    let realCount = 0;
    const realBody = {
      search: () => realSearchBodies[realCount++ % realSearchBodies.length] ?? "{}",
      ask: () => realAskBodies[realCount++ % realAskBodies.length] ?? "{}",
    };
    const nextBodies = { distinct: distinctBody, real: realBody };
    const run = async (endpoint: Endpoint, workload: Workload, connections: number, seconds: number): Promise<EndpointRun> => {
      const server = servers[endpoint];
      const before = await stats(server);
      const result = await loadTest({
        url: urls[endpoint],
        connections,
        durationSeconds: seconds,
        bodies: bodies[endpoint],
        ...(workload !== "repeated" && (endpoint === "search" || endpoint === "ask") ? { nextBody: nextBodies[workload][endpoint] } : {}),
        method: endpoint === "healthz" ? "GET" : "POST",
      });
      const after = await stats(server);
      const cpuMs = cpuMsBetween(before, after);
      return { endpoint, workload, ...result, serverCpuMsPerRequest: round(result.requests > 0 ? cpuMs / result.requests : 0) };
    };

    // Warm both servers (JIT, lazy dictionaries) before anything is recorded.
    for (const endpoint of ["search", "ask", "bare"] as const) await run(endpoint, "repeated", 8, quick ? 0.3 : 2);

    const plan: [Endpoint, Workload][] = [
      ["search", "distinct"],
      ["ask", "distinct"],
      ["search", "real"],
      ["ask", "real"],
      ["search", "repeated"],
      ["ask", "repeated"],
      ["bare", "repeated"],
    ];
    const runs: EndpointRun[] = [];
    for (const connections of CONNECTIONS) {
      // Interleaved per connection count, so slow drift (thermal, neighbours) hits every run alike.
      for (const [endpoint, workload] of plan) runs.push(await run(endpoint, workload, connections, duration));
    }
    runs.push(await run("healthz", "repeated", 32, duration));

    const at = (endpoint: Endpoint, connections: number, workload: Workload = "repeated") =>
      runs.find((r) => r.endpoint === endpoint && r.connections === connections && r.workload === workload) as EndpointRun;
    const vsBare = (endpoint: Endpoint, workload: Workload, connections: number) =>
      round((100 * at(endpoint, connections, workload).requestsPerSecond) / Math.max(1, at("bare", connections).requestsPerSecond), 1);
    const ratios = CONNECTIONS.map((connections) => ({
      connections,
      searchDistinctVsBarePercent: vsBare("search", "distinct", connections),
      askDistinctVsBarePercent: vsBare("ask", "distinct", connections),
      searchRealVsBarePercent: vsBare("search", "real", connections),
      askRealVsBarePercent: vsBare("ask", "real", connections),
      searchRepeatedVsBarePercent: vsBare("search", "repeated", connections),
      askRepeatedVsBarePercent: vsBare("ask", "repeated", connections),
    }));
    const search32 = at("search", 32, "distinct");
    const ask32 = at("ask", 32, "distinct");
    const searchReal32 = at("search", 32, "real");
    const askReal32 = at("ask", 32, "real");
    const bare32 = at("bare", 32);
    const health32 = at("healthz", 32);
    const ratio32 = ratios.find((r) => r.connections === 32);
    const errors32 = runs
      .filter((r) => r.connections === 32 && r.endpoint !== "bare" && r.endpoint !== "healthz")
      .reduce((n, r) => n + r.errors, 0);

    const ratioNote = "one process each side, at 32 connections, same run";
    const targets = [
      checkTarget("searchDistinctVsBare", ratio32?.searchDistinctVsBarePercent ?? 0, { quick, note: ratioNote }),
      checkTarget("askDistinctVsBare", ratio32?.askDistinctVsBarePercent ?? 0, { quick, note: ratioNote }),
      checkTarget("searchRepeatedVsBare", ratio32?.searchRepeatedVsBarePercent ?? 0, { quick, note: ratioNote }),
      checkTarget("askRepeatedVsBare", ratio32?.askRepeatedVsBarePercent ?? 0, { quick, note: `${ratioNote}; served by the answer cache` }),
      checkTarget("searchP50At32", search32.p50Ms, { quick }),
      checkTarget("searchP99At32", search32.p99Ms, { quick }),
      checkTarget("askP50At32", ask32.p50Ms, { quick }),
      checkTarget("askP99At32", ask32.p99Ms, { quick }),
      checkTarget("errorsAt32", errors32, { quick }),
    ];

    const findings = [
      `Both servers ran as built JavaScript (dist/, rebuilt first when stale), under node without a TypeScript loader, as \`npm start\` runs the product.`,
      `Server CPU per request at 32 connections: search ${search32.serverCpuMsPerRequest} ms, offline ask ${ask32.serverCpuMsPerRequest} ms, ` +
        `bare route ${bare32.serverCpuMsPerRequest} ms, /healthz through the full plugin stack ${health32.serverCpuMsPerRequest} ms. ` +
        `The gap between /healthz and the bare route is the global plugins (helmet, cors, rate limit, under-pressure, request ids); ` +
        `the rest of search is validation, retrieval and serialization.`,
      `Distinct questions: ${distinctCount} requests drew on a pool of ${DISTINCT_QUESTION_COUNT} questions (more than the answer cache holds, so no request was served from it).`,
      `Real questions (the dev and tune splits, never a test set): ${realCount} requests cycled through ` +
        `${realSearchBodies.length} question texts for search and ${realAskBodies.length} questions with their histories for ask ` +
        `(${real.filter(({ history }) => history.length > 0).length} follow-ups). Server CPU per request at 32 connections: ` +
        `search ${searchReal32.serverCpuMsPerRequest} ms, offline ask ${askReal32.serverCpuMsPerRequest} ms ` +
        `(distinct: ${search32.serverCpuMsPerRequest} / ${ask32.serverCpuMsPerRequest} ms).`,
      `At 32 connections latency is mostly queueing on the single server core: p50 ≈ connections / (req/s) = ` +
        `${round((32 / Math.max(1, search32.requestsPerSecond)) * 1000, 1)} ms for search, ${round((32 / Math.max(1, ask32.requestsPerSecond)) * 1000, 1)} ms for ask.`,
    ];

    // Last, so the single-server numbers above are measured exactly as without --replicas.
    const replicaPart =
      replicas && replicas > 1
        ? await runReplicaComparison({
            quick,
            replicas,
            env: { CORPUS_DIR: workspace.corpusDir, INDEX_DIR: workspace.indexDir },
            searchBodies,
          })
        : undefined;

    const workersPart =
      workers && workers > 1
        ? await runWorkersComparison({
            quick,
            workers,
            env: { CORPUS_DIR: workspace.corpusDir, INDEX_DIR: workspace.indexDir },
            sampleBody,
          })
        : undefined;

    return {
      benchmark: "http",
      seconds: round((performance.now() - started) / 1000, 1),
      results: {
        durationSecondsPerRun: duration,
        /** What served: the product and the bare route as built JavaScript (dist/), under node, as `npm start` runs. */
        servers: "built JavaScript (dist/scripts/bench/*.js under node)",
        responseBytes: {
          search: Buffer.byteLength(sampleBody),
          ask: Buffer.byteLength(askSampleBody),
          bare: Buffer.byteLength(sampleBody),
        },
        runs,
        ratios,
        ...(replicaPart ? { replicas: replicaPart.results } : {}),
        ...(workersPart ? { workers: workersPart.results } : {}),
      },
      targets,
      tables: [
        {
          title: `HTTP on 127.0.0.1 (autocannon, ${duration} s per run)`,
          header: ["endpoint", "questions", "conns", "req/s", "p50 ms", "p99 ms", "errors", "cpu ms/req"],
          rows: runs.map((r) => [
            r.endpoint,
            r.endpoint === "search" || r.endpoint === "ask" ? r.workload : "-",
            r.connections,
            r.requestsPerSecond,
            r.p50Ms,
            r.p99Ms,
            r.errors,
            r.serverCpuMsPerRequest,
          ]),
        },
        {
          title: "Ours / bare Fastify (req/s)",
          header: ["conns", "search distinct %", "ask distinct %", "search real %", "ask real %", "search repeated %", "ask repeated %"],
          rows: ratios.map((r) => [
            r.connections,
            r.searchDistinctVsBarePercent,
            r.askDistinctVsBarePercent,
            r.searchRealVsBarePercent,
            r.askRealVsBarePercent,
            r.searchRepeatedVsBarePercent,
            r.askRepeatedVsBarePercent,
          ]),
        },
        ...(replicaPart?.tables ?? []),
        ...(workersPart?.tables ?? []),
      ],
      findings: [...findings, ...(replicaPart?.findings ?? []), ...(workersPart?.findings ?? [])],
    };
  } finally {
    await Promise.all([app.stop(), bare?.stop()]);
    await workspace.cleanup();
  }
}
