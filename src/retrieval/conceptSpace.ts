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
}

export interface ConceptHit {
  chunkId: string;
  similarity: number;
}

export class ConceptSpace {
  private readonly units: ReadonlyMap<string, DefinitionUnit>;
  /** The concepts' names as search tokens, by their first token: a question looks up only the names its tokens start. */
  private readonly namesByFirstToken = new Map<string, { concept: number; tokens: readonly string[] }[]>();
  /** Chunk c's concepts and weights: concepts/weights[chunkStart[c], chunkStart[c + 1]). */
  private readonly chunkStart: Uint32Array;
  private readonly chunkConcepts: Uint16Array;
  private readonly chunkWeights: Float32Array;
  /**
   * Concept k's chunks: postingChunks/postingWeights[postingStart[k], postingStart[k + 1]), in
   * index order; of a concept with more than MAX_POSTINGS, only its best weighted MAX_POSTINGS.
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
    // Concept-major, for a question's nearest passages: only the part of each list nearest() reads.
    const postings = conceptPostings(start, concepts, weights, names.length);
    this.postingStart = postings.start;
    this.postingChunks = postings.chunks;
    this.postingWeights = postings.weights;
    this.scratch = new Float64Array(chunks.length);
  }

  /** The concepts a question names or describes; undefined when it stands for none. */
  questionVector(query: string): ConceptVector | undefined {
    return this.recentQuestions(query) ?? undefined;
  }

  /** questionVector()'s scores by concept, zero between calls. */
  private readonly questionScore = new Float64Array(conceptNames().length);
  private readonly questionShared = new Uint16Array(conceptNames().length);
  private readonly questionNamed = new Uint8Array(conceptNames().length);

  // null, not undefined, for "none": the memo computes again on undefined.
  private readonly recentQuestions = recentlyComputed(1024, (query: string): ConceptVector | null => {
    const score = this.questionScore;
    const shared = this.questionShared;
    const touched: number[] = [];
    for (const unit of questionUnits(query)) {
      const telling = this.units.get(unit);
      if (!telling) continue;
      for (const concept of telling.concepts) {
        if (shared[concept] === 0) touched.push(concept);
        score[concept]! += telling.weight;
        shared[concept]! += 1;
      }
    }
    // Described concepts in the order first met, then named ones: the order the norm's sum adds them in.
    const concepts: number[] = [];
    const weights: number[] = [];
    for (const concept of touched) {
      if (shared[concept]! >= MIN_SHARED_UNITS && score[concept]! >= MIN_SCORE) {
        concepts.push(concept);
        weights.push(score[concept]!);
      }
      score[concept] = 0;
      shared[concept] = 0;
    }
    const tokens = new Set(tokenizeForSearch(query));
    const named = this.questionNamed;
    const namedList: number[] = [];
    for (const token of tokens) {
      const names = this.namesByFirstToken.get(token);
      if (names === undefined) continue;
      for (const name of names)
        if (named[name.concept] === 0 && name.tokens.every((t) => tokens.has(t))) {
          named[name.concept] = 1;
          namedList.push(name.concept);
        }
    }
    for (const concept of namedList) {
      named[concept] = 0;
      const at = concepts.indexOf(concept);
      if (at >= 0) weights[at]! += NAMED_WEIGHT;
      else {
        concepts.push(concept);
        weights.push(NAMED_WEIGHT);
      }
    }
    if (concepts.length === 0) return null;
    // Of unit length, by concept number.
    let sum = 0;
    for (const weight of weights) sum += weight * weight;
    const norm = Math.sqrt(sum);
    // By concept number in the scores' scratch (zero again here), to read them back in concept order.
    const byConcept = this.questionScore;
    concepts.forEach((concept, i) => (byConcept[concept] = weights[i]! / norm));
    concepts.sort((x, y) => x - y);
    const vector = { concepts, weights: concepts.map((concept) => byConcept[concept]!) };
    for (const concept of concepts) byConcept[concept] = 0;
    return vector;
  });

  /** The `k` passages nearest the question in concept space, best first; ties by index order. */
  nearest(question: ConceptVector, k: number, allowedDocuments?: ReadonlySet<string>): ConceptHit[] {
    const scores = this.scratch;
    const touched: number[] = [];
    for (let q = 0; q < question.concepts.length; q++) {
      const concept = question.concepts[q]!;
      const weight = question.weights[q]!;
      for (let p = this.postingStart[concept]!; p < this.postingStart[concept + 1]!; p++) {
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

  /**
   * A question's weights by concept number (0 elsewhere), for similarity(): filled for the question
   * last asked about, not kept per question (a distinct question's 2.4 KB buffer would outlive
   * young collections in the question memo).
   */
  private readonly similarityWeights = new Float64Array(conceptNames().length);
  private similarityQuestion?: ConceptVector;

  /** The cosine of a question and a passage of the index (0 for a passage outside it). */
  similarity(question: ConceptVector, chunkId: string): number {
    const c = this.statistics.chunkPosition(chunkId);
    if (c === undefined) return 0;
    const byConcept = this.similarityWeights;
    if (this.similarityQuestion !== question) {
      for (const concept of this.similarityQuestion?.concepts ?? []) byConcept[concept] = 0;
      question.concepts.forEach((concept, i) => (byConcept[concept] = question.weights[i]!));
      this.similarityQuestion = question;
    }
    let sum = 0;
    for (let p = this.chunkStart[c]!; p < this.chunkStart[c + 1]!; p++) sum += byConcept[this.chunkConcepts[p]!]! * this.chunkWeights[p]!;
    return sum;
  }

  /**
   * Each chunk's concepts and weights (of unit length per chunk, at most MAX_CONCEPTS_PER_CHUNK),
   * read chunk by chunk from the term table in one scratch row of the concepts; a unit counts once
   * per chunk, though several of its terms may share its stem.
   */
  private chunkVectors(conceptCount: number): { start: Uint32Array; concepts: Uint16Array; weights: Float32Array } {
    const units = this.termUnits();
    const named = this.namedConcepts(conceptCount);
    const score = new Float64Array(conceptCount);
    const shared = new Uint16Array(conceptCount);
    const isNamed = new Uint8Array(conceptCount);
    const unitSeen = new Int32Array(units.weight.length).fill(-1);
    const start = new Uint32Array(this.chunks.length + 1);
    // Grown as needed: typed, so 100k chunks' ~6M entries cost 6 bytes each, not a number array's 8–16.
    let concepts = new Uint16Array(Math.max(16, this.chunks.length * 16));
    let weights = new Float32Array(concepts.length);
    let length = 0;
    // The chunk's touched concepts, then those kept with their weights (at most every concept once).
    const touched = new Uint16Array(conceptCount);
    const keptConcepts = new Uint16Array(conceptCount);
    const keptWeights = new Float64Array(conceptCount);
    const byStrength: number[] = [];
    for (let c = 0; c < this.chunks.length; c++) {
      let touchedCount = 0;
      for (const term of this.statistics.termIdsOfChunk(c)) {
        const unit = units.ofTerm[term]!;
        if (unit < 0 || unitSeen[unit] === c) continue;
        unitSeen[unit] = c;
        const weight = units.weight[unit]!;
        for (let u = units.conceptStart[unit]!; u < units.conceptStart[unit + 1]!; u++) {
          const concept = units.concepts[u]!;
          if (shared[concept] === 0) touched[touchedCount++] = concept;
          score[concept]! += weight;
          shared[concept]! += 1;
        }
      }
      for (let n = named.start[c]!; n < named.start[c + 1]!; n++) {
        const concept = named.concepts[n]!;
        if (shared[concept] === 0 && isNamed[concept] === 0) touched[touchedCount++] = concept;
        isNamed[concept] = 1;
      }
      let keptCount = 0;
      for (let t = 0; t < touchedCount; t++) {
        const concept = touched[t]!;
        const described = shared[concept]! >= MIN_SHARED_UNITS && score[concept]! >= MIN_SCORE ? score[concept]! : 0;
        const weight = described + (isNamed[concept] ? NAMED_WEIGHT : 0);
        if (weight > 0) {
          keptConcepts[keptCount] = concept;
          keptWeights[keptCount++] = weight;
        }
        score[concept] = 0;
        shared[concept] = 0;
        isNamed[concept] = 0;
      }
      // The strongest (ties: the lower concept number): a total order, so any sort keeps the same ones in the same order.
      if (keptCount > MAX_CONCEPTS_PER_CHUNK) {
        byStrength.length = 0;
        for (let i = 0; i < keptCount; i++) byStrength.push(i);
        byStrength.sort((x, y) => keptWeights[y]! - keptWeights[x]! || keptConcepts[x]! - keptConcepts[y]!);
        byStrength.length = MAX_CONCEPTS_PER_CHUNK;
        const strongest = byStrength.map((i) => [keptConcepts[i]!, keptWeights[i]!] as const);
        strongest.forEach(([concept, weight], i) => {
          keptConcepts[i] = concept;
          keptWeights[i] = weight;
        });
        keptCount = MAX_CONCEPTS_PER_CHUNK;
      }
      let sum = 0;
      for (let i = 0; i < keptCount; i++) sum += keptWeights[i]! * keptWeights[i]!;
      const norm = Math.sqrt(sum);
      if (length + keptCount > concepts.length) {
        const grownConcepts = new Uint16Array(
          Math.max(length + keptCount, Math.min(concepts.length * 2, this.chunks.length * MAX_CONCEPTS_PER_CHUNK)),
        );
        grownConcepts.set(concepts);
        concepts = grownConcepts;
        const grownWeights = new Float32Array(concepts.length);
        grownWeights.set(weights);
        weights = grownWeights;
      }
      for (let i = 0; i < keptCount; i++) {
        concepts[length] = keptConcepts[i]!;
        weights[length++] = keptWeights[i]! / norm;
      }
      start[c + 1] = length;
    }
    if (length === concepts.length) return { start, concepts, weights };
    return { start, concepts: concepts.slice(0, length), weights: weights.slice(0, length) };
  }

  /**
   * Each vocabulary term's telling unit (by term id, -1: none; a unit counts once per chunk,
   * though several of its terms may share its stem), and each unit's idf and concepts.
   */
  private termUnits(): { ofTerm: Int32Array; weight: Float64Array; conceptStart: Uint32Array; concepts: Uint16Array } {
    const unitIds = new Map<string, number>();
    const unitList: DefinitionUnit[] = [];
    const ofTerm: number[] = [];
    for (const term of this.statistics.vocabulary()) {
      const unit = unitOfToken(term);
      const telling = unit === undefined ? undefined : this.units.get(unit);
      if (unit === undefined || telling === undefined) {
        ofTerm.push(-1);
        continue;
      }
      let id = unitIds.get(unit);
      if (id === undefined) {
        unitIds.set(unit, (id = unitList.length));
        unitList.push(telling);
      }
      ofTerm.push(id);
    }
    const conceptStart = new Uint32Array(unitList.length + 1);
    unitList.forEach((unit, u) => (conceptStart[u + 1] = conceptStart[u]! + unit.concepts.length));
    return {
      ofTerm: Int32Array.from(ofTerm),
      weight: Float64Array.from(unitList, (unit) => unit.weight),
      conceptStart,
      concepts: Uint16Array.from(unitList.flatMap((unit) => unit.concepts)),
    };
  }

  /**
   * The concepts each chunk names: chunk c's in concepts[start[c], start[c + 1]), ascending, a
   * concept again for each further name of it the chunk holds (harmless: a chunk's loop marks it once).
   */
  private namedConcepts(conceptCount: number): { start: Uint32Array; concepts: Uint16Array } {
    let pairChunks = new Uint32Array(1024);
    let pairConcepts = new Uint16Array(1024);
    let pairs = 0;
    for (let concept = 0; concept < conceptCount; concept++)
      for (const name of conceptNames()[concept]!)
        this.statistics.forEachChunkNaming(name, (c) => {
          if (pairs === pairChunks.length) {
            const grownChunks = new Uint32Array(pairs * 2);
            grownChunks.set(pairChunks);
            pairChunks = grownChunks;
            const grownConcepts = new Uint16Array(pairs * 2);
            grownConcepts.set(pairConcepts);
            pairConcepts = grownConcepts;
          }
          pairChunks[pairs] = c;
          pairConcepts[pairs++] = concept;
        });
    // By chunk, each chunk's in the order found (a counting sort keeps it).
    const start = new Uint32Array(this.chunks.length + 1);
    for (let p = 0; p < pairs; p++) start[pairChunks[p]! + 1]! += 1;
    for (let c = 0; c < this.chunks.length; c++) start[c + 1]! += start[c]!;
    const next = start.slice(0, this.chunks.length);
    const concepts = new Uint16Array(pairs);
    for (let p = 0; p < pairs; p++) concepts[next[pairChunks[p]!]!++] = pairConcepts[p]!;
    return { start, concepts };
  }
}

/**
 * Each concept's chunks and their weights, concept-major: concept k's in
 * chunks/weights[start[k], start[k + 1]), in index order. Only what nearest() reads is kept: of a
 * concept with more than MAX_POSTINGS chunks, its MAX_POSTINGS best weighted (of equal weights,
 * the earlier), still in index order. The rest would be memory no question reads (at 100k chunks,
 * most of the ~6M entries).
 */
function conceptPostings(
  chunkStart: Uint32Array,
  chunkConcepts: Uint16Array,
  chunkWeights: Float32Array,
  conceptCount: number,
): { start: Uint32Array; chunks: Uint32Array; weights: Float32Array } {
  const count = new Uint32Array(conceptCount);
  for (const concept of chunkConcepts) count[concept]! += 1;
  // The long lists' weights, concept by concept, each sorted for its cut (the only entry-sized scratch).
  const longStart = new Uint32Array(conceptCount + 1);
  for (let k = 0; k < conceptCount; k++) longStart[k + 1] = longStart[k]! + (count[k]! > MAX_POSTINGS ? count[k]! : 0);
  const longWeights = new Float32Array(longStart[conceptCount]!);
  const longNext = longStart.slice(0, conceptCount);
  for (let e = 0; e < chunkConcepts.length; e++) {
    const concept = chunkConcepts[e]!;
    if (count[concept]! > MAX_POSTINGS) longWeights[longNext[concept]!++] = chunkWeights[e]!;
  }
  // Of a long list, the entries above `cut` and the first `equalLeft` equal to it: the MAX_POSTINGS a sort by weight puts first.
  const cut = new Float32Array(conceptCount).fill(-1);
  const equalLeft = new Int32Array(conceptCount);
  const start = new Uint32Array(conceptCount + 1);
  for (let k = 0; k < conceptCount; k++) {
    start[k + 1] = start[k]! + Math.min(count[k]!, MAX_POSTINGS);
    if (count[k]! <= MAX_POSTINGS) continue;
    const sorted = longWeights.subarray(longStart[k], longStart[k + 1]).sort();
    cut[k] = sorted[sorted.length - MAX_POSTINGS]!;
    equalLeft[k] = MAX_POSTINGS - (sorted.length - sorted.indexOf(cut[k]!) - countEqual(sorted, cut[k]!));
  }
  const chunks = new Uint32Array(start[conceptCount]!);
  const weights = new Float32Array(chunks.length);
  const next = start.slice(0, conceptCount);
  for (let c = 0; c + 1 < chunkStart.length; c++)
    for (let e = chunkStart[c]!; e < chunkStart[c + 1]!; e++) {
      const concept = chunkConcepts[e]!;
      const weight = chunkWeights[e]!;
      // Weights are positive: a short list's cut (-1) takes every entry.
      if (weight > cut[concept]! || (weight === cut[concept]! && equalLeft[concept]!-- > 0)) {
        const at = next[concept]!++;
        chunks[at] = c;
        weights[at] = weight;
      }
    }
  return { start, chunks, weights };
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
