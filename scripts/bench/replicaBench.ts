import os from "node:os";
import { redisServerInstalled, startRedisServer, type RedisServer } from "../../tests/support/redisServer.js";
import { buildIfStale } from "./builtServer.js";
import { forkScript, type ChildHandle } from "./childProcess.js";
import { loadTest, type LoadTestResult } from "./loadTest.js";
import type { Table } from "./report.js";
import { cpuMsBetween, readyPort, stats, type ServerMessage } from "./serverMessages.js";
import { round } from "./stats.js";
import { benchEnv } from "./workspace.js";

type Setup = "one replica, direct" | "one replica, via proxy" | "N replicas, via proxy";

interface ReplicaRun extends LoadTestResult {
  setup: Setup;
  replicas: number;
  /** CPU of all replicas per completed request (the proxy's own CPU is not included). */
  replicaCpuMsPerRequest: number;
  /** The proxy's CPU per completed request (0 when direct). */
  proxyCpuMsPerRequest: number;
}

const CONNECTIONS = [8, 32] as const;

/**
 * N replicas of the real server behind a round-robin proxy (roundRobinProxyProcess.ts), against
 * one replica behind the same proxy, /api/search at 8 and 32 connections. All replicas share
 * one redis-server for their rate limits (REDIS_URL), as a deployment of several replicas
 * would; without the binary they run on per-process limits and the report says so. One
 * replica without the proxy is measured too, so the proxy's own cost is visible. Interleaved
 * per connection count, so drift hits every setup alike.
 */
export async function runReplicaComparison(options: {
  quick: boolean;
  replicas: number;
  /** CORPUS_DIR and INDEX_DIR of an index that already exists (the main http run built it). */
  env: Record<string, string>;
  searchBodies: string[];
}): Promise<{ results: Record<string, unknown>; tables: Table[]; findings: string[] }> {
  const duration = options.quick ? 0.5 : 10;
  const children: ChildHandle<ServerMessage>[] = [];
  let redis: RedisServer | undefined;
  try {
    buildIfStale("the replicas comparison");
    if (redisServerInstalled()) redis = await startRedisServer();
    const env = benchEnv({ ...options.env, ...(redis ? { REDIS_URL: redis.url } : {}) });
    const replicas: ChildHandle<ServerMessage>[] = [];
    const ports: number[] = [];
    for (let i = 0; i < options.replicas; i++) {
      const replica = forkScript<ServerMessage>("appServerProcess", [JSON.stringify(env)], {}, { built: true });
      children.push(replica);
      replicas.push(replica);
      ports.push(await readyPort(replica));
    }
    const proxyToOne = forkScript<ServerMessage>("roundRobinProxyProcess", [String(ports[0])]);
    children.push(proxyToOne);
    const proxyToAll = forkScript<ServerMessage>("roundRobinProxyProcess", ports.map(String));
    children.push(proxyToAll);
    const targets: Record<Setup, { port: number; proxy?: ChildHandle<ServerMessage>; replicas: ChildHandle<ServerMessage>[] }> = {
      "one replica, direct": { port: ports[0] ?? 0, replicas: replicas.slice(0, 1) },
      "one replica, via proxy": { port: await readyPort(proxyToOne), proxy: proxyToOne, replicas: replicas.slice(0, 1) },
      "N replicas, via proxy": { port: await readyPort(proxyToAll), proxy: proxyToAll, replicas },
    };

    const run = async (setup: Setup, connections: number, seconds: number): Promise<ReplicaRun> => {
      const target = targets[setup];
      const watched = [...target.replicas, ...(target.proxy ? [target.proxy] : [])];
      const before = await Promise.all(watched.map(stats));
      const result = await loadTest({
        url: `http://127.0.0.1:${target.port}/api/search`,
        connections,
        durationSeconds: seconds,
        bodies: options.searchBodies,
      });
      const after = await Promise.all(watched.map(stats));
      const cpu = watched.map((_, i) => cpuMsBetween(before[i]!, after[i]!));
      const perRequest = (ms: number) => round(result.requests > 0 ? ms / result.requests : 0);
      const replicaCpu = cpu.slice(0, target.replicas.length).reduce((a, b) => a + b, 0);
      return {
        setup,
        replicas: target.replicas.length,
        ...result,
        replicaCpuMsPerRequest: perRequest(replicaCpu),
        proxyCpuMsPerRequest: target.proxy ? perRequest(cpu[cpu.length - 1] ?? 0) : 0,
      };
    };

    const setups = Object.keys(targets) as Setup[];
    for (const setup of setups) await run(setup, 8, options.quick ? 0.3 : 2); // warm every replica and proxy
    const runs: ReplicaRun[] = [];
    for (const connections of CONNECTIONS) for (const setup of setups) runs.push(await run(setup, connections, duration));

    const at = (setup: Setup, connections: number) => runs.find((r) => r.setup === setup && r.connections === connections);
    const ratios = CONNECTIONS.map((connections) => ({
      connections,
      nVsOneViaProxy: round(
        (at("N replicas, via proxy", connections)?.requestsPerSecond ?? 0) /
          Math.max(1, at("one replica, via proxy", connections)?.requestsPerSecond ?? 0),
        2,
      ),
      proxyVsDirect: round(
        (at("one replica, via proxy", connections)?.requestsPerSecond ?? 0) /
          Math.max(1, at("one replica, direct", connections)?.requestsPerSecond ?? 0),
        2,
      ),
    }));
    const limits = redis ? "rate limits shared through one redis-server" : "no redis-server installed: per-process rate limits";
    const label = (setup: Setup) => setup.replace("N replicas", `${options.replicas} replicas`);
    return {
      results: {
        replicas: options.replicas,
        cores: os.availableParallelism(),
        sharedLimits: Boolean(redis),
        durationSecondsPerRun: duration,
        runs,
        ratios,
      },
      tables: [
        {
          title: `/api/search, ${options.replicas} replicas vs one (${limits}; autocannon, ${duration} s per run)`,
          header: ["setup", "conns", "req/s", "p50 ms", "p99 ms", "errors", "replica cpu ms/req", "proxy cpu ms/req"],
          rows: runs.map((r) => [
            label(r.setup),
            r.connections,
            r.requestsPerSecond,
            r.p50Ms,
            r.p99Ms,
            r.errors,
            r.replicaCpuMsPerRequest,
            r.proxyCpuMsPerRequest,
          ]),
        },
        {
          title: `${options.replicas} replicas / one replica, both via the proxy (req/s)`,
          header: ["conns", "ratio", "proxy / direct"],
          rows: ratios.map((r) => [r.connections, r.nVsOneViaProxy, r.proxyVsDirect]),
        },
      ],
      findings: [
        `${options.replicas} replicas, the proxy, Redis and the load generator share this machine's ${os.availableParallelism()} cores: ` +
          `the ratio shows what a second replica buys when the cores are already shared, not the scaling on separate machines ` +
          `(there, each replica brings its own core and the ratio is bounded by the load balancer and Redis instead).`,
      ],
    };
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    await redis?.stop();
  }
}
