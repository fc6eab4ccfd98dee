import { createHash } from "node:crypto";
import { ExtractiveAnswerer } from "../answering/ExtractiveAnswerer.js";
import { confidenceSignals, decideConfidence, type ConfidenceSignals } from "../retrieval/confidence.js";
import type { Retriever } from "../retrieval/types.js";
import { historyTurns, type Dataset } from "./dataset.js";

/**
 * Choosing the confidence thresholds from data: each question of the tune split is retrieved
 * the way the offline answerer does (follow-ups with their history), its confidence signals are
 * recorded, and the two thresholds (refuse under `none`, mark low under `low`) are chosen by
 * k-fold cross-validation so the reported figures are for questions the choice did not see.
 * Never run this on the test split: the CLI refuses to.
 */

export interface LabelledSignals {
  id: string;
  unanswerable: boolean;
  signals: ConfidenceSignals;
}

export async function collectSignals(dataset: Dataset, retriever: Retriever, k: number): Promise<LabelledSignals[]> {
  const answerer = new ExtractiveAnswerer({ retriever });
  const out: LabelledSignals[] = [];
  for (const q of dataset.questions) {
    const request = { question: q.question, history: historyTurns(q.history), k };
    const { query, result } = await answerer.retrieveFor(request);
    out.push({ id: q.id, unanswerable: q.unanswerable, signals: confidenceSignals(query, result) });
  }
  return out;
}

export interface Thresholds {
  none: number;
  low: number;
}

export interface Rates {
  answerableRefused: number;
  answerableLow: number;
  unanswerableRefused: number;
  unanswerableCaught: number;
}

/** The product's decision (decideConfidence) with the candidate refusal threshold in place of the retriever's. */
function levelOf(s: ConfidenceSignals, t: Thresholds): "high" | "low" | "none" {
  return s.evidence < t.none ? "none" : decideConfidence({ ...s, weak: false }, { low: t.low });
}

export function ratesAt(items: readonly LabelledSignals[], t: Thresholds): Rates {
  const answerable = items.filter((i) => !i.unanswerable);
  const unanswerable = items.filter((i) => i.unanswerable);
  const share = (list: readonly LabelledSignals[], test: (level: string) => boolean) =>
    list.length === 0 ? 0 : list.filter((i) => test(levelOf(i.signals, t))).length / list.length;
  return {
    answerableRefused: share(answerable, (l) => l === "none"),
    answerableLow: share(answerable, (l) => l === "low"),
    unanswerableRefused: share(unanswerable, (l) => l === "none"),
    unanswerableCaught: share(unanswerable, (l) => l !== "high"),
  };
}

/** The targets of issue 14; the objective penalises missing them, then prefers catching more and flagging less. */
export const TARGETS = { maxAnswerableRefused: 0.05, maxAnswerableLow: 0.15, minUnanswerableCaught: 0.9 } as const;

export function objective(r: Rates): number {
  const over = (value: number, limit: number) => Math.max(0, value - limit);
  return (
    10 * over(r.answerableRefused, TARGETS.maxAnswerableRefused) +
    10 * over(r.answerableLow, TARGETS.maxAnswerableLow) +
    10 * over(TARGETS.minUnanswerableCaught, r.unanswerableCaught) +
    // Within the targets: a refused answerable question costs most, a missed unanswerable next.
    1 * r.answerableRefused +
    0.5 * (1 - r.unanswerableCaught) +
    0.25 * r.answerableLow
  );
}

export const GRID = Array.from({ length: 81 }, (_, i) => Math.round(i * 0.01 * 100) / 100);

/** The thresholds with the best objective on `items` (ties: the lower, i.e. more permissive, ones). */
export function chooseThresholds(items: readonly LabelledSignals[]): Thresholds {
  let best: { t: Thresholds; score: number } | undefined;
  for (const none of GRID) {
    for (const low of GRID) {
      if (low < none) continue;
      const score = objective(ratesAt(items, { none, low }));
      if (!best || score < best.score - 1e-12) best = { t: { none, low }, score };
    }
  }
  return best!.t;
}

/** Deterministic fold of a question: by a hash of its id, so reruns and reorderings agree. */
function foldOf(id: string, folds: number): number {
  return createHash("sha256").update(id).digest().readUInt32BE(0) % folds;
}

export interface CrossValidation {
  folds: { fold: number; size: number; chosen: Thresholds; heldOut: Rates }[];
  /** Held-out rates pooled over all folds (each question scored by thresholds chosen without it). */
  pooled: Rates;
  /** Thresholds chosen on every question: what the product uses. */
  final: Thresholds;
}

export function crossValidate(items: readonly LabelledSignals[], folds = 5): CrossValidation {
  const results: CrossValidation["folds"] = [];
  const pooledLevels: LabelledSignals[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const train = items.filter((i) => foldOf(i.id, folds) !== fold);
    const held = items.filter((i) => foldOf(i.id, folds) === fold);
    const chosen = chooseThresholds(train);
    results.push({ fold, size: held.length, chosen, heldOut: ratesAt(held, chosen) });
    // Re-express each held-out item by its decision so pooling needs no thresholds.
    for (const item of held) pooledLevels.push({ ...item, signals: decisionAsSignals(levelOf(item.signals, chosen)) });
  }
  return { folds: results, pooled: ratesAt(pooledLevels, { none: 0.5, low: 0.5 }), final: chooseThresholds(items) };
}

/** Signals that decide to `level` under thresholds { none: 0.5, low: 0.5 }. */
function decisionAsSignals(level: "high" | "low" | "none"): ConfidenceSignals {
  if (level === "none") return { evidence: 0, weak: true, missingDetails: [] };
  if (level === "low") return { evidence: 0.6, weak: false, missingDetails: ["price"] };
  return { evidence: 1, weak: false, missingDetails: [] };
}

/** The curves for the README: per threshold, what refusing (none) and flagging (low) would do. */
export function curves(items: readonly LabelledSignals[], chosen: Thresholds, step = 0.05) {
  const points = GRID.filter((t) => Math.abs(t / step - Math.round(t / step)) < 1e-9);
  return {
    refuse: points.map((t) => ({ threshold: t, ...ratesAt(items, { none: t, low: t }) })),
    flag: points.filter((t) => t >= chosen.none).map((t) => ({ threshold: t, ...ratesAt(items, { none: chosen.none, low: t }) })),
  };
}
