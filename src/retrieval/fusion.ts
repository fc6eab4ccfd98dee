import type { Chunk } from "../chunking/types.js";
import type { Passage } from "./types.js";
import { recentByChunk } from "./recentByChunk.js";

/** The usual constant of reciprocal rank fusion: damps the gap between rank 1 and rank 2. */
export const RRF_K = 60;

export interface FusedId {
  id: string;
  score: number;
}

/**
 * Reciprocal rank fusion: score(id) = Σ over lists of 1 / (k + rank), rank 1-based. Best first;
 * ties go to the id with the better best rank, then to the id order, so the result is stable.
 * An id repeated inside one list counts at its first rank only.
 */
export function reciprocalRankFusion(rankings: readonly (readonly string[])[], k = RRF_K): FusedId[] {
  // Parallel arrays by first appearance, not an object per id: this runs on every question.
  const slotOf = new Map<string, number>();
  const ids: string[] = [];
  const scores: number[] = [];
  const bestRanks: number[] = [];
  const lastRanking: number[] = [];
  rankings.forEach((ranking, r) => {
    for (let position = 0; position < ranking.length; position++) {
      const id = ranking[position]!;
      let slot = slotOf.get(id);
      if (slot === undefined) {
        slot = ids.length;
        slotOf.set(id, slot);
        ids.push(id);
        scores.push(0);
        bestRanks.push(Number.POSITIVE_INFINITY);
        lastRanking.push(-1);
      }
      if (lastRanking[slot] === r) continue;
      lastRanking[slot] = r;
      const rank = position + 1;
      scores[slot]! += 1 / (k + rank);
      bestRanks[slot] = Math.min(bestRanks[slot]!, rank);
    }
  });
  const order = ids.map((_, slot) => slot);
  order.sort((a, b) => {
    const idA = ids[a]!;
    const idB = ids[b]!;
    return scores[b]! - scores[a]! || bestRanks[a]! - bestRanks[b]! || (idA < idB ? -1 : idA > idB ? 1 : 0);
  });
  return order.map((slot) => ({ id: ids[slot]!, score: scores[slot]! }));
}

/**
 * A candidate of the dense and the lexical ranking, fused: its RRF score, and its 1-based rank and
 * score in each ranking it is in (absent where it is not). What the re-ranker's features and the
 * passages read of it, held on the fused entry itself rather than in a map per figure.
 */
export interface FusedCandidate extends FusedId {
  denseRank?: number | undefined;
  denseSimilarity?: number | undefined;
  lexicalRank?: number | undefined;
  lexicalScore?: number | undefined;
}

interface CandidateSlot extends FusedCandidate {
  bestRank: number;
  /** 0 once counted for the dense ranking, 1 for the lexical one, 2 for the concept one. */
  lastRanking: number;
}

/**
 * reciprocalRankFusion of a dense, a lexical and (when given) a concept ranking (the same order,
 * the same scores), whose entries also carry each ranking's rank and score, and one map from id to entry: one
 * record and one map per candidate instead of the fusion's slots and four maps of the same ids
 * (one per rank and score) that the re-ranker and the passages read. As a Map built from a
 * ranking would, a chunk repeated inside a ranking keeps its last rank and score there; the
 * fusion counts its first rank only.
 */
export function fuseDenseAndLexical(
  dense: readonly { chunkId: string; similarity: number }[],
  lexical: readonly { chunkId: string; score: number }[],
  concept: readonly { chunkId: string }[] = [],
  k = RRF_K,
): { fused: FusedCandidate[]; byId: ReadonlyMap<string, FusedCandidate> } {
  const byId = new Map<string, CandidateSlot>();
  const slots: CandidateSlot[] = [];
  const slotOf = (id: string): CandidateSlot => {
    let slot = byId.get(id);
    if (slot === undefined) {
      // Every field from the start (undefined until a ranking sets it): one shape for every
      // candidate, so the re-ranker's reads of them stay monomorphic.
      slot = {
        id,
        score: 0,
        denseRank: undefined,
        denseSimilarity: undefined,
        lexicalRank: undefined,
        lexicalScore: undefined,
        bestRank: Number.POSITIVE_INFINITY,
        lastRanking: -1,
      };
      byId.set(id, slot);
      slots.push(slot);
    }
    return slot;
  };
  const count = (slot: CandidateSlot, ranking: number, rank: number) => {
    if (slot.lastRanking === ranking) return;
    slot.lastRanking = ranking;
    slot.score += 1 / (k + rank);
    slot.bestRank = Math.min(slot.bestRank, rank);
  };
  for (let position = 0; position < dense.length; position++) {
    const hit = dense[position]!;
    const slot = slotOf(hit.chunkId);
    count(slot, 0, position + 1);
    slot.denseRank = position + 1;
    slot.denseSimilarity = hit.similarity;
  }
  for (let position = 0; position < lexical.length; position++) {
    const hit = lexical[position]!;
    const slot = slotOf(hit.chunkId);
    count(slot, 1, position + 1);
    slot.lexicalRank = position + 1;
    slot.lexicalScore = hit.score;
  }
  // A third ranking, the passages nearest in concept space (conceptSpace.ts), counts like the
  // others; its candidates carry no rank or score of their own.
  for (let position = 0; position < concept.length; position++) count(slotOf(concept[position]!.chunkId), 2, position + 1);
  // reciprocalRankFusion's order: score, then best rank, then id.
  slots.sort((a, b) => b.score - a.score || a.bestRank - b.bestRank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { fused: slots, byId };
}

/** Similarity threshold on character shingles above which two passages say the same thing. */
export const DUPLICATE_JACCARD = 0.8;

/**
 * Two chunks are near-duplicates when they come from the same document and most of the shorter
 * one's lines are shared (the chunker repeats a sentence between neighbours: that alone is not
 * a duplicate), or when their texts are nearly the same (Jaccard of character 3-shingles above
 * 0.8, whitespace ignored). 001 lists its stage names twice, once as a plan and once as notes:
 * the headings repeat but the texts differ, so both halves stay.
 */
export function isNearDuplicate(a: Chunk, b: Chunk): boolean {
  const known = comparedWith(a);
  let duplicate = known.get(b);
  if (duplicate === undefined) {
    duplicate = nearDuplicate(a, b, chunkShingles(a), chunkShingles(b));
    if (known.size >= MAX_PAIRS_PER_CHUNK) known.clear();
    known.set(b, duplicate);
  }
  return duplicate;
}

/** Shingle sets of recently compared chunks: building one costs more than comparing two. */
const chunkShingles = recentByChunk(4096, (chunk) => shingles(chunk.text));
/**
 * Whether two chunks are near-duplicates is fixed for an index version, and the same leading
 * passages are compared question after question: each recent chunk keeps its verdicts.
 */
const comparedWith = recentByChunk(4096, () => new Map<Chunk, boolean>());
const MAX_PAIRS_PER_CHUNK = 256;

function nearDuplicate(a: Chunk, b: Chunk, shinglesA: Set<string>, shinglesB: Set<string>): boolean {
  if (a.id === b.id) return true;
  if (a.docId === b.docId) {
    const shared = Math.min(a.endLine, b.endLine) - Math.max(a.startLine, b.startLine) + 1;
    const shorter = Math.min(a.endLine - a.startLine + 1, b.endLine - b.startLine + 1);
    if (shared > 0 && shared * 2 > shorter) return true;
  }
  // Jaccard cannot exceed smaller / larger: sets of very different sizes need no comparison.
  const [smaller, larger] = shinglesA.size < shinglesB.size ? [shinglesA.size, shinglesB.size] : [shinglesB.size, shinglesA.size];
  if (larger > 0 && smaller / larger <= DUPLICATE_JACCARD) return false;
  return jaccard(shinglesA, shinglesB) > DUPLICATE_JACCARD;
}

function shingles(text: string, size = 3): Set<string> {
  const compact = Array.from(text.replace(/\s+/gu, "").toLowerCase());
  const result = new Set<string>();
  if (compact.length < size) {
    if (compact.length > 0) result.add(compact.join(""));
    return result;
  }
  for (let i = 0; i + size <= compact.length; i++) result.add(compact.slice(i, i + size).join(""));
  return result;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * The best `k` passages that are neither near-duplicates of a better-ranked one nor beyond
 * `maxPerSection` from one section (document + section index; text before the first heading
 * counts as one section), so one long section cannot fill the whole answer. Order preserved.
 * Lazy: it stops once `k` are chosen, so a query compares a handful of passages instead of
 * every fused candidate. A passage dropped by the section cap still counts as seen for
 * duplicate checks.
 */
export function selectDiverse(passages: Iterable<Passage>, k: number, maxPerSection: number): Passage[] {
  const seen: Chunk[] = [];
  const chosen: Passage[] = [];
  if (k <= 0) return chosen;
  for (const passage of passages) {
    const { chunk } = passage;
    if (seen.some((other) => isNearDuplicate(other, chunk))) continue;
    seen.push(chunk);
    // The passages chosen from its section so far, counted among the chosen (at most k): no
    // "document#section" key built and hashed for every passage read.
    let count = 0;
    for (const other of chosen) if (other.chunk.sectionIndex === chunk.sectionIndex && other.chunk.docId === chunk.docId) count++;
    if (count >= maxPerSection) continue;
    chosen.push(passage);
    // Checked here, not before reading the next one: a lazy list is not read past the k-th.
    if (chosen.length >= k) break;
  }
  return chosen;
}
