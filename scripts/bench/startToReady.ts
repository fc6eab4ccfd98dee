import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { BUILT_SERVER, buildIfStale } from "./builtServer.js";
import { round } from "./stats.js";

const LISTENING = /listening on (http:\/\/[^\s]+)/;
/** A server that is not ready by then is broken, not slow: the run fails with its output. */
const READY_DEADLINE_MS = 60_000;

export interface StartToReady {
  /** Milliseconds from spawning `node dist/src/server.js` to the first 200 from /readyz. */
  runsMs: number[];
  medianMs: number;
}

/**
 * Start to ready as a user meets it: the built server (`npm start` without its build check) on
 * an existing index, timed from spawn to the first 200 of /readyz, `runs` times in fresh
 * processes. Builds dist/ first when it is missing or stale (scripts/build-check.mjs, as
 * `npm start` does), unless `buildIfStale` is false; then a missing build returns undefined.
 */
export async function measureStartToReady(options: {
  env: Record<string, string>;
  runs: number;
  buildIfStale: boolean;
  /** Run against each started server once it is ready, before it is stopped (firstQuestions.ts). */
  afterReady?: (baseUrl: string) => Promise<void>;
}): Promise<StartToReady | undefined> {
  if (options.buildIfStale) {
    buildIfStale("measuring start to ready");
  } else if (!existsSync(BUILT_SERVER)) {
    return undefined;
  }
  const runsMs: number[] = [];
  for (let i = 0; i < options.runs; i++) runsMs.push(await oneStart(options.env, options.afterReady));
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { runsMs, medianMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN };
}

async function oneStart(env: Record<string, string>, afterReady?: (baseUrl: string) => Promise<void>): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [BUILT_SERVER], {
    env: { ...process.env, ...env, HOST: "127.0.0.1", PORT: "0", WORKERS: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the built server did not start within ${READY_DEADLINE_MS} ms:\n${output}`)),
      READY_DEADLINE_MS,
    );
    const read = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      const match = LISTENING.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the built server exited (code ${String(code)}) before listening:\n${output}`));
    });
  });
  try {
    // Listening is not ready: /readyz answers 503 until the index is loaded.
    for (;;) {
      const response = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
      if (response?.status === 200) {
        const readyMs = round(performance.now() - started, 1);
        await afterReady?.(base);
        return readyMs;
      }
      if (performance.now() - started > READY_DEADLINE_MS) throw new Error(`/readyz was not 200 within ${READY_DEADLINE_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    child.removeAllListeners("exit");
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}
