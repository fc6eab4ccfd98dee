import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import type { EmbedderIdentity, TokenAwareEmbedder } from "./types.js";
import { tokenizeForSearch } from "../text/tokenize.js";

export const LOCAL_EMBEDDING_MODEL = "hashed-lexical-v1";

export interface LocalHashedEmbeddingsOptions extends EmbeddingsParams {
  /** Vector size (config LOCAL_EMBEDDING_DIMENSIONS). */
  dimensions?: number;
}

/** Feature weights: whole words say most, character n-grams add fuzzy overlap (微调/调优, transformer/transformers). */
const WORD_WEIGHT = 1;
const HAN_BIGRAM_WEIGHT = 0.5;
const LATIN_TRIGRAM_WEIGHT = 0.25;

const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * An offline embedder that needs no model: a LEXICAL embedding, not a semantic one. Each text
 * becomes a bag of features — the search tokens from tokenizeForSearch, Chinese character
 * bigrams and Latin character trigrams — hashed (FNV-1a + signed feature hashing) into a fixed
 * number of dimensions, weighted by sublinear term frequency and L2-normalised. Texts that share
 * words are close; synonyms in other words are not (the glossary expansion in retrieval covers
 * the common cross-language pairs). Deterministic across runs and machines.
 *
 * An empty text (or one with only punctuation) gets the zero vector: it is similar to nothing.
 */
export class LocalHashedEmbeddings extends Embeddings implements TokenAwareEmbedder {
  readonly dimensions: number;

  constructor({ dimensions = 1024, ...callerParams }: LocalHashedEmbeddingsOptions = {}) {
    super(callerParams);
    this.dimensions = dimensions;
    if (!Number.isInteger(this.dimensions) || this.dimensions < 8) throw new RangeError("dimensions must be an integer >= 8");
  }

  identity(): EmbedderIdentity {
    return { provider: "local", model: LOCAL_EMBEDDING_MODEL, dimensions: this.dimensions };
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => numbers(this.embedText(text)));
  }

  async embedQuery(text: string): Promise<number[]> {
    return numbers(this.embedText(text));
  }

  /** The vector as a Float32Array (what the index stores), without the number[] round trip. */
  embedText(text: string): Float32Array {
    return this.embedTokenized(text, tokenizeForSearch(text));
  }

  /** embedText when the caller already has tokenizeForSearch(text) (an ingest does, for BM25): tokenizing is most of the cost. */
  embedTokenized(text: string, tokens: readonly string[]): Float32Array {
    const vector = new Float32Array(this.dimensions);
    const { hashes, weights, counts } = featuresOf(text, tokens);
    const slots = new Uint32Array(hashes.length);
    for (let i = 0; i < hashes.length; i++) {
      const hash = hashes[i]!;
      const slot = hash % this.dimensions;
      // A second, independent bit decides the sign so collisions cancel out on average.
      const sign = (mix(hash) & 1) === 0 ? 1 : -1;
      // Sublinear tf (1 + ln tf), so a repeated word does not drown the rest.
      vector[slot] = (vector[slot] ?? 0) + sign * (weights[i]! * (1 + Math.log(counts[i]!)));
      slots[i] = slot;
    }
    // Only the slots a feature touched, in ascending order: the same sum and the same vector as
    // over all dimensions (the rest are zero), without two passes over 1,024 of them.
    slots.sort();
    let norm = 0;
    for (let i = 0; i < slots.length; i++) {
      if (i > 0 && slots[i] === slots[i - 1]) continue;
      const x = vector[slots[i]!]!;
      norm += x * x;
    }
    if (norm > 0) {
      const scale = 1 / Math.sqrt(norm);
      for (let i = 0; i < slots.length; i++) if (i === 0 || slots[i] !== slots[i - 1]) vector[slots[i]!] = vector[slots[i]!]! * scale;
    }
    return vector;
  }
}

/**
 * The vector as number[] (what LangChain's Embeddings returns). An indexed loop: Array.from goes
 * through the iterator protocol and took ~14 µs for 1,024 dimensions (~1 µs this way), 4 % of a
 * distinct /api/search's CPU.
 */
function numbers(vector: Float32Array): number[] {
  const out = new Array<number>(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = vector[i]!;
  return out;
}

/**
 * A text's features, in the order first seen: feature i is the FNV-1a hash of its name ("w:lora",
 * "t:^lo", "b:微调"), its weight and how often it occurs. Parallel arrays, not one object per
 * feature: a question with its expansions has ~100 features, and each was an allocation.
 */
interface Features {
  hashes: number[];
  weights: number[];
  counts: number[];
}

// The hash of each feature name's prefix: a name's hash continues from it over the rest.
const WORD_PREFIX = fnv1a("w:");
const TRIGRAM_PREFIX = fnv1a("t:");
const BIGRAM_PREFIX = fnv1a("b:");

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * The text's features in the order first seen (the order they are summed into the vector, which
 * matters when two share a slot). Counted per kind by the name without its prefix, and hashed
 * without building the prefixed name: the same hashes and counts as the names themselves.
 */
function featuresOf(text: string, tokens: readonly string[]): Features {
  const features: Features = { hashes: [], weights: [], counts: [] };
  const words = new Map<string, number>();
  const trigrams = new Map<string, number>();
  const bigrams = new Map<string, number>();
  const add = (kind: Map<string, number>, name: string, prefix: number, weight: number) => {
    const at = kind.get(name);
    if (at !== undefined) features.counts[at]!++;
    else {
      kind.set(name, features.hashes.length);
      features.hashes.push(fnv1a(name, prefix));
      features.weights.push(weight);
      features.counts.push(1);
    }
  };

  for (const token of tokens) {
    add(words, token, WORD_PREFIX, WORD_WEIGHT);
    if (/^[a-z][a-z0-9+#-]{3,}$/.test(token)) {
      const padded = `^${token}$`;
      for (let i = 0; i + 3 <= padded.length; i++) add(trigrams, padded.slice(i, i + 3), TRIGRAM_PREFIX, LATIN_TRIGRAM_WEIGHT);
    }
  }
  for (const [run] of text.normalize("NFKC").matchAll(HAN_RUN)) {
    // Each pair of neighbouring characters (code points: a Han character beyond the BMP is a
    // surrogate pair, and a run holds whole ones), sliced from the run rather than rebuilt.
    let start = 0;
    let middle = isHighSurrogate(run.charCodeAt(0)) ? 2 : 1;
    while (middle < run.length) {
      const end = middle + (isHighSurrogate(run.charCodeAt(middle)) ? 2 : 1);
      add(bigrams, run.slice(start, end), BIGRAM_PREFIX, HAN_BIGRAM_WEIGHT);
      start = middle;
      middle = end;
    }
  }
  return features;
}

/**
 * 32-bit FNV-1a over UTF-16 code units: stable, fast, good enough spread for feature hashing.
 * From `start`, the hash of a text this one follows: fnv1a(b, fnv1a(a)) === fnv1a(a + b).
 */
function fnv1a(text: string, start = 0x811c9dc5): number {
  let hash = start;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's finaliser: decorrelates the sign bit from the bits that chose the slot. */
function mix(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 16;
}
