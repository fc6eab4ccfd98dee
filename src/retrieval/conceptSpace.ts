import type { Chunk } from "../chunking/types.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import { recentlyComputed } from "../text/recentlyComputed.js";
import { conceptNames, questionUnits, tellingUnits, unitOfToken, type DefinitionUnit } from "./conceptDefinitions.js";
import type { TermStatistics } from "./termStatistics.js";

/**
 * Questions and passages as vectors over the field's concepts (explicit semantic analysis, with
 * the beginner's glossary of definitions as the concepts' texts): a text stands for a concept when
 * it names it (the documents' names of it) or describes it in its definition's words. A learner's
 * "once models get big enough they suddenly pick up new skills" and a passage's "模型规模突破临界点
 * 后出现的…能力" share no word, but both describe one concept. Passages are ranked by cosine in
 * that space: a third ranking beside the dense and the lexical one (ranking.ts), and the
 * similarity is a re-ranker feature. Built once per index from its term table: per chunk, no text
 * is read again.
 */

/**
 * A unit in more than this share of the definitions tells concepts apart too little to count. Wider
 * than describedConcept's 0.04: here a concept needs several units on both sides, and passages use
 * the definitions' everyday field words (规模, 能力) more than questions do. Chosen on tune among
 * 0.04 and 0.08 (tests/eval/README.md, "Session 11").
 */
const UNIT_SHARE = 0.08;
/** A text describes a concept when it shares this many distinct units with its definition… */
const MIN_SHARED_UNITS = 2;
/** …whose idf sum is at least this (two units each in a few definitions). */
const MIN_SCORE = 6;
/** What naming a concept weighs, beside the idf sum of a description (typically 6–20). */
const NAMED_WEIGHT = 10;
/**
 * A passage stands for at most this many concepts, its strongest. The bundled corpus's passages
 * stand for 38 (median; 69 at the 90th percentile) of the 300; the scale bench's word salad for
 * about 100, which at 100k chunks would cost memory for weights too small to move a cosine.
 * (8 or 16 lost tune answers; 64 changed one hit.)
 */
const MAX_CONCEPTS_PER_CHUNK = 64;
/**
 * A question reads at most this many of a concept's passages (the best weighted first): at 100k
 * chunks a concept most passages name would otherwise cost a walk over all of them. The bundled
 * corpus never reaches it.
 */
const MAX_POSTINGS = 2000;

/** A text's concepts and their weights, the weights of unit length. */
export interface ConceptVector {
  concepts: readonly number[];
  weights: readonly number[];
  /** The same weights by concept number (0 elsewhere): a passage's cosine reads them directly. */
  byConcept: Float64Array;
}

export interface ConceptHit {
  chunkId: string;
  similarity: number;
}

export class ConceptSpace {
  private readonly units: ReadonlyMap<string, DefinitionUnit>;
  /** Each concept's names as search tokens: a text names a concept when it holds every token of one. */
  /** The concepts' names as search tokens, by their first token: a question looks up only the names its tokens start. */
  private readonly namesByFirstToken = new Map<string, { concept: number; tokens: readonly string[] }[]>();
  /** Chunk c's concepts and weights: concepts/weights[chunkStart[c], chunkStart[c + 1]). */
  private readonly chunkStart: Uint32Array;
  private readonly chunkConcepts: Uint16Array;
  private readonly chunkWeights: Float32Array;
  /**
   * Concept k's chunks: postingChunks/postingWeights[postingStart[k], postingStart[k + 1]), in
   * index order, or the best weighted first when there are more than MAX_POSTINGS.
   */
  private readonly postingStart: Uint32Array;
  private readonly postingChunks: Uint32Array;
  private readonly postingWeights: Float32Array;

  /** nearest()'s scores by chunk, zero between calls (a question touches a few thousand of them at most). */
  private readonly scratch: Float64Array;

  constructor(
    private readonly chunks: readonly Chunk[],
    private readonly statistics: TermStatistics,
  ) {
    this.units = tellingUnits(UNIT_SHARE);
    const names = conceptNames();
    names.forEach((list, concept) => {
      for (const name of list) {
        const tokens = tokenizeForSearch(name);
        if (tokens.length === 0) continue;
        const named = this.namesByFirstToken.get(tokens[0]!);
        if (named) named.push({ concept, tokens });
        else this.namesByFirstToken.set(tokens[0]!, [{ concept, tokens }]);
      }
    });
    // Chunk-major, for a candidate's similarity.
    const { start, concepts, weights } = this.chunkVectors(names.length);
    this.chunkStart = start;
    this.chunkConcepts = concepts;
    this.chunkWeights = weights;
    // Concept-major, each concept's chunks best weighted first (then by position), for a question's nearest passages.
    this.postingStart = new Uint32Array(names.length + 1);
    for (const concept of concepts) this.postingStart[concept + 1]! += 1;
    for (let k = 0; k < names.length; k++) this.postingStart[k + 1]! += this.postingStart[k]!;
    const order = new Uint32Array(concepts.length);
    const next = this.postingStart.slice(0, names.length);
    for (let e = 0; e < concepts.length; e++) order[next[concepts[e]!]!++] = e;
    const chunkOf = new Uint32Array(concepts.length);
    for (let c = 0; c < chunks.length; c++) chunkOf.fill(c, start[c], start[c + 1]);
    // In chunk order already; a list nearest() cuts short gets its best MAX_POSTINGS first.
    for (let k = 0; k < names.length; k++) bestFirst(order.subarray(this.postingStart[k], this.postingStart[k + 1]), weights);
    this.postingChunks = new Uint32Array(order.length);
    this.postingWeights = new Float32Array(order.length);
    for (let p = 0; p < order.length; p++) {
      this.postingChunks[p] = chunkOf[order[p]!]!;
      this.postingWeights[p] = weights[order[p]!]!;
    }
    this.scratch = new Float64Array(chunks.length);
  }

  /** The concepts a question names or describes; undefined when it stands for none. */
  questionVector(query: string): ConceptVector | undefined {
    return this.recentQuestions(query) ?? undefined;
  }

  // null, not undefined, for "none": the memo computes again on undefined.
  private readonly recentQuestions = recentlyComputed(1024, (query: string): ConceptVector | null => {
    const scores = new Map<number, { score: number; shared: number }>();
    for (const unit of questionUnits(query)) {
      const telling = this.units.get(unit);
      if (!telling) continue;
      for (const concept of telling.concepts) {
        const entry = scores.get(concept);
        if (entry) {
          entry.score += telling.weight;
          entry.shared++;
        } else scores.set(concept, { score: telling.weight, shared: 1 });
      }
    }
    const weights = new Map<number, number>();
    for (const [concept, { score, shared }] of scores) if (shared >= MIN_SHARED_UNITS && score >= MIN_SCORE) weights.set(concept, score);
    const tokens = new Set(tokenizeForSearch(query));
    const named = new Set<number>();
    for (const token of tokens)
      for (const name of this.namesByFirstToken.get(token) ?? [])
        if (!named.has(name.concept) && name.tokens.every((t) => tokens.has(t))) named.add(name.concept);
    for (const concept of named) weights.set(concept, (weights.get(concept) ?? 0) + NAMED_WEIGHT);
    if (weights.size === 0) return null;
    const vector = unitLength(weights);
    const byConcept = new Float64Array(conceptNames().length);
    vector.concepts.forEach((concept, i) => (byConcept[concept] = vector.weights[i]!));
    return { ...vector, byConcept };
  });

  /** The `k` passages nearest the question in concept space, best first; ties by index order. */
  nearest(question: ConceptVector, k: number, allowedDocuments?: ReadonlySet<string>): ConceptHit[] {
    const scores = this.scratch;
    const touched: number[] = [];
    for (let q = 0; q < question.concepts.length; q++) {
      const concept = question.concepts[q]!;
      const weight = question.weights[q]!;
      const end = Math.min(this.postingStart[concept + 1]!, this.postingStart[concept]! + MAX_POSTINGS);
      for (let p = this.postingStart[concept]!; p < end; p++) {
        const chunk = this.postingChunks[p]!;
        if (scores[chunk] === 0) touched.push(chunk);
        scores[chunk]! += weight * this.postingWeights[p]!;
      }
    }
    // The best k kept in order as the touched chunks are read: k is a handful, touched up to thousands.
    const best: [number, number][] = [];
    for (const chunk of touched) {
      const score = scores[chunk]!;
      scores[chunk] = 0;
      if (best.length === k && !before(score, chunk, best[k - 1]!)) continue;
      if (allowedDocuments && !allowedDocuments.has(this.chunks[chunk]!.docId)) continue;
      let at = best.length;
      while (at > 0 && before(score, chunk, best[at - 1]!)) at--;
      best.splice(at, 0, [chunk, score]);
      if (best.length > k) best.pop();
    }
    return best.map(([chunk, similarity]) => ({ chunkId: this.chunks[chunk]!.id, similarity }));
  }

  /** The cosine of a question and a passage of the index (0 for a passage outside it). */
  similarity(question: ConceptVector, chunkId: string): number {
    const c = this.statistics.chunkPosition(chunkId);
    if (c === undefined) return 0;
    let sum = 0;
    for (let p = this.chunkStart[c]!; p < this.chunkStart[c + 1]!; p++)
      sum += question.byConcept[this.chunkConcepts[p]!]! * this.chunkWeights[p]!;
    return sum;
  }

  /**
   * Each chunk's concepts and weights (of unit length per chunk, at most MAX_CONCEPTS_PER_CHUNK),
   * read chunk by chunk from the term table in one scratch row of the concepts; a unit counts once
   * per chunk, though several of its terms may share its stem.
   */
  private chunkVectors(conceptCount: number): { start: Uint32Array; concepts: Uint16Array; weights: Float32Array } {
    // Each vocabulary term's telling unit, by term id (-1: none).
    const unitIds = new Map<string, number>();
    const unitList: DefinitionUnit[] = [];
    const termUnit: number[] = [];
    for (const term of this.statistics.vocabulary()) {
      const unit = unitOfToken(term);
      const telling = unit === undefined ? undefined : this.units.get(unit);
      if (unit === undefined || telling === undefined) {
        termUnit.push(-1);
        continue;
      }
      let id = unitIds.get(unit);
      if (id === undefined) {
        unitIds.set(unit, (id = unitList.length));
        unitList.push(telling);
      }
      termUnit.push(id);
    }
    // The concepts each chunk names.
    const namedBy = new Map<number, number[]>();
    conceptNames().forEach((names, concept) => {
      for (const name of names)
        this.statistics.forEachChunkNaming(name, (c) => {
          const list = namedBy.get(c);
          if (!list) namedBy.set(c, [concept]);
          else if (!list.includes(concept)) list.push(concept);
        });
    });
    const score = new Float64Array(conceptCount);
    const shared = new Uint16Array(conceptCount);
    const named = new Uint8Array(conceptCount);
    const unitSeen = new Int32Array(unitList.length).fill(-1);
    const start = new Uint32Array(this.chunks.length + 1);
    const concepts: number[] = [];
    const weights: number[] = [];
    const kept: [number, number][] = [];
    const touched: number[] = [];
    for (let c = 0; c < this.chunks.length; c++) {
      touched.length = 0;
      for (const term of this.statistics.termIdsOfChunk(c)) {
        const unit = termUnit[term]!;
        if (unit < 0 || unitSeen[unit] === c) continue;
        unitSeen[unit] = c;
        const telling = unitList[unit]!;
        for (const concept of telling.concepts) {
          if (shared[concept] === 0) touched.push(concept);
          score[concept]! += telling.weight;
          shared[concept]! += 1;
        }
      }
      for (const concept of namedBy.get(c) ?? []) {
        if (shared[concept] === 0 && named[concept] === 0) touched.push(concept);
        named[concept] = 1;
      }
      kept.length = 0;
      for (const concept of touched) {
        const described = shared[concept]! >= MIN_SHARED_UNITS && score[concept]! >= MIN_SCORE ? score[concept]! : 0;
        const weight = described + (named[concept] ? NAMED_WEIGHT : 0);
        if (weight > 0) kept.push([concept, weight]);
        score[concept] = 0;
        shared[concept] = 0;
        named[concept] = 0;
      }
      // The strongest (ties: the lower concept number).
      if (kept.length > MAX_CONCEPTS_PER_CHUNK) kept.sort((x, y) => y[1] - x[1] || x[0] - y[0]).length = MAX_CONCEPTS_PER_CHUNK;
      let sum = 0;
      for (const [, weight] of kept) sum += weight * weight;
      const norm = Math.sqrt(sum);
      for (const [concept, weight] of kept) {
        concepts.push(concept);
        weights.push(weight / norm);
      }
      start[c + 1] = concepts.length;
    }
    return { start, concepts: Uint16Array.from(concepts), weights: Float32Array.from(weights) };
  }
}

/**
 * Moves a list's MAX_POSTINGS best weighted entries (of equal weights, the earlier) to its front,
 * each part keeping its order: the set a sort by weight would put first, without sorting entries.
 */
function bestFirst(list: Uint32Array, weights: Float32Array): void {
  if (list.length <= MAX_POSTINGS) return;
  const sorted = Float32Array.from(list, (e) => weights[e]!).sort();
  const cut = sorted[sorted.length - MAX_POSTINGS]!;
  let equalTaken = MAX_POSTINGS - (sorted.length - sorted.indexOf(cut) - countEqual(sorted, cut));
  const front: number[] = [];
  const back: number[] = [];
  for (const e of list) {
    const weight = weights[e]!;
    if (weight > cut || (weight === cut && equalTaken-- > 0)) front.push(e);
    else back.push(e);
  }
  list.set(front);
  list.set(back, front.length);
}

function countEqual(sorted: Float32Array, value: number): number {
  let count = 0;
  for (let i = sorted.indexOf(value); i < sorted.length && sorted[i] === value; i++) count++;
  return count;
}

/** Whether (score, chunk) ranks before an entry: the higher score, then the lower position. */
function before(score: number, chunk: number, entry: readonly [number, number]): boolean {
  return score > entry[1] || (score === entry[1] && chunk < entry[0]);
}

function unitLength(weights: ReadonlyMap<number, number>): { concepts: number[]; weights: number[] } {
  let sum = 0;
  for (const weight of weights.values()) sum += weight * weight;
  const norm = Math.sqrt(sum);
  const concepts = [...weights.keys()].sort((a, b) => a - b);
  return { concepts, weights: concepts.map((concept) => weights.get(concept)! / norm) };
}
