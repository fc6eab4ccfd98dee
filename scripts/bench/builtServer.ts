import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

/** What `npm start` runs once dist/ is built. */
export const BUILT_SERVER = path.resolve("dist/src/server.js");
const LISTENING = /listening on (http:\/\/[^\s]+)/g;

export interface BuiltServer {
  pid: number;
  base: string;
  stop(): Promise<void>;
}

/**
 * Builds dist/ when it is missing or older than the sources (scripts/build-check.mjs, what
 * `npm start` runs first), so a benchmark of built JavaScript measures the code checked out.
 */
export function buildIfStale(purpose: string): void {
  const build = spawnSync(process.execPath, ["scripts/build-check.mjs"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error(`the build before ${purpose} failed (exit ${String(build.status)})`);
}

/** A port free right now on 127.0.0.1, for servers whose workers must share one known port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The built server with `WORKERS=workers` on `port`, resolved once every worker has printed its
 * "listening" line (a worker listens only after its index is loaded and warmed).
 */
export async function startBuiltServer(options: {
  env: Record<string, string>;
  workers: number;
  port: number;
  deadlineMs: number;
}): Promise<BuiltServer> {
  const child: ChildProcess = spawn(process.execPath, [BUILT_SERVER], {
    env: { ...process.env, ...options.env, HOST: "127.0.0.1", PORT: String(options.port), WORKERS: String(options.workers) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  try {
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`the built server (WORKERS=${options.workers}) was not listening within ${options.deadlineMs} ms:\n${output}`)),
        options.deadlineMs,
      );
      const read = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-8000);
        const listening = [...output.matchAll(LISTENING)];
        if (listening.length >= options.workers) {
          clearTimeout(timer);
          resolve(listening[0]?.[1] ?? "");
        }
      };
      child.stdout?.on("data", read);
      child.stderr?.on("data", read);
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`the built server exited (code ${String(child.exitCode)}) before listening:\n${output}`));
      });
    });
    return { pid: child.pid ?? 0, base, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
