import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { builtFile } from "./childBuild.js";

/**
 * A real server process on a free port, running what `npm start` runs (`dist/src/server.js`, from
 * the run's transpiled build: tests/support/childBuild.ts says why; serverDamagedIndex.test.ts
 * starts src/server.ts under tsx, as `npm run dev` does), for tests that need
 * separate processes rather than two apps in one: separate pg pools, listeners, Redis clients
 * and in-memory state, exactly as two replicas behind a load balancer have.
 */
export interface ServerProcess {
  url: string;
  /** The process's pid (the cluster primary's with WORKERS > 1). */
  pid: number;
  output(): string;
  /** Send a signal, e.g. SIGTERM to test a graceful shutdown. */
  signal(signal: NodeJS.Signals): void;
  /** Its exit code once it has exited (null when a signal ended it). */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
}

/** A deadline for start-up on a busy shared machine (it may build the index first), not a timing assertion. */
const START_DEADLINE_MS = 240_000;

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  let output = "";
  const proc: ChildProcess = spawn(process.execPath, [builtFile("src/server.ts")], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      PORT: "0",
      LOG_LEVEL: "warn",
      // Not a load test: a busy machine must not turn into 503s.
      LOAD_SHEDDING: "false",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  const stop = async (graceMs = 5_000) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill("SIGTERM");
    const timer = setTimeout(() => proc.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), START_DEADLINE_MS);
      const onData = (data: Buffer) => {
        output += data.toString();
        const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      proc.stdout?.on("data", onData);
      proc.stderr?.on("data", onData);
      proc.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited early (${code}):\n${output}`));
      });
    });
    return { url, pid: proc.pid ?? 0, output: () => output, signal: (signal) => proc.kill(signal), exited, stop };
  } catch (error) {
    await stop(0);
    throw error;
  }
}

export interface PlainResponse {
  status: number;
  body: unknown;
}

/**
 * One HTTP request from a chosen loopback source address (all of 127.0.0.0/8 is local on
 * Linux), so a test can act as many clients, each with its own per-address rate-limit budget.
 */
export function requestFrom(
  from: string,
  url: string,
  options: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<PlainResponse> {
  const payload = options.json === undefined ? undefined : JSON.stringify(options.json);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? (payload ? "POST" : "GET"),
        localAddress: from,
        timeout: 120_000,
        headers: { ...(payload ? { "content-type": "application/json" } : {}), ...options.headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer from ${url} within 120 s`)));
    req.on("error", reject);
    if (payload) req.write(payload);
    req.end();
  });
}
