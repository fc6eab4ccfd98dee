import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import type { EmbedderIdentity, TokenAwareEmbedder } from "./types.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import type { TokenIds } from "../text/tokenIds.js";
import { BIGRAM_FEATURE_WEIGHT, CorpusFeatures } from "./corpusFeatures.js";
import {
  featuresOf,
  featuresOfPieces,
  MAX_PIECED_TEXT,
  mix,
  internedNames,
  slotsFor,
  type FeatureNames,
  type Features,
  type PiecedFeatures,
} from "./hashedFeatures.js";

export const LOCAL_EMBEDDING_MODEL = "hashed-lexical-v1";

export interface LocalHashedEmbeddingsOptions extends EmbeddingsParams {
  /** Vector size (config LOCAL_EMBEDDING_DIMENSIONS). */
  dimensions?: number;
}

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
    this.touched = new Int32Array((this.dimensions + 31) >>> 5);
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

  /**
   * The vector as a Float32Array (what the index stores), without the number[] round trip; in
   * `into` when given (TokenAwareEmbedder.embedText): a new Float32Array of 1,024 dimensions is
   * memory outside the JavaScript heap, allocated and released per question.
   */
  embedText(text: string, into?: Float32Array): Float32Array {
    // A buffer of another size is not used: the caller's size check then reports the mismatch.
    if (into?.length !== this.dimensions) into = undefined;
    if (text.length > MAX_PIECED_TEXT) {
      const vector = this.embedTokenized(text, tokenizeForSearch(text));
      if (!into) return vector;
      into.set(vector);
      return into;
    }
    return this.vectorOfPieces(featuresOfPieces(text), into);
  }

  /** embedText when the caller already has tokenizeForSearch(text) (an ingest does, for BM25): tokenizing is most of the cost. */
  embedTokenized(text: string, tokens: readonly string[]): Float32Array {
    return this.vectorOf(featuresOf(text, tokens));
  }

  /**
   * embedTokenized for the chunks of one ingest, by the ids its BM25 and term-table builders
   * already gave their tokens (`vocabulary`): each token's features and each feature's slot are
   * worked out once per corpus, not once per chunk (CorpusFeatures). The same vectors.
   */
  corpusEmbedder(vocabulary: TokenIds): (text: string, tokenIds: Uint32Array, count: number) => Float32Array {
    const features = new CorpusFeatures(vocabulary);
    return (text, tokenIds, count) => {
      const found = features.featuresOfTokens(text, tokenIds, count);
      const vector = this.vectorOfNames(found.names, features, features.slots(this.dimensions), undefined, false);
      // Then the bigrams, in the order featuresOf sums them: after every word and trigram.
      for (let i = 0; i < found.bigrams; i++) {
        const hash = found.bigramHashes[i]!;
        const slot = hash % this.dimensions;
        const sign = (mix(hash) & 1) === 0 ? 1 : -1;
        vector[slot] = (vector[slot] ?? 0) + sign * (BIGRAM_FEATURE_WEIGHT * (1 + Math.log(found.bigramCounts[i]!)));
        this.touched[slot >>> 5]! |= 1 << (slot & 31);
      }
      return unitLength(vector, this.touched);
    };
  }

  /** The slots a feature touched, as bits (vectorOf, vectorOfPieces): one array, cleared per vector. */
  private readonly touched: Int32Array;

  private vectorOf({ hashes, weights, counts }: Features): Float32Array {
    const vector = new Float32Array(this.dimensions);
    // The slots a feature touched, as bits: read back in ascending order below without sorting them.
    const touched = this.touched.fill(0);
    for (let i = 0; i < hashes.length; i++) {
      const hash = hashes[i]!;
      const slot = hash % this.dimensions;
      // A second, independent bit decides the sign so collisions cancel out on average.
      const sign = (mix(hash) & 1) === 0 ? 1 : -1;
      // Sublinear tf (1 + ln tf), so a repeated word does not drown the rest.
      vector[slot] = (vector[slot] ?? 0) + sign * (weights[i]! * (1 + Math.log(counts[i]!)));
      touched[slot >>> 5]! |= 1 << (slot & 31);
    }
    return unitLength(vector, touched);
  }

  /**
   * vectorOf for featuresOfPieces' interned features: each name's slot and sign are worked out
   * once per name and dimension count (slotsFor), not from its hash for every question that has
   * it. The same terms added in the same order, so the same vector.
   */
  private vectorOfPieces(features: PiecedFeatures, into?: Float32Array): Float32Array {
    return this.vectorOfNames(features, internedNames, slotsFor(this.dimensions), into);
  }

  /** The vector of features given as name ids, with each name's slot and sign cached in `signedSlots` (slotsFor). */
  private vectorOfNames(
    features: PiecedFeatures,
    names: FeatureNames,
    signedSlots: Int32Array,
    into?: Float32Array,
    scaled = true,
  ): Float32Array {
    const vector = into ? into.fill(0) : new Float32Array(this.dimensions);
    const touched = this.touched.fill(0);
    const { ids, counts, size } = features;
    const { hashes, weights } = names;
    for (let i = 0; i < size; i++) {
      const id = ids[i]!;
      // slot + 1, negative for the sign -1; 0 until worked out.
      let signed = signedSlots[id]!;
      if (signed === 0) {
        const hash = hashes[id]!;
        signed = signedSlots[id] = ((mix(hash) & 1) === 0 ? 1 : -1) * ((hash % this.dimensions) + 1);
      }
      const slot = (signed < 0 ? -signed : signed) - 1;
      const sign = signed < 0 ? -1 : 1;
      vector[slot] = (vector[slot] ?? 0) + sign * (weights[id]! * (1 + Math.log(counts[i]!)));
      touched[slot >>> 5]! |= 1 << (slot & 31);
    }
    // Unscaled for a caller that adds more features first (corpusEmbedder); this.touched holds their slots.
    return scaled ? unitLength(vector, touched) : vector;
  }
}

/**
 * The vector scaled to unit length, reading only the slots a feature touched, in ascending order:
 * the same sum and the same vector as over all dimensions (the rest are zero), without two passes
 * over 1,024 of them.
 */
function unitLength(vector: Float32Array, touched: Int32Array): Float32Array {
  let norm = 0;
  for (let word = 0; word < touched.length; word++) {
    for (let bits = touched[word]!; bits !== 0; bits &= bits - 1) {
      const x = vector[(word << 5) | (31 - Math.clz32(bits & -bits))]!;
      norm += x * x;
    }
  }
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let word = 0; word < touched.length; word++) {
      for (let bits = touched[word]!; bits !== 0; bits &= bits - 1) {
        const slot = (word << 5) | (31 - Math.clz32(bits & -bits));
        vector[slot] = vector[slot]! * scale;
      }
    }
  }
  return vector;
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
