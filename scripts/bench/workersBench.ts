import os from "node:os";
import { buildIfStale, startBuiltServer, freePort, type BuiltServer } from "./builtServer.js";
import { forkScript, type ChildHandle } from "./childProcess.js";
import { loadTest, type LoadTestResult } from "./loadTest.js";
import { processTreeCpuMs } from "./processTreeCpu.js";
import { distinctQuestion } from "./queries.js";
import type { Table } from "./report.js";
import { readyPort, type ServerMessage } from "./serverMessages.js";
import { round } from "./stats.js";
import { benchEnv } from "./workspace.js";

type Side = "product" | "bare";
type Endpoint = "search" | "ask" | "bare";

interface WorkersRun extends LoadTestResult {
  processes: number;
  endpoint: Endpoint;
  /** CPU of the server's whole process tree (primary + workers) per completed request; null off Linux. */
  serverCpuMsPerRequest: number | null;
}

const CONNECTIONS = [8, 32] as const;
const START_DEADLINE_MS = 180_000;

/**
 * Like with like for `WORKERS=N` (issue 16 item 5): the built server with WORKERS=1 against the
 * bare route in one process, and the built server with WORKERS=N (node:cluster) against the
 * bare route in N cluster workers. Distinct questions for /api/search and offline /api/ask, so
 * no cache serves them; interleaved per connection count. Prints both ratios (ours / bare at
 * 1 and at N) and what N processes buy each side.
 */
export async function runWorkersComparison(options: {
  quick: boolean;
  workers: number;
  /** CORPUS_DIR and INDEX_DIR of an index that already exists (the main http run built it). */
  env: Record<string, string>;
  /** A real /api/search body, which the bare route returns. */
  sampleBody: string;
}): Promise<{ results: Record<string, unknown>; tables: Table[]; findings: string[] }> {
  const duration = options.quick ? 0.5 : 10;
  buildIfStale("the workers comparison");
  const counts = [1, options.workers];
  const env = benchEnv(options.env);
  const servers = new Map<string, { base: string; pid: number; stop: () => Promise<void> }>();
  const key = (side: Side, processes: number) => `${side}@${processes}`;
  try {
    for (const processes of counts) {
      const product: BuiltServer = await startBuiltServer({
        env,
        workers: processes,
        port: await freePort(),
        deadlineMs: START_DEADLINE_MS,
      });
      servers.set(key("product", processes), product);
      const port = await freePort();
      // Built like the product's side: one process against one, N against N, both plain JavaScript.
      const bare: ChildHandle<ServerMessage> = forkScript<ServerMessage>(
        "bareClusterProcess",
        [options.sampleBody, String(processes), String(port)],
        {},
        { built: true },
      );
      servers.set(key("bare", processes), { base: `http://127.0.0.1:${port}`, pid: bare.child.pid ?? 0, stop: () => bare.stop() });
      await readyPort(bare);
    }

    let distinctCount = 0;
    const run = async (endpoint: Endpoint, processes: number, connections: number, seconds: number): Promise<WorkersRun> => {
      const server = servers.get(key(endpoint === "bare" ? "bare" : "product", processes))!;
      const before = processTreeCpuMs(server.pid);
      const result = await loadTest({
        url: `${server.base}/${endpoint === "bare" ? "bare" : `api/${endpoint}`}`,
        connections,
        durationSeconds: seconds,
        bodies: [],
        nextBody: () =>
          JSON.stringify(
            endpoint === "ask" ? { question: distinctQuestion(distinctCount++) } : { query: distinctQuestion(distinctCount++) },
          ),
      });
      const after = processTreeCpuMs(server.pid);
      const cpu = before !== undefined && after !== undefined && result.requests > 0 ? round((after - before) / result.requests) : null;
      return { processes, endpoint, ...result, serverCpuMsPerRequest: cpu };
    };

    const endpoints: Endpoint[] = ["search", "ask", "bare"];
    // Warm every server (JIT, lazy dictionaries) before anything is recorded.
    for (const processes of counts) for (const endpoint of endpoints) await run(endpoint, processes, 8, options.quick ? 0.3 : 2);
    const runs: WorkersRun[] = [];
    for (const connections of CONNECTIONS)
      for (const processes of counts) for (const endpoint of endpoints) runs.push(await run(endpoint, processes, connections, duration));

    const rps = (endpoint: Endpoint, processes: number, connections: number) =>
      runs.find((r) => r.endpoint === endpoint && r.processes === processes && r.connections === connections)?.requestsPerSecond ?? 0;
    const percentOfBare = (endpoint: Endpoint, processes: number, connections: number) =>
      round((100 * rps(endpoint, processes, connections)) / Math.max(1, rps("bare", processes, connections)), 1);
    const n = options.workers;
    const ratios = CONNECTIONS.map((connections) => ({
      connections,
      searchVsBareOneProcessPercent: percentOfBare("search", 1, connections),
      searchVsBareNProcessesPercent: percentOfBare("search", n, connections),
      askVsBareOneProcessPercent: percentOfBare("ask", 1, connections),
      askVsBareNProcessesPercent: percentOfBare("ask", n, connections),
      searchNOverOne: round(rps("search", n, connections) / Math.max(1, rps("search", 1, connections)), 2),
      askNOverOne: round(rps("ask", n, connections) / Math.max(1, rps("ask", 1, connections)), 2),
      bareNOverOne: round(rps("bare", n, connections) / Math.max(1, rps("bare", 1, connections)), 2),
    }));
    const cores = os.availableParallelism();
    return {
      results: { workers: n, cores, durationSecondsPerRun: duration, questions: "distinct", runs, ratios },
      tables: [
        {
          title: `WORKERS=1 and WORKERS=${n} (built server) against the bare route in 1 and ${n} processes (distinct questions; autocannon, ${duration} s per run)`,
          header: ["processes", "endpoint", "conns", "req/s", "p50 ms", "p99 ms", "errors", "cpu ms/req (all processes)"],
          rows: runs.map((r) => [
            r.processes,
            r.endpoint,
            r.connections,
            r.requestsPerSecond,
            r.p50Ms,
            r.p99Ms,
            r.errors,
            r.serverCpuMsPerRequest ?? "-",
          ]),
        },
        {
          title: `Ours / bare, like with like (req/s): 1 process vs 1, ${n} vs ${n}; and what ${n} processes buy each`,
          header: [
            "conns",
            "search % (1 vs 1)",
            `search % (${n} vs ${n})`,
            "ask % (1 vs 1)",
            `ask % (${n} vs ${n})`,
            `search ${n}/1`,
            `ask ${n}/1`,
            `bare ${n}/1`,
          ],
          rows: ratios.map((r) => [
            r.connections,
            r.searchVsBareOneProcessPercent,
            r.searchVsBareNProcessesPercent,
            r.askVsBareOneProcessPercent,
            r.askVsBareNProcessesPercent,
            r.searchNOverOne,
            r.askNOverOne,
            r.bareNOverOne,
          ]),
        },
      ],
      findings: [
        `${n} server processes and autocannon share this machine's ${cores} cores` +
          (n >= cores
            ? `: the load generator takes CPU from the workers, so "${n}/1" stays below ${n} for the bare route too; ` +
              `the like-with-like ratio (${n} vs ${n}) is the comparable figure.`
            : "."),
      ],
    };
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()));
  }
}
