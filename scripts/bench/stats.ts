/** Latency summaries for the benchmarks. Percentiles use the nearest-rank method on sorted samples. */

export interface LatencySummary {
  samples: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export function summarize(samplesMs: readonly number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const total = sorted.reduce((sum, x) => sum + x, 0);
  return {
    samples: sorted.length,
    meanMs: round(sorted.length > 0 ? total / sorted.length : Number.NaN),
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

/** Milliseconds with three decimals: enough for sub-millisecond stages, short in JSON. */
export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Runs `fn` over the inputs round-robin: `warmup` unmeasured calls (JIT, lazy dictionaries,
 * caches), then `iterations` timed ones. Sequential, so each sample is one call's latency.
 */
export async function timeCalls<T>(
  inputs: readonly T[],
  fn: (input: T) => unknown,
  { iterations, warmup }: { iterations: number; warmup: number },
): Promise<number[]> {
  if (inputs.length === 0) throw new Error("timeCalls needs at least one input");
  for (let i = 0; i < warmup; i++) await fn(inputs[i % inputs.length] as T);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const input = inputs[i % inputs.length] as T;
    const started = performance.now();
    await fn(input);
    samples.push(performance.now() - started);
  }
  return samples;
}
