import type { Chunk } from "../chunking/types.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import { questionMemo } from "../text/questionMemo.js";
import { conceptNames, questionUnits, tellingUnits, type DefinitionUnit } from "./conceptDefinitions.js";
import { chunkConceptVectors, conceptPostings, describedWeight, NAMED_WEIGHT } from "./conceptVectors.js";
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
   * index order; of a concept with more than MAX_POSTINGS, only its best weighted MAX_POSTINGS (conceptVectors.ts).
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
    const { start, concepts, weights } = chunkConceptVectors({ chunks, statistics, units: this.units }, names.length);
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
  private readonly recentQuestions = questionMemo((query: string): ConceptVector | null => {
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
      const weight = describedWeight(score[concept]!, shared[concept]!);
      if (weight > 0) {
        concepts.push(concept);
        weights.push(weight);
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
    return c === undefined ? 0 : this.similarityAt(question, c);
  }

  /** similarity() of the passage at a position of the index (TermStatistics.chunkPosition). */
  similarityAt(question: ConceptVector, c: number): number {
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
}

/** Whether (score, chunk) ranks before an entry: the higher score, then the lower position. */
function before(score: number, chunk: number, entry: readonly [number, number]): boolean {
  return score > entry[1] || (score === entry[1] && chunk < entry[0]);
}
