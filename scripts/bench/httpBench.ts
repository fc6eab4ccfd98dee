import { forkScript, type ChildHandle } from "./childProcess.js";
import { loadTest, type LoadTestResult } from "./loadTest.js";
import { BENCH_QUESTIONS } from "./queries.js";
import { runReplicaComparison } from "./replicaBench.js";
import type { BenchmarkReport } from "./report.js";
import { cpuMsBetween, readyPort, stats, type ServerMessage } from "./serverMessages.js";
import { round } from "./stats.js";
import { checkTarget } from "./targets.js";
import { benchEnv, BUNDLED_CORPUS_DIR, createWorkspace } from "./workspace.js";

interface EndpointRun extends LoadTestResult {
  endpoint: "search" | "ask" | "bare" | "healthz";
  /** Server CPU time per completed request: where the server's core went. */
  serverCpuMsPerRequest: number;
}

const CONNECTIONS = [1, 8, 32] as const;

/**
 * /api/search and offline /api/ask under autocannon at 1, 8 and 32 connections, next to a bare
 * Fastify route returning a body of the same size, all in one run. Servers run in child
 * processes so the load generator has its own core. With `replicas` (--replicas N), also N
 * replicas behind a round-robin proxy against one (replicaBench.ts).
 */
export async function runHttpBench({ quick, replicas }: { quick: boolean; replicas?: number | undefined }): Promise<BenchmarkReport> {
  const started = performance.now();
  const duration = quick ? 0.5 : 10;
  const workspace = await createWorkspace("http", { corpusSource: BUNDLED_CORPUS_DIR });
  const app = forkScript<ServerMessage>("appServerProcess", [
    JSON.stringify(benchEnv({ CORPUS_DIR: workspace.corpusDir, INDEX_DIR: workspace.indexDir })),
  ]);
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

    bare = forkScript<ServerMessage>("bareServerProcess", [sampleBody]);
    const barePort = await readyPort(bare);

    const servers = { search: app, ask: app, healthz: app, bare } as const;
    const urls = {
      search: `${base}/api/search`,
      ask: `${base}/api/ask`,
      healthz: `${base}/healthz`,
      bare: `http://127.0.0.1:${barePort}/bare`,
    };
    const bodies = { search: searchBodies, ask: askBodies, bare: searchBodies, healthz: [""] };
    const run = async (endpoint: EndpointRun["endpoint"], connections: number, seconds: number): Promise<EndpointRun> => {
      const server = servers[endpoint];
      const before = await stats(server);
      const result = await loadTest({
        url: urls[endpoint],
        connections,
        durationSeconds: seconds,
        bodies: bodies[endpoint],
        method: endpoint === "healthz" ? "GET" : "POST",
      });
      const after = await stats(server);
      const cpuMs = cpuMsBetween(before, after);
      return { endpoint, ...result, serverCpuMsPerRequest: round(result.requests > 0 ? cpuMs / result.requests : 0) };
    };

    // Warm both servers (JIT, lazy dictionaries) before anything is recorded.
    for (const endpoint of ["search", "ask", "bare"] as const) await run(endpoint, 8, quick ? 0.3 : 2);

    const runs: EndpointRun[] = [];
    for (const connections of CONNECTIONS) {
      // Interleaved per connection count, so slow drift (thermal, neighbours) hits all three alike.
      for (const endpoint of ["search", "ask", "bare"] as const) runs.push(await run(endpoint, connections, duration));
    }
    runs.push(await run("healthz", 32, duration));

    const at = (endpoint: EndpointRun["endpoint"], connections: number) =>
      runs.find((r) => r.endpoint === endpoint && r.connections === connections) as EndpointRun;
    const ratios = CONNECTIONS.map((connections) => ({
      connections,
      searchVsBarePercent: round(
        (100 * at("search", connections).requestsPerSecond) / Math.max(1, at("bare", connections).requestsPerSecond),
        1,
      ),
      askVsBarePercent: round((100 * at("ask", connections).requestsPerSecond) / Math.max(1, at("bare", connections).requestsPerSecond), 1),
    }));
    const search32 = at("search", 32);
    const ask32 = at("ask", 32);
    const bare32 = at("bare", 32);
    const health32 = at("healthz", 32);
    const ratio32 = ratios.find((r) => r.connections === 32)?.searchVsBarePercent ?? 0;

    const targets = [
      checkTarget("askP50At32", ask32.p50Ms, { quick }),
      checkTarget("searchP99At32", search32.p99Ms, { quick }),
      checkTarget("errorsAt32", search32.errors + ask32.errors, { quick }),
      checkTarget("searchVsBare", ratio32, { quick, note: "at 32 connections, same run" }),
    ];

    const findings = [
      `Server CPU per request at 32 connections: search ${search32.serverCpuMsPerRequest} ms, offline ask ${ask32.serverCpuMsPerRequest} ms, ` +
        `bare route ${bare32.serverCpuMsPerRequest} ms, /healthz through the full plugin stack ${health32.serverCpuMsPerRequest} ms. ` +
        `The gap between /healthz and the bare route is the global plugins (helmet, cors, rate limit, under-pressure, request ids); ` +
        `the rest of search is validation, retrieval and serialization.`,
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

    return {
      benchmark: "http",
      seconds: round((performance.now() - started) / 1000, 1),
      results: {
        durationSecondsPerRun: duration,
        responseBytes: {
          search: Buffer.byteLength(sampleBody),
          ask: Buffer.byteLength(askSampleBody),
          bare: Buffer.byteLength(sampleBody),
        },
        runs,
        ratios,
        ...(replicaPart ? { replicas: replicaPart.results } : {}),
      },
      targets,
      tables: [
        {
          title: `HTTP on 127.0.0.1 (autocannon, ${duration} s per run)`,
          header: ["endpoint", "conns", "req/s", "p50 ms", "p99 ms", "errors", "cpu ms/req"],
          rows: runs.map((r) => [r.endpoint, r.connections, r.requestsPerSecond, r.p50Ms, r.p99Ms, r.errors, r.serverCpuMsPerRequest]),
        },
        {
          title: "Ours / bare Fastify (req/s)",
          header: ["conns", "search %", "ask %"],
          rows: ratios.map((r) => [r.connections, r.searchVsBarePercent, r.askVsBarePercent]),
        },
        ...(replicaPart?.tables ?? []),
      ],
      findings: [...findings, ...(replicaPart?.findings ?? [])],
    };
  } finally {
    await Promise.all([app.stop(), bare?.stop()]);
    await workspace.cleanup();
  }
}
