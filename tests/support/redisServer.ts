import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "./freePort.js";

/**
 * A real redis-server (Debian's package; `.ci/run` installs it) on a free 127.0.0.1 port, with
 * nothing written to disk. Used by the shared-limit tests and by `npm run bench -- http
 * --replicas 2`, so it does not import vitest.
 */

const BINARY = "redis-server";

export function redisServerInstalled(): boolean {
  return spawnSync(BINARY, ["--version"], { stdio: "ignore" }).status === 0;
}

const installed = redisServerInstalled();

/**
 * Whether tests that need redis-server run: for `describe.skipIf(!redisTestsRun(name))`.
 * Without the binary they are skipped with a message on a developer's machine, but run (and
 * fail in startRedisServer, saying why) under CI=true, where a missing server is a broken CI
 * setup rather than a reason to skip.
 */
export function redisTestsRun(name: string): boolean {
  if (installed) return true;
  if (process.env.CI === "true" || process.env.CI === "1") return true;
  console.warn(
    `[skipped] "${name}": redis-server is not installed (apt-get install -y redis-server); CI installs it and runs these tests.`,
  );
  return false;
}

export interface RedisServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** Freeze the server (SIGSTOP): connections stay open but nothing answers, like a hung Redis. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

/** Start one; `port` asks for a given port (to bring a stopped server back where clients expect it). */
export async function startRedisServer(options: { port?: number } = {}): Promise<RedisServer> {
  if (!installed) {
    throw new Error(`${BINARY} is not installed: run \`apt-get install -y redis-server\` (.ci/run does this in CI).`);
  }
  // Another process can take the probed port before Redis binds it: try a few ports.
  if (options.port !== undefined) return startOn(options.port);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOn(await freePort());
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOn(port: number): Promise<RedisServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tutor-redis-"));
  const child = spawn(
    BINARY,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--loglevel", "notice"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => fail(new Error(`redis-server exited with code ${String(code)} before it was ready:\n${output}`)));
    child.once("error", fail);
  }).catch(async (error: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw error;
  });

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    process: child,
    pause: () => child.kill("SIGSTOP"),
    resume: () => child.kill("SIGCONT"),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGCONT"); // a paused server cannot act on SIGTERM
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
