import { BENCH_NAMES_HELP, isBenchmarkName } from "./names.js";
import type { BenchmarkName } from "./targets.js";

export interface BenchArgs {
  benchmarks: BenchmarkName[];
  quick: boolean;
  outDir: string;
  /** Override of the synthetic corpus sizes for `scale`. */
  sizes?: number[];
  /** `http` also runs this many replicas behind a round-robin proxy against one (--replicas, >= 2). */
  replicas?: number;
  /** `http` also compares WORKERS=N with the bare route in N processes, and WORKERS=1 with one (--workers, >= 2). */
  workers?: number;
  /** `scale` also runs on this store beside the file store (--store postgres: a PGlite server it starts). */
  store?: ScaleStore;
  /** Which PostgreSQL serves `--store postgres` (--postgres-server; default pglite). */
  postgresServer?: PostgresServerKind;
  help: boolean;
}

export const SCALE_STORES = ["file", "postgres"] as const;
export type ScaleStore = (typeof SCALE_STORES)[number];
export const POSTGRES_SERVER_KINDS = ["pglite", "real"] as const;
export type PostgresServerKind = (typeof POSTGRES_SERVER_KINDS)[number];

export const USAGE = `Usage: npm run bench -- [${BENCH_NAMES_HELP}]... [--quick] [--out DIR] [--sizes 1000,10000] [--replicas N] [--workers N] [--store postgres [--postgres-server real]]

  no benchmark named   run all of them
  --quick              smoke run: tiny sizes, short durations, seconds in total (targets not judged)
  --out DIR            where the JSON results go (default bench/results, or bench/results/quick with --quick)
  --sizes LIST         synthetic corpus sizes (chunks) for "scale" (default 1000,10000,100000)
  --replicas N         "http" also runs N server processes behind a round-robin proxy against one
                       (rate limits shared through a redis-server when one is installed)
  --workers N          "http" also runs the built server with WORKERS=1 and WORKERS=N against the bare
                       route in 1 and N processes (node:cluster): both ratios, like with like
  --store STORE        "scale" store: file (default) or postgres (also runs PostgreSQL beside the file
                       store, on a PGlite server the bench starts: single-threaded WASM, not a tuned server)
  --postgres-server K  with --store postgres: pglite (default) or real (a throwaway PostgreSQL 15 with
                       pgvector the bench starts; needs pgvector installed for PostgreSQL 15)`;

export class UsageError extends Error {}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const benchmarks: BenchmarkName[] = [];
  let quick = false;
  let outDir: string | undefined;
  let sizes: number[] | undefined;
  let replicas: number | undefined;
  let workers: number | undefined;
  let store: ScaleStore | undefined;
  let postgresServer: PostgresServerKind | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--quick") quick = true;
    else if (arg === "--help" || arg === "-h") help = true;
    else if (arg === "--out" || arg.startsWith("--out=")) {
      outDir = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
      if (!outDir) throw new UsageError("--out needs a directory");
    } else if (arg === "--sizes" || arg.startsWith("--sizes=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
      sizes = (value ?? "").split(",").map((s) => Number(s.trim()));
      if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
        throw new UsageError("--sizes needs positive whole numbers, e.g. --sizes 1000,10000");
      }
    } else if (arg === "--replicas" || arg.startsWith("--replicas=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
      replicas = Number(value);
      if (!Number.isInteger(replicas) || replicas < 2 || replicas > 16) {
        throw new UsageError("--replicas needs a whole number from 2 to 16, e.g. --replicas 2");
      }
    } else if (arg === "--workers" || arg.startsWith("--workers=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
      workers = Number(value);
      if (!Number.isInteger(workers) || workers < 2 || workers > 16) {
        throw new UsageError("--workers needs a whole number from 2 to 16, e.g. --workers 2");
      }
    } else if (arg === "--store" || arg.startsWith("--store=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
      if (!SCALE_STORES.includes(value as ScaleStore)) {
        throw new UsageError(`--store needs one of ${SCALE_STORES.join(", ")} (got ${value === undefined ? "nothing" : `"${value}"`})`);
      }
      store = value as ScaleStore;
    } else if (arg === "--postgres-server" || arg.startsWith("--postgres-server=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
      if (!POSTGRES_SERVER_KINDS.includes(value as PostgresServerKind)) {
        throw new UsageError(
          `--postgres-server needs one of ${POSTGRES_SERVER_KINDS.join(", ")} (got ${value === undefined ? "nothing" : `"${value}"`})`,
        );
      }
      postgresServer = value as PostgresServerKind;
    } else if (isBenchmarkName(arg)) {
      if (!benchmarks.includes(arg)) benchmarks.push(arg);
    } else throw new UsageError(`Unknown argument "${arg}".`);
  }
  return {
    benchmarks,
    quick,
    outDir: outDir ?? (quick ? "bench/results/quick" : "bench/results"),
    ...(sizes ? { sizes } : {}),
    ...(replicas ? { replicas } : {}),
    ...(workers ? { workers } : {}),
    ...(store ? { store } : {}),
    ...(postgresServer ? { postgresServer } : {}),
    help,
  };
}
