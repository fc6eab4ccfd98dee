/**
 * The performance targets for a 2-core machine (issue 16, with the streaming target of issue 9).
 * Every results file reports each target next to what was measured, so a miss is visible
 * without reading the numbers.
 */

export type BenchmarkName = "ingest" | "retrieval" | "http" | "startup" | "scale" | "streaming";

export const BENCHMARK_NAMES: readonly BenchmarkName[] = ["ingest", "retrieval", "http", "startup", "scale", "streaming"];

export type TargetId =
  | "searchDistinctVsBare"
  | "askDistinctVsBare"
  | "searchRepeatedVsBare"
  | "askRepeatedVsBare"
  | "searchP50At32"
  | "searchP99At32"
  | "askP50At32"
  | "askP99At32"
  | "errorsAt32"
  | "startToReady"
  | "ingestRate100k"
  | "queryP50At100k"
  | "queryP99At100k"
  | "peakRss100k"
  | "recallAt100k"
  | "streamingOverhead";

interface TargetDefinition {
  name: string;
  benchmark: BenchmarkName;
  comparison: "<" | ">=" | "=";
  threshold: number;
  unit: string;
}

const http = (name: string, comparison: TargetDefinition["comparison"], threshold: number, unit: string): TargetDefinition => ({
  name,
  benchmark: "http",
  comparison,
  threshold,
  unit,
});
const scale = (name: string, comparison: TargetDefinition["comparison"], threshold: number, unit: string): TargetDefinition => ({
  name,
  benchmark: "scale",
  comparison,
  threshold,
  unit,
});

export const TARGETS: Record<TargetId, TargetDefinition> = {
  searchDistinctVsBare: http("/api/search req/s vs bare Fastify route, distinct questions", ">=", 15, "%"),
  askDistinctVsBare: http("offline /api/ask req/s vs bare Fastify route, distinct questions", ">=", 10, "%"),
  searchRepeatedVsBare: http("/api/search req/s vs bare Fastify route, repeated questions", ">=", 40, "%"),
  askRepeatedVsBare: http("offline /api/ask req/s vs bare Fastify route, repeated questions", ">=", 40, "%"),
  searchP50At32: http("/api/search p50 at 32 connections, distinct questions", "<", 10, "ms"),
  searchP99At32: http("/api/search p99 at 32 connections, distinct questions", "<", 25, "ms"),
  askP50At32: http("offline /api/ask p50 at 32 connections, distinct questions", "<", 10, "ms"),
  askP99At32: http("offline /api/ask p99 at 32 connections, distinct questions", "<", 25, "ms"),
  errorsAt32: http("errors at 32 connections (search + ask, every workload)", "=", 0, "errors"),
  startToReady: {
    name: "start to ready, built server, existing index of the bundled corpus",
    benchmark: "startup",
    comparison: "<",
    threshold: 1000,
    unit: "ms",
  },
  ingestRate100k: scale("ingest rate at 100k chunks (local embedder)", ">=", 2000, "chunks/s"),
  queryP50At100k: scale("hybrid query p50 at 100k chunks (in-process)", "<", 5, "ms"),
  queryP99At100k: scale("hybrid query p99 at 100k chunks (in-process)", "<", 20, "ms"),
  peakRss100k: scale("peak RSS at 100k chunks (ingest or serve)", "<", 1536, "MB"),
  recallAt100k: scale("vector index recall@10 against exact search at 100k chunks", ">=", 0.95, ""),
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
  return `${t.comparison} ${t.threshold.toLocaleString("en-US")}${t.unit ? ` ${t.unit}` : ""}`;
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
