import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseConfig, type Config } from "../../src/config.js";

/** A throwaway corpus + index directory, so benchmarks never touch data/index. */
export interface BenchWorkspace {
  dir: string;
  corpusDir: string;
  indexDir: string;
  config: Config;
  cleanup(): Promise<void>;
}

/** The bundled corpus, resolved from the working directory (scripts run from the project root). */
export const BUNDLED_CORPUS_DIR = path.resolve("corpus");

/**
 * Environment for benchmarks: offline by default, limits high enough that the rate limiter
 * never answers 429 under load (we measure the product, not its throttling).
 */
export function benchEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    LOG_LEVEL: "silent",
    RATE_LIMIT_MAX: "100000000",
    RATE_LIMIT_ASK_MAX: "100000000",
    // The load generator is one client with many connections: the fairness cap would 429 it.
    CLIENT_MAX_IN_FLIGHT: "0",
    MODEL_CONCURRENCY: "64",
    MODEL_QUEUE: "1024",
    ...overrides,
  };
}

export async function createWorkspace(
  prefix: string,
  options: { corpusSource?: string; env?: Record<string, string> } = {},
): Promise<BenchWorkspace> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `bench-${prefix}-`));
  const corpusDir = path.join(dir, "corpus");
  const indexDir = path.join(dir, "index");
  if (options.corpusSource !== undefined) await cp(options.corpusSource, corpusDir, { recursive: true });
  const config = parseConfig(benchEnv({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, ...options.env }));
  return { dir, corpusDir, indexDir, config, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
