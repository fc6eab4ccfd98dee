import { BENCHMARK_NAMES, type BenchmarkName } from "./targets.js";

export const BENCH_NAMES_HELP = BENCHMARK_NAMES.join("|");

export function isBenchmarkName(value: string): value is BenchmarkName {
  return (BENCHMARK_NAMES as readonly string[]).includes(value);
}
