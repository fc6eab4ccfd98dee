import type { Chunk } from "../chunking/types.js";
import { conceptNames, unitOfToken, type DefinitionUnit } from "./conceptDefinitions.js";
import type { TermStatistics } from "./termStatistics.js";

/**
 * The passages' side of the concept space (conceptSpace.ts): each chunk's vector over the glossary's
 * concepts, read from the index's term table, and the concept-major postings a question's nearest
 * passages are found by. Built once per index.
 */

/** What a chunk's concepts are read from: the index's chunks and term table, and the definitions' telling units. */
export interface ConceptSource {
  chunks: readonly Chunk[];
  statistics: TermStatistics;
  units: ReadonlyMap<string, DefinitionUnit>;
}

/** A text describes a concept when it shares this many distinct units with its definition… */
const MIN_SHARED_UNITS = 2;
/** …whose idf sum is at least this (two units each in a few definitions). */
const MIN_SCORE = 6;
/**
 * What a text's description weighs on a concept, from the units it shares with the concept's
 * definition (how many, and their idf sum): the sum when they are enough, else 0. The same rule
 * for a question (conceptSpace.ts) and a passage.
 */
export function describedWeight(score: number, shared: number): number {
  return shared >= MIN_SHARED_UNITS && score >= MIN_SCORE ? score : 0;
}

/** What naming a concept weighs, beside the idf sum of a description (typically 6–20). */
export const NAMED_WEIGHT = 10;
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

/**
 * Each chunk's concepts and weights (of unit length per chunk, at most MAX_CONCEPTS_PER_CHUNK),
 * read chunk by chunk from the term table in one scratch row of the concepts; a unit counts once
 * per chunk, though several of its terms may share its stem.
 */
export function chunkConceptVectors(
  source: ConceptSource,
  conceptCount: number,
): { start: Uint32Array; concepts: Uint16Array; weights: Float32Array } {
  const units = termUnits(source);
  const named = namedConcepts(source, conceptCount);
  const score = new Float64Array(conceptCount);
  const shared = new Uint16Array(conceptCount);
  const isNamed = new Uint8Array(conceptCount);
  const unitSeen = new Int32Array(units.weight.length).fill(-1);
  const start = new Uint32Array(source.chunks.length + 1);
  // Grown as needed: typed, so 100k chunks' ~6M entries cost 6 bytes each, not a number array's 8–16.
  let concepts = new Uint16Array(Math.max(16, source.chunks.length * 16));
  let weights = new Float32Array(concepts.length);
  let length = 0;
  // The chunk's touched concepts, then those kept with their weights (at most every concept once).
  const touched = new Uint16Array(conceptCount);
  const keptConcepts = new Uint16Array(conceptCount);
  const keptWeights = new Float64Array(conceptCount);
  const byStrength: number[] = [];
  for (let c = 0; c < source.chunks.length; c++) {
    let touchedCount = 0;
    for (const term of source.statistics.termIdsOfChunk(c)) {
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
      const described = describedWeight(score[concept]!, shared[concept]!);
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
        Math.max(length + keptCount, Math.min(concepts.length * 2, source.chunks.length * MAX_CONCEPTS_PER_CHUNK)),
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
function termUnits(source: ConceptSource): { ofTerm: Int32Array; weight: Float64Array; conceptStart: Uint32Array; concepts: Uint16Array } {
  const unitIds = new Map<string, number>();
  const unitList: DefinitionUnit[] = [];
  const ofTerm: number[] = [];
  for (const term of source.statistics.vocabulary()) {
    const unit = unitOfToken(term);
    const telling = unit === undefined ? undefined : source.units.get(unit);
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
function namedConcepts(source: ConceptSource, conceptCount: number): { start: Uint32Array; concepts: Uint16Array } {
  let pairChunks = new Uint32Array(1024);
  let pairConcepts = new Uint16Array(1024);
  let pairs = 0;
  for (let concept = 0; concept < conceptCount; concept++)
    for (const name of conceptNames()[concept]!)
      source.statistics.forEachChunkNaming(name, (c) => {
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
  const start = new Uint32Array(source.chunks.length + 1);
  for (let p = 0; p < pairs; p++) start[pairChunks[p]! + 1]! += 1;
  for (let c = 0; c < source.chunks.length; c++) start[c + 1]! += start[c]!;
  const next = start.slice(0, source.chunks.length);
  const concepts = new Uint16Array(pairs);
  for (let p = 0; p < pairs; p++) concepts[next[pairChunks[p]!]!++] = pairConcepts[p]!;
  return { start, concepts };
}

/**
 * Each concept's chunks and their weights, concept-major: concept k's in
 * chunks/weights[start[k], start[k + 1]), in index order. Only what nearest() reads is kept: of a
 * concept with more than MAX_POSTINGS chunks, its MAX_POSTINGS best weighted (of equal weights,
 * the earlier), still in index order. The rest would be memory no question reads (at 100k chunks,
 * most of the ~6M entries).
 */
export function conceptPostings(
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
