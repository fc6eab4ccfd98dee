import autocannon from "autocannon";
import { round, summarize } from "./stats.js";

export interface LoadTestResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Latency of 2xx responses, from autocannon's per-response timings (sub-millisecond). */
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Connection errors + timeouts + non-2xx responses. */
  errors: number;
  non2xx: number;
  timeouts: number;
  /** Responses per HTTP status, e.g. {"200": 950, "503": 50}. */
  statusCodes: Record<string, number>;
}

export interface LoadTestOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  /** One request per body, cycled per connection (every connection walks the same list). */
  bodies: readonly string[];
  /**
   * Instead of `bodies`: a fresh body for every request, shared by all connections (the
   * distinct-questions workload, where no request repeats an earlier one).
   */
  nextBody?: () => string;
  method?: "GET" | "POST";
}

/** One autocannon run against a server in another process. */
export function loadTest(options: LoadTestOptions): Promise<LoadTestResult> {
  const url = new URL(options.url);
  const method = options.method ?? "POST";
  const headers = { "content-type": "application/json" };
  const { nextBody } = options;
  const requests =
    method === "GET"
      ? [{ method, path: url.pathname }]
      : nextBody
        ? [{ method, path: url.pathname, headers, setupRequest: (request: object) => ({ ...request, body: nextBody() }) }]
        : options.bodies.map((body) => ({ method, path: url.pathname, headers, body }));
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: url.origin, connections: options.connections, duration: options.durationSeconds, requests, timeout: 10 },
      (error, result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const summary = summarize(latencies);
        const requestsDone = result.requests.total;
        resolve({
          connections: options.connections,
          seconds: result.duration,
          requests: requestsDone,
          requestsPerSecond: round(result.duration > 0 ? requestsDone / result.duration : 0, 1),
          p50Ms: summary.p50Ms,
          p99Ms: summary.p99Ms,
          meanMs: summary.meanMs,
          errors: result.errors + result.non2xx,
          non2xx: result.non2xx,
          timeouts: result.timeouts,
          statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, stat]) => [status, stat.count ?? 0])),
        });
      },
    );
    // The typings omit the client argument autocannon passes first.
    (instance as unknown as NodeJS.EventEmitter).on("response", (_client: unknown, statusCode: number, _bytes: number, ms: number) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
    });
  });
}
