import type { IngestProgress } from "../../src/ingest/types.js";
import { round } from "./stats.js";

/**
 * Turns ingest progress callbacks into time per phase (load, chunk, embed, and each step of
 * write: "write: vector index", …): a phase lasts from its first report until the next phase's
 * first report (or the end).
 */
export function createPhaseClock(): { onProgress: (p: IngestProgress) => void; finish: () => Record<string, number> } {
  const firstSeen: { phase: string; at: number }[] = [];
  const start = performance.now();
  return {
    onProgress: (p) => {
      // Write progress names its step; the other phases report per file or batch.
      const phase = p.phase === "write" && p.message ? `write: ${p.message}` : p.phase;
      if (firstSeen[firstSeen.length - 1]?.phase !== phase) firstSeen.push({ phase, at: performance.now() });
    },
    finish: () => {
      const end = performance.now();
      const out: Record<string, number> = {};
      const points = [{ phase: "setup", at: start }, ...firstSeen];
      points.forEach((point, i) => {
        const next = points[i + 1]?.at ?? end;
        out[point.phase] = round((out[point.phase] ?? 0) + (next - point.at) / 1000, 3);
      });
      return out;
    },
  };
}
