import type { Chunk } from "../chunking/types.js";
import { isHanCodePoint } from "../text/codePointKinds.js";
import { maskCoverage, termCoverage, type TermGroup } from "./abstention.js";
import type { TermMarks } from "./termStatistics.js";
import type { FusedCandidate, FusedId } from "./fusion.js";

/**
 * A learned re-ranker over the first RERANK_DEPTH fused candidates. Reciprocal rank fusion
 * weighs the dense and BM25 rankings equally and ignores what the passage says; on the blind
 * tune questions the gold passage was often fused to rank 6–20 while a passage that covered
 * more of the question's rare words, or whose heading named its topic, sat above it. The
 * features are generic (no word lists): ranks and scores of both rankings, idf-weighted
 * coverage of the question in the passage and in its heading alone, coverage of the
 * expansion terms (glossary, dictionary, typo fixes), Han character bigram overlap, how much of
 * the leading candidates' score the passage's document holds, whether it is a short line, and its
 * similarity to the question in the glossary's concept space (conceptSpace.ts).
 * (A "roadmap or note" kind and a section-level coverage were dropped: on the bundled corpus every
 * chunk is a roadmap chunk and every section one chunk, so they only duplicated other features.) The
 * weights are a logistic regression fitted by `npx tsx scripts/eval/fitReranker.ts` on the
 * tune split, with held-out figures by folds of questions (tests/eval/README.md).
 */

/** Fused candidates re-scored; below this depth the fused order is kept. */
export const RERANK_DEPTH = 30;

export const FEATURE_NAMES = [
  "rrf",
  "denseRecip",
  "lexicalRecip",
  "denseSimilarity",
  "bm25Relative",
  "coverage",
  "headingCoverage",
  "expansionCoverage",
  "shortPassage",
  "documentVote",
  "bigramOverlap",
  "conceptSimilarity",
] as const;

export interface RerankModel {
  bias: number;
  weights: Readonly<Record<(typeof FEATURE_NAMES)[number], number>>;
}

export interface RerankContext {
  /** The question's content terms with their idf weights (abstention.ts). */
  groups: readonly TermGroup[];
  /**
   * The same groups with only the tokens the index holds. A candidate's own tokens (tokensOf) are
   * index terms, so its coverage reads these and comes out the same, with fewer set lookups.
   */
  groupsInIndex: readonly TermGroup[];
  /** Tokens of the query expansions (glossary names, dictionary terms, typo fixes) the index holds. */
  expansionTokensInIndex: readonly string[];
  /** How many distinct expansion tokens there are, held by the index or not: the feature's denominator. */
  expansionTokenCount: number;
  /** The best BM25 score of the query (computed once, not per candidate). */
  topLexicalScore: number;
  tokensOf(chunk: Chunk): ReadonlySet<string>;
  /**
   * groupsInIndex and expansionTokensInIndex marked by term id (TermStatistics.markTerms): a
   * candidate's coverage and expansion count read from its term ids, without its token set.
   * Absent, or undefined for a chunk, the token set is read.
   */
  termMarks?: TermMarks | undefined;
  headingTokensOf(chunk: Chunk): ReadonlySet<string>;
  /**
   * Per token of `groups`, the bits of the groups holding it (tokenGroupMasks): a heading's coverage
   * is then read from its few tokens, not from every token of every group. Absent: termCoverage.
   */
  headingGroupMasks?: ReadonlyMap<string, number> | undefined;
  /** Share of the leading candidates' fused score that falls in each document (0..1). */
  documentVote: ReadonlyMap<string, number>;
  /** Han character bigrams of the question's content (filler and cue words out), as hanBigramCodes. */
  questionBigrams: Float64Array;
  /** A chunk's heading and text bigrams, as hanBigramCodes (`position`: see candidateFeatures). */
  bigramsOf(chunk: Chunk, position?: number): Float64Array;
  /** The cosine of the question and a chunk in concept space (conceptSpace.ts); 0 when absent. */
  conceptSimilarity?: (chunk: Chunk, position?: number) => number;
}

/** Candidates whose fused scores vote for their document. */
const VOTING_CANDIDATES = 10;

/** Each document's share of the fused score of the first VOTING_CANDIDATES candidates. */
export function documentVotes(fused: readonly FusedId[], docOf: (id: string) => string | undefined): Map<string, number> {
  const votes = new Map<string, number>();
  let total = 0;
  for (const entry of fused.slice(0, VOTING_CANDIDATES)) {
    const doc = docOf(entry.id);
    if (!doc) continue;
    votes.set(doc, (votes.get(doc) ?? 0) + entry.score);
    total += entry.score;
  }
  for (const [doc, vote] of votes) votes.set(doc, total > 0 ? vote / total : 0);
  return votes;
}

/** Han character bigrams of a text: robust to word segmentation, near-form typos elsewhere and inflection. */
export function hanBigrams(text: string): Set<string> {
  const bigrams = new Set<string>();
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) bigrams.add(chars[i]! + chars[i + 1]!);
  }
  return bigrams;
}

/** A bigram's code: its first code point × 2^21 + its second (code points are below 2^21, so codes are exact and distinct). */
const SECOND = 0x200000;
/** Up to this many codes are sorted by insertion in a scratch array: a typed array's sort and subarray cost more than that on a question's few. */
const INSERTION_SORTED = 64;
const codeScratch = new Float64Array(INSERTION_SORTED);

/**
 * hanBigrams as their codes, sorted and distinct: two texts' shared bigrams are counted by
 * walking both arrays once, not by looking strings up in a set (the re-ranker does it for 30
 * candidates a question, against a couple of hundred bigrams each). The Han runs are read code
 * point by code point, as the pattern /\p{Script=Han}+/gu reads them: a bigram is two Han code
 * points in a row, and anything else (a lone surrogate too) ends a run. A question's handful of
 * codes is sorted by insertion and copied out at its length. Per search (the question's content,
 * once) this took ~7 µs with the pattern's matches and a typed array's sort, ~3 µs with the walk
 * alone, ~1.4 µs with both.
 */
export function hanBigramCodes(text: string): Float64Array {
  const codes: number[] = [];
  let previous = -1;
  for (let i = 0; i < text.length;) {
    const point = text.codePointAt(i)!;
    i += point > 0xffff ? 2 : 1;
    if (!isHanCodePoint(point)) {
      previous = -1;
      continue;
    }
    if (previous >= 0) codes.push(previous * SECOND + point);
    previous = point;
  }
  if (codes.length > INSERTION_SORTED) {
    const sorted = Float64Array.from(codes).sort();
    let distinct = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
    return sorted.subarray(0, distinct);
  }
  // Ascending and distinct in the scratch: each code inserted in place, a code already there skipped.
  let distinct = 0;
  for (const code of codes) {
    let at = distinct;
    while (at > 0 && codeScratch[at - 1]! > code) at--;
    if (at > 0 && codeScratch[at - 1] === code) continue;
    for (let k = distinct; k > at; k--) codeScratch[k] = codeScratch[k - 1]!;
    codeScratch[at] = code;
    distinct++;
  }
  return codeScratch.slice(0, distinct);
}

/** A passage of fewer characters than this is mostly a heading or a link line. */
const SHORT_PASSAGE_CHARS = 60;

/**
 * The features of a fused candidate: its ranks and scores in the dense and lexical rankings are on
 * it (fuseDenseAndLexical). Written into `out` when given (a caller that scores each candidate at
 * once reuses one array for all of them), else into a new array. `position`, the chunk's in the
 * index (TermStatistics.chunkPosition), when the caller has it: the context's per-chunk reads
 * then index arrays by it, not maps by the chunk or its id (one lookup per candidate, not five).
 */
export function candidateFeatures(
  chunk: Chunk,
  fused: FusedCandidate,
  context: RerankContext,
  out: number[] = [],
  position?: number,
): number[] {
  const topLexical = context.topLexicalScore;
  const { denseRank, lexicalRank } = fused;
  const marked = context.termMarks?.(chunk, position);
  let coverage: number;
  let expansionFound = 0;
  if (marked) {
    coverage = maskCoverage(context.groupsInIndex, marked.groups);
    expansionFound = marked.expansions;
  } else {
    const tokens = context.tokensOf(chunk);
    for (const token of context.expansionTokensInIndex) if (tokens.has(token)) expansionFound++;
    coverage = termCoverage(context.groupsInIndex, tokens);
  }
  // RRF with k = 60 over two lists: at most 2/61, scaled to 0..1 (the concept ranking can add up to 1/61 more).
  out[0] = (fused.score * 61) / 2;
  out[1] = denseRank ? 1 / Math.sqrt(denseRank) : 0;
  out[2] = lexicalRank ? 1 / Math.sqrt(lexicalRank) : 0;
  out[3] = Math.min(1, (fused.denseSimilarity ?? 0) / 0.5);
  out[4] = topLexical > 0 ? (fused.lexicalScore ?? 0) / topLexical : 0;
  out[5] = coverage;
  out[6] = headingCoverage(chunk, context, position);
  out[7] = context.expansionTokenCount > 0 ? expansionFound / context.expansionTokenCount : 0;
  out[8] = chunk.text.length < SHORT_PASSAGE_CHARS ? 1 : 0;
  out[9] = context.documentVote.get(chunk.docId) ?? 0;
  out[10] = overlap(context.questionBigrams, context.bigramsOf(chunk, position));
  out[11] = context.conceptSimilarity?.(chunk, position) ?? 0;
  return out;
}

/** Groups beyond this many do not fit a mask's bits (maskCoverage): their coverage is read by termCoverage. */
const MASKED_GROUPS = 30;

/** Per token, the bit of each group holding it (bit g for group g); undefined past MASKED_GROUPS groups. */
export function tokenGroupMasks(groups: readonly TermGroup[]): ReadonlyMap<string, number> | undefined {
  if (groups.length > MASKED_GROUPS) return undefined;
  const masks = new Map<string, number>();
  for (let g = 0; g < groups.length; g++) for (const token of groups[g]!.tokens) masks.set(token, (masks.get(token) ?? 0) | (1 << g));
  return masks;
}

/** termCoverage of the question's groups in the chunk's heading, from the heading's tokens when the masks are there. */
function headingCoverage(chunk: Chunk, context: RerankContext, position: number | undefined): number {
  const masks = context.headingGroupMasks;
  if (!masks) return termCoverage(context.groups, context.headingTokensOf(chunk));
  // By term id when the chunk's heading tokens are all index terms: the marked bits of such a
  // token are its masks (a group's tokens outside the index are in no heading).
  let covered = context.termMarks?.headingGroups(chunk, position);
  if (covered === undefined) {
    covered = 0;
    for (const token of context.headingTokensOf(chunk)) covered |= masks.get(token) ?? 0;
  }
  // The same sums in the same order as termCoverage (maskCoverage), so the same value to the last bit.
  return maskCoverage(context.groups, covered);
}

/**
 * The share of `wanted`'s bigrams that `found` holds: both sorted and distinct (hanBigramCodes).
 * A question has a dozen or two bigrams, a chunk a few hundred: each wanted code is found by
 * galloping then halving from where the last one was, not by walking the chunk's codes one by one
 * (that walk was most of the re-ranker's per-candidate time). The same count as a merge.
 */
function overlap(wanted: Float64Array, found: Float64Array): number {
  if (wanted.length === 0) return 0;
  let shared = 0;
  // Every code of `found` before `low` is below the code sought.
  let low = 0;
  for (let i = 0; i < wanted.length && low < found.length; i++) {
    const code = wanted[i]!;
    let high = low;
    for (let step = 1; high < found.length && found[high]! < code; step *= 2) {
      low = high + 1;
      high += step;
    }
    if (high > found.length) high = found.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (found[middle]! < code) low = middle + 1;
      else high = middle;
    }
    if (low < found.length && found[low] === code) {
      shared++;
      low++;
    }
  }
  return shared / wanted.length;
}

export function rerankScore(features: readonly number[], model: RerankModel): number {
  const weights = weightsInOrder(model);
  let score = model.bias;
  for (let i = 0; i < weights.length; i++) score += weights[i]! * (features[i] ?? 0);
  return score;
}

/** A model's weights in FEATURE_NAMES order, looked up by name once per model, not 11 times per candidate. */
const orderedWeights = new WeakMap<RerankModel, readonly number[]>();

function weightsInOrder(model: RerankModel): readonly number[] {
  let weights = orderedWeights.get(model);
  if (!weights) orderedWeights.set(model, (weights = FEATURE_NAMES.map((name) => model.weights[name])));
  return weights;
}

/**
 * The fused list with its first RERANK_DEPTH ids re-ordered by the model (ties keep the fused
 * order); the rest follow in fused order. Scores become the model's, so a list stays sorted by
 * score (what /api/search shows): the tail is placed just below the lowest head score.
 * `features` may hand back the same array each time: it is scored before the next call.
 */
export function rerankFused(fused: readonly FusedId[], model: RerankModel, features: (fused: FusedId) => number[] | undefined): FusedId[] {
  // Loops over the head and the tail: no slices, spreads or filtered copies (this runs per search).
  const depth = Math.min(RERANK_DEPTH, fused.length);
  const head: { id: string; position: number; score: number }[] = [];
  let lowest = Number.POSITIVE_INFINITY;
  for (let position = 0; position < depth; position++) {
    const entry = fused[position]!;
    const values = features(entry);
    const score = values ? rerankScore(values, model) : Number.NEGATIVE_INFINITY;
    head.push({ id: entry.id, position, score });
    if (Number.isFinite(score) && score < lowest) lowest = score;
  }
  head.sort((a, b) => b.score - a.score || a.position - b.position);
  // RRF scores are below 1, so the tail keeps its order under every head score.
  const floor = (lowest !== Number.POSITIVE_INFINITY ? lowest : 0) - 1;
  const ranked: FusedId[] = [];
  for (const h of head) ranked.push({ id: h.id, score: Number.isFinite(h.score) ? h.score : floor });
  for (let i = depth; i < fused.length; i++) ranked.push({ id: fused[i]!.id, score: floor - 1 + fused[i]!.score });
  return ranked;
}
