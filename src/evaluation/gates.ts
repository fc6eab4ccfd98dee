import { readFile } from "node:fs/promises";
import { z } from "zod";
import { BadInput } from "../errors.js";
import { judgeErrorRate, NO_JUDGE, type JudgeHealth } from "./judgeHealth.js";
import type { MetricSummary } from "./types.js";

/**
 * Quality gates: thresholds on the aggregate metrics. The names are the CLI flags without
 * their dashes (`--min-hit 0.9` ≡ `"min-hit": 0.9` in a gates file), so there is one vocabulary.
 */

interface GateDefinition {
  label: string;
  bound: "min" | "max";
  value: (summary: MetricSummary, judge: JudgeHealth) => number | null;
  /** Measured by the judge: with --judge given, "not measured" fails the gate instead of skipping it. */
  judge?: true;
}

export const GATES = {
  "min-hit": { label: "hit@k", bound: "min", value: (s) => s.hitAtK },
  "min-mrr": { label: "MRR", bound: "min", value: (s) => s.mrr },
  "min-gold-recall": { label: "gold recall", bound: "min", value: (s) => s.goldRecall },
  "min-multi-source-recall": { label: "gold recall (multi-source)", bound: "min", value: (s) => s.multiSourceGoldRecall },
  "min-citation-precision": { label: "citation precision", bound: "min", value: (s) => s.citationPrecision },
  "min-citation-hit": { label: "citation hit", bound: "min", value: (s) => s.citationHit },
  "min-must-mention": { label: "must-mention recall", bound: "min", value: (s) => s.mustMentionRecall },
  "min-abstention-accuracy": { label: "abstention accuracy", bound: "min", value: (s) => s.abstentionAccuracy },
  "max-false-abstention": { label: "false-abstention rate", bound: "max", value: (s) => s.falseAbstentionRate },
  "min-unanswerable-caught": { label: "unanswerable caught (refused or low)", bound: "min", value: (s) => s.unanswerableCaught },
  "max-answerable-low": { label: "answerable marked low", bound: "max", value: (s) => s.answerableLowRate },
  "min-faithfulness": { label: "faithfulness (judge)", bound: "min", value: (s) => s.faithfulness, judge: true },
  "min-relevance": { label: "answer relevance (judge)", bound: "min", value: (s) => s.answerRelevance, judge: true },
  // Nothing to judge (every answer abstained) is no judge error; a judge that never ran is unmeasured.
  "max-judge-error-rate": {
    label: "judge error rate",
    bound: "max",
    value: (_s, j) => judgeErrorRate(j) ?? (j.ran ? 0 : null),
    judge: true,
  },
  "max-p95-ms": { label: "latency p95 (ms)", bound: "max", value: (s) => s.latencyMs.p95 },
  // A verdict the judge could not give is an error like a failed pipeline call.
  "max-errors": { label: "errors (pipeline + judge)", bound: "max", value: (s, j) => s.errors + j.errors },
} satisfies Record<string, GateDefinition>;

export type GateName = keyof typeof GATES;
export type GateThresholds = Partial<Record<GateName, number>>;
export const GATE_NAMES = Object.keys(GATES) as GateName[];
/** Gates whose value is a count or milliseconds; every other gate is a ratio 0..1. */
export const UNBOUNDED_GATES: readonly GateName[] = ["max-p95-ms", "max-errors"];

export interface GateOutcome {
  gate: GateName;
  label: string;
  bound: "min" | "max";
  threshold: number;
  actual: number | null;
  /**
   * "skipped" when the metric was not measured in this run (judge metrics without --judge).
   * A judge gate with --judge given fails when its metric could not be measured.
   */
  status: "passed" | "failed" | "skipped";
  /** Why a gate failed or was skipped without a value. */
  note?: string;
}

export function evaluateGates(summary: MetricSummary, thresholds: GateThresholds, judge: JudgeHealth = NO_JUDGE): GateOutcome[] {
  return GATE_NAMES.filter((gate) => thresholds[gate] !== undefined).map((gate) => {
    const definition: GateDefinition = GATES[gate];
    const threshold = thresholds[gate]!;
    const actual = definition.value(summary, judge);
    const outcome = { gate, label: definition.label, bound: definition.bound, threshold, actual };
    if (actual === null) {
      if (definition.judge && judge.requested) {
        const why = !judge.ran
          ? "the judge could not run (no model server configured)"
          : judge.attempted === 0
            ? "no answer was judged"
            : `all ${judge.attempted} judge verdicts failed`;
        return { ...outcome, status: "failed", note: `not measured: ${why}` };
      }
      return { ...outcome, status: "skipped", note: "not measured in this run" };
    }
    const passed = definition.bound === "min" ? actual >= threshold - 1e-9 : actual <= threshold + 1e-9;
    return { ...outcome, status: passed ? "passed" : "failed" };
  });
}

const thresholdsSchema = z
  .object(
    Object.fromEntries(GATE_NAMES.map((name) => [name, z.number().nonnegative().optional()])) as Record<
      GateName,
      z.ZodOptional<z.ZodNumber>
    >,
  )
  .strict();

const gatesFileSchema = thresholdsSchema
  .extend({
    /** Baseline tolerance, used with --baseline. */
    tolerance: z.number().min(0).max(1).optional(),
    /** Largest allowed tune − test difference on any headline metric (a ratio; 0.05 = 5 points). */
    "max-tune-test-gap": z.number().min(0).max(1).optional(),
    /** Thresholds for one split (by name: dev, tune, test), used instead of the top-level ones. */
    splits: z.record(z.string().min(1), thresholdsSchema.extend({ $comment: z.string().optional() }).strict()).optional(),
    $comment: z.string().optional(),
  })
  .strict();

export interface GatesFile {
  /** Top-level thresholds: for a split that has no entry in `splits`. */
  thresholds: GateThresholds;
  tolerance?: number;
  maxTuneTestGap?: number;
  splits?: Record<string, GateThresholds>;
}

/** The thresholds a split is held to: its own section of the gates file, else the top level; flags override both. */
export function thresholdsFor(split: string, file: GatesFile | undefined, flags: GateThresholds): GateThresholds {
  return { ...(file?.splits?.[split] ?? file?.thresholds), ...flags };
}

function pickThresholds(raw: Partial<Record<GateName, number | undefined>>): GateThresholds {
  const thresholds: GateThresholds = {};
  for (const name of GATE_NAMES) if (raw[name] !== undefined) thresholds[name] = raw[name];
  return thresholds;
}

export async function loadGatesFile(file: string): Promise<GatesFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BadInput(code === "ENOENT" ? `Gates file ${file} does not exist.` : `Gates file ${file} is not valid JSON.`);
  }
  const parsed = gatesFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BadInput(
      `Gates file ${file}: ${parsed.error.issues.map((i) => `${i.path.join(".") || (i.code === "unrecognized_keys" ? i.keys.join(", ") : "(root)")}: ${i.message}`).join("; ")}`,
    );
  }
  const { tolerance, splits, "max-tune-test-gap": maxGap, $comment: _comment, ...rest } = parsed.data;
  return {
    thresholds: pickThresholds(rest),
    ...(tolerance !== undefined ? { tolerance } : {}),
    ...(maxGap !== undefined ? { maxTuneTestGap: maxGap } : {}),
    ...(splits ? { splits: Object.fromEntries(Object.entries(splits).map(([name, t]) => [name, pickThresholds(t)])) } : {}),
  };
}
