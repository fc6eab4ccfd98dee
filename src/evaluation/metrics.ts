import type { AnswerResult } from "../answering/types.js";
import { isGold, isGoldFor, mentions, type LocatedGold, type PassageRef } from "./goldMatching.js";
import type { AnswerScore, MetricSummary, QuestionResult, RetrievalScore } from "./types.js";

/** Retrieval against gold quotes: hit@k, reciprocal rank and gold recall over the top k. */
export function scoreRetrieval(retrieved: readonly PassageRef[], golds: readonly LocatedGold[], k: number): RetrievalScore {
  const top = retrieved.slice(0, k);
  const goldFlags = top.map((p) => isGold(p, golds));
  const index = goldFlags.indexOf(true);
  const firstGoldRank = index >= 0 ? index + 1 : null;
  const goldFound = golds.map((gold) => top.some((p) => isGoldFor(p, gold)));
  return {
    firstGoldRank,
    hit: firstGoldRank !== null,
    reciprocalRank: firstGoldRank === null ? 0 : 1 / firstGoldRank,
    goldRecall: golds.length === 0 ? 0 : goldFound.filter(Boolean).length / golds.length,
    goldFound,
    top: top.map((p, i) => ({ source: p.source, lines: { start: p.startLine, end: p.endLine }, gold: goldFlags[i] ?? false })),
  };
}

export interface AnswerExpectations {
  golds: readonly LocatedGold[];
  mustMention: readonly string[];
  unanswerable: boolean;
}

export function scoreAnswer(answer: AnswerResult, expected: AnswerExpectations): AnswerScore {
  const citations = answer.citations.map((c) => {
    const ref: PassageRef = { source: c.source, text: c.text, startLine: c.lines.start, endLine: c.lines.end, headingPath: c.headingPath };
    return { n: c.n, source: c.source, lines: { start: c.lines.start, end: c.lines.end }, gold: isGold(ref, expected.golds) };
  });
  const hasGold = expected.golds.length > 0;
  const goldCited = citations.filter((c) => c.gold).length;
  const missingMentions = expected.mustMention.filter((phrase) => !mentions(answer.answer, phrase));
  return {
    text: answer.answer,
    mode: answer.mode,
    abstained: answer.abstained,
    confidence: answer.confidence ?? (answer.abstained ? "none" : "high"),
    citations,
    citationPrecision: hasGold && citations.length > 0 ? goldCited / citations.length : null,
    citationHit: hasGold ? goldCited > 0 : null,
    mustMentionRecall:
      expected.mustMention.length === 0 ? null : (expected.mustMention.length - missingMentions.length) / expected.mustMention.length,
    missingMentions,
    abstentionCorrect: answer.abstained === expected.unanswerable,
  };
}

/** Nearest-rank percentile (p in 0..100) of the values; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

const asNumber = (flag: boolean) => (flag ? 1 : 0);

/**
 * Aggregate metrics. A question whose pipeline call failed counts as a miss for every answer
 * metric that would have applied to it (a broken pipeline must not look better than a weak one).
 */
export function summarize(results: readonly QuestionResult[]): MetricSummary {
  const answerable = results.filter((r) => !r.unanswerable);
  const unanswerable = results.filter((r) => r.unanswerable);
  const retrieval = results.map((r) => r.retrieval).filter((r) => r !== null);
  const multiSource = results.filter((r) => r.retrieval && r.retrieval.goldFound.length > 1).map((r) => r.retrieval!.goldRecall);

  const answered = (
    list: readonly QuestionResult[],
    pick: (r: QuestionResult) => number | null | undefined,
    applies: (r: QuestionResult) => boolean,
  ) =>
    mean(
      list
        .filter(applies)
        .map((r) => (r.answer === null ? 0 : (pick(r) ?? null)))
        .filter((v): v is number => v !== null),
    );

  const judged = results.map((r) => r.judge).filter((j) => j?.status === "judged");
  const latencies = results.map((r) => r.latencyMs).filter((v): v is number => v !== null);
  const usages = results.map((r) => r.usage).filter((u) => u !== undefined);

  return {
    questions: results.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    errors: results.filter((r) => r.error !== undefined).length,
    hitAtK: mean(retrieval.map((r) => asNumber(r.hit))),
    mrr: mean(retrieval.map((r) => r.reciprocalRank)),
    goldRecall: mean(retrieval.map((r) => r.goldRecall)),
    multiSourceGoldRecall: mean(multiSource),
    citationPrecision: answered(
      answerable,
      (r) => r.answer?.citationPrecision,
      (r) => r.retrieval !== null,
    ),
    citationHit: answered(
      answerable,
      (r) => (r.answer?.citationHit == null ? null : asNumber(r.answer.citationHit)),
      (r) => r.retrieval !== null,
    ),
    mustMentionRecall: answered(
      answerable,
      (r) => r.answer?.mustMentionRecall,
      (r) => r.mustMention.length > 0,
    ),
    abstentionAccuracy: answered(
      unanswerable,
      (r) => asNumber(r.answer?.abstentionCorrect ?? false),
      () => true,
    ),
    falseAbstentionRate: mean(answerable.filter((r) => r.answer !== null).map((r) => asNumber(r.answer!.abstained))),
    unanswerableCaught: answered(
      unanswerable,
      (r) => asNumber(r.answer !== null && (r.answer.abstained || r.answer.confidence === "low")),
      () => true,
    ),
    answerableLowRate: mean(
      answerable.filter((r) => r.answer !== null).map((r) => asNumber(!r.answer!.abstained && r.answer!.confidence === "low")),
    ),
    faithfulness: mean(judged.map((j) => j.faithfulness)),
    answerRelevance: mean(judged.map((j) => j.relevance)),
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies.length ? Math.max(...latencies) : null },
    usage:
      usages.length === 0
        ? null
        : usages.reduce(
            (sum, u) => ({
              promptTokens: sum.promptTokens + u.promptTokens,
              completionTokens: sum.completionTokens + u.completionTokens,
              totalTokens: sum.totalTokens + u.totalTokens,
            }),
            { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
          ),
  };
}

/** Plain sentences saying what a question missed (JUnit failure text, report.md). */
export function describeFailures(result: Omit<QuestionResult, "failures">, golds: readonly LocatedGold[], k: number): string[] {
  const failures: string[] = [];
  if (result.error !== undefined) failures.push(`pipeline error: ${result.error}`);
  const r = result.retrieval;
  if (r && !r.hit) {
    const wanted = golds.map((g) => `${g.document} "${shorten(g.quote)}"`).join("; ");
    failures.push(`no gold passage in the top ${k} (expected ${wanted})`);
  }
  const a = result.answer;
  if (a) {
    if (result.unanswerable && !a.abstained && a.confidence !== "low")
      failures.push("answered an unanswerable question with high confidence");
    if (!result.unanswerable && a.abstained) failures.push("abstained on an answerable question");
    if (!result.unanswerable && !a.abstained && a.confidence === "low") failures.push("answered with confidence low");
    if (a.missingMentions.length > 0) failures.push(`answer does not mention: ${a.missingMentions.join(", ")}`);
    if (a.citationHit === false && !a.abstained) failures.push("no citation points to a gold passage");
  }
  const j = result.judge;
  if (j?.status === "judged") {
    const unsupported = j.claims.filter((c) => !c.supported).map((c) => `"${shorten(c.claim)}"`);
    if (j.faithfulness < 0.5)
      failures.push(`judge: unfaithful (${j.faithfulness.toFixed(2)}); unsupported claims: ${unsupported.join("; ") || "none listed"}`);
    if (j.relevance < 0.5) failures.push(`judge: answer not relevant (${j.relevance.toFixed(2)})`);
  }
  return failures;
}

function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * How well one question did, 0..1, for picking the worst questions: the mean of the checks that
 * apply to it (a pipeline error scores 0).
 */
export function questionScore(result: QuestionResult): number {
  if (result.answer === null) return 0;
  const parts: number[] = [];
  if (result.retrieval) parts.push(result.retrieval.reciprocalRank, result.retrieval.goldRecall);
  if (result.answer.mustMentionRecall !== null) parts.push(result.answer.mustMentionRecall);
  if (result.answer.citationHit !== null) parts.push(asNumber(result.answer.citationHit));
  parts.push(asNumber(result.answer.abstentionCorrect));
  if (result.judge?.status === "judged") parts.push(result.judge.faithfulness, result.judge.relevance);
  return mean(parts) ?? 0;
}
