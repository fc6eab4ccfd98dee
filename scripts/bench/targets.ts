/**
 * The performance targets of issue 9 for a 2-core machine. Every results file reports each
 * target next to what was measured, so a miss is visible without reading the numbers.
 */

export type BenchmarkName = "ingest" | "retrieval" | "http" | "scale" | "streaming";

export const BENCHMARK_NAMES: readonly BenchmarkName[] = ["ingest", "retrieval", "http", "scale", "streaming"];

export type TargetId =
  | "askP50At32"
  | "searchP99At32"
  | "errorsAt32"
  | "searchVsBare"
  | "ingestRate100k"
  | "queryP50At100k"
  | "peakRss100k"
  | "streamingOverhead";

interface TargetDefinition {
  name: string;
  benchmark: BenchmarkName;
  comparison: "<" | ">=" | "=";
  threshold: number;
  unit: string;
}

export const TARGETS: Record<TargetId, TargetDefinition> = {
  askP50At32: { name: "offline /api/ask p50 at 32 connections", benchmark: "http", comparison: "<", threshold: 10, unit: "ms" },
  searchP99At32: { name: "/api/search p99 at 32 connections", benchmark: "http", comparison: "<", threshold: 25, unit: "ms" },
  errorsAt32: { name: "errors at 32 connections (search + ask)", benchmark: "http", comparison: "=", threshold: 0, unit: "errors" },
  searchVsBare: { name: "/api/search req/s vs bare Fastify route", benchmark: "http", comparison: ">=", threshold: 40, unit: "%" },
  ingestRate100k: {
    name: "ingest rate at 100k chunks (local embedder)",
    benchmark: "scale",
    comparison: ">=",
    threshold: 2000,
    unit: "chunks/s",
  },
  queryP50At100k: { name: "hybrid query p50 at 100k chunks (in-process)", benchmark: "scale", comparison: "<", threshold: 5, unit: "ms" },
  peakRss100k: { name: "peak RSS at 100k chunks (ingest or serve)", benchmark: "scale", comparison: "<", threshold: 1536, unit: "MB" },
  streamingOverhead: { name: "streaming overhead on first token", benchmark: "streaming", comparison: "<", threshold: 15, unit: "ms" },
};

export interface TargetResult {
  id: TargetId;
  name: string;
  /** Human-readable threshold, e.g. "< 10 ms". */
  target: string;
  measured: number | null;
  unit: string;
  /** null when not measured in this run. */
  met: boolean | null;
  /** Where the number comes from, or why it is not comparable (quick mode, not run). */
  note?: string;
}

export function describeTarget(id: TargetId): string {
  const t = TARGETS[id];
  return `${t.comparison} ${t.threshold.toLocaleString("en-US")} ${t.unit}`;
}

/**
 * A measured target. In quick mode (or when the run was not the target's setting, e.g. a scale
 * run that stopped below 100k chunks) the number is not comparable: met stays null.
 */
export function checkTarget(
  id: TargetId,
  measured: number,
  options: { quick: boolean; note?: string; notComparable?: string },
): TargetResult {
  const t = TARGETS[id];
  const passes = t.comparison === "<" ? measured < t.threshold : t.comparison === ">=" ? measured >= t.threshold : measured === t.threshold;
  const notComparable = options.quick ? "quick run: not comparable with the target" : options.notComparable;
  if (!Number.isFinite(measured)) {
    const notes = [options.note, "nothing to measure (no successful responses)", notComparable].filter(Boolean);
    return {
      id,
      name: t.name,
      target: describeTarget(id),
      measured: null,
      unit: t.unit,
      met: notComparable ? null : false,
      note: notes.join("; "),
    };
  }
  const notes = [options.note, notComparable].filter(Boolean);
  return {
    id,
    name: t.name,
    target: describeTarget(id),
    measured,
    unit: t.unit,
    met: notComparable ? null : passes,
    ...(notes.length > 0 ? { note: notes.join("; ") } : {}),
  };
}

export function notMeasured(id: TargetId, note: string): TargetResult {
  const t = TARGETS[id];
  return { id, name: t.name, target: describeTarget(id), measured: null, unit: t.unit, met: null, note };
}

/** All targets in their fixed order: the measured ones from `results`, the rest marked as not run. */
export function allTargets(results: readonly TargetResult[]): TargetResult[] {
  return (Object.keys(TARGETS) as TargetId[]).map(
    (id) => results.find((r) => r.id === id) ?? notMeasured(id, `benchmark "${TARGETS[id].benchmark}" not run`),
  );
}
