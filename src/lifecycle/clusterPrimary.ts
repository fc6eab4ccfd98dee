import cluster, { type Worker } from "node:cluster";

/**
 * The primary process of `WORKERS=N` (node:cluster). It serves nothing itself: it forks N
 * workers that each run the ordinary single-process server on the shared port, replaces a worker
 * that dies unexpectedly, and on SIGTERM/SIGINT asks every worker to drain and exits 0 once
 * they have. A crash loop (more than `maxRestartsPerMinute` replacements in a minute) stops the
 * whole server with exit code 1 instead of forking forever.
 */

export interface ClusterOptions {
  workers: number;
  maxRestartsPerMinute?: number;
  /** After this, workers still draining are killed and the primary exits anyway. */
  shutdownDeadlineMs: number;
  log?: (message: string) => void;
  logError?: (message: string) => void;
}

const RESTART_WINDOW_MS = 60_000;

export function runClusterPrimary(options: ClusterOptions): void {
  const log = options.log ?? ((message: string) => console.log(message));
  const logError = options.logError ?? ((message: string) => console.error(message));
  const maxRestarts = options.maxRestartsPerMinute ?? 5;
  const restarts: number[] = [];
  let stopping = false;

  const fork = (): Worker => cluster.fork();

  const stopAll = (exitCode: number, signal: NodeJS.Signals): void => {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
    if (alive.length === 0) process.exit(exitCode);
    // Each worker handles the signal as the single process does: stop accepting, finish in-flight requests.
    for (const worker of alive) worker.process.kill(signal);
    const deadline = setTimeout(() => {
      logError("[cluster] shutdown deadline reached; killing workers still running");
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
      process.exit(exitCode);
    }, options.shutdownDeadlineMs + 2_000);
    deadline.unref();
    cluster.on("exit", () => {
      if (Object.values(cluster.workers ?? {}).every((w) => w === undefined || w.isDead())) process.exit(exitCode);
    });
  };

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    while (restarts.length > 0 && now - (restarts[0] ?? now) > RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length >= maxRestarts) {
      logError(
        `[cluster] worker ${worker.process.pid} died (${signal ?? `exit code ${code}`}); ` +
          `${restarts.length} restarts in the last minute, giving up (crash loop). See the worker errors above.`,
      );
      stopAll(1, "SIGTERM");
      return;
    }
    restarts.push(now);
    logError(`[cluster] worker ${worker.process.pid} died (${signal ?? `exit code ${code}`}); starting a replacement`);
    fork();
  });

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    log(`[cluster] ${signal}: draining ${options.workers} workers`);
    stopAll(0, signal);
  };
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  process.on("SIGINT", () => onSignal("SIGINT"));

  log(`[cluster] primary ${process.pid} starting ${options.workers} workers`);
  for (let i = 0; i < options.workers; i++) fork();
}
