import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import type { EmbedderIdentity, TokenAwareEmbedder } from "./types.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import { fnv1a } from "../text/fnv1a.js";

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
    const vector = into ? into.fill(0) : new Float32Array(this.dimensions);
    const touched = this.touched.fill(0);
    const signedSlots = slotsFor(this.dimensions);
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
    return unitLength(vector, touched);
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

/** What a feature kind's names are hashed after, and its weight: words, Latin trigrams, Han bigrams. */
const KINDS = [
  { prefix: WORD_PREFIX, weight: WORD_WEIGHT },
  { prefix: TRIGRAM_PREFIX, weight: LATIN_TRIGRAM_WEIGHT },
  { prefix: BIGRAM_PREFIX, weight: HAN_BIGRAM_WEIGHT },
] as const;
const WORD = 0;
const TRIGRAM = 1;
const BIGRAM = 2;
type Kind = typeof WORD | typeof TRIGRAM | typeof BIGRAM;

/** Each token's word feature, then its trigrams when it is a Latin word of four letters or more. */
function visitTokenFeatures(tokens: readonly string[], visit: (kind: Kind, name: string) => void): void {
  for (const token of tokens) {
    visit(WORD, token);
    if (/^[a-z][a-z0-9+#-]{3,}$/.test(token)) {
      const padded = `^${token}$`;
      for (let i = 0; i + 3 <= padded.length; i++) visit(TRIGRAM, padded.slice(i, i + 3));
    }
  }
}

/** The Han character bigrams of the text (NFKC), in order. */
function visitBigrams(text: string, visit: (kind: Kind, name: string) => void): void {
  for (const [run] of text.normalize("NFKC").matchAll(HAN_RUN)) {
    // Each pair of neighbouring characters (code points: a Han character beyond the BMP is a
    // surrogate pair, and a run holds whole ones), sliced from the run rather than rebuilt.
    let start = 0;
    let middle = isHighSurrogate(run.charCodeAt(0)) ? 2 : 1;
    while (middle < run.length) {
      const end = middle + (isHighSurrogate(run.charCodeAt(middle)) ? 2 : 1);
      visit(BIGRAM, run.slice(start, end));
      start = middle;
      middle = end;
    }
  }
}

/**
 * The text's features in the order first seen (the order they are summed into the vector, which
 * matters when two share a slot): every token's, then every bigram's. Counted per kind by the name
 * without its prefix, and hashed without building the prefixed name: the same hashes and counts
 * as the names themselves.
 */
function featuresOf(text: string, tokens: readonly string[]): Features {
  const features: Features = { hashes: [], weights: [], counts: [] };
  const seen = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  const add = (kind: Kind, name: string) => {
    const at = seen[kind]!.get(name);
    if (at !== undefined) features.counts[at]!++;
    else {
      seen[kind]!.set(name, features.hashes.length);
      features.hashes.push(fnv1a(name, KINDS[kind].prefix));
      features.weights.push(KINDS[kind].weight);
      features.counts.push(1);
    }
  };
  visitTokenFeatures(tokens, add);
  visitBigrams(text, add);
  return features;
}

/**
 * A question's features from its space-separated pieces, each remembered as feature ids. A
 * question is embedded with its expansions (glossary names, dictionary terms), which come back
 * question after question, as do its own words; the features of the whole are its pieces' in
 * order, every piece's token features before every piece's bigrams, counted over all of them:
 * exactly featuresOf(text, tokenizeForSearch(text)), because a space ends every token
 * (tokenizeJoined relies on the same) and every Han run, and NFKC works within each piece.
 */
const MAX_PIECED_TEXT = 1024;
const MAX_REMEMBERED_PIECE = 64;
const MAX_REMEMBERED_PIECES = 8192;
/**
 * Feature names interned from pieces; past this many they (and the pieces' ids) start over. A
 * name costs ~100 bytes with its map entry, hash and weight: a few MB at most, on a server that
 * meets new words without end.
 */
const MAX_NAMES = 1 << 16;

interface PieceFeatures {
  tokenIds: Int32Array;
  bigramIds: Int32Array;
}

const names = {
  ids: [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()],
  hashes: [] as number[],
  weights: [] as number[],
  pieces: new Map<string, PieceFeatures>(),
  /** Per name id, the call that last counted it and where in that call's features it is. */
  countedIn: new Int32Array(1024),
  position: new Int32Array(1024),
  calls: 0,
};

function nameId(kind: Kind, name: string): number {
  let id = names.ids[kind]!.get(name);
  if (id === undefined) {
    id = names.hashes.length;
    names.ids[kind]!.set(name, id);
    names.hashes.push(fnv1a(name, KINDS[kind].prefix));
    names.weights.push(KINDS[kind].weight);
  }
  return id;
}

function pieceFeatures(piece: string): PieceFeatures {
  const known = names.pieces.get(piece);
  if (known) return known;
  const tokenIds: number[] = [];
  const bigramIds: number[] = [];
  visitTokenFeatures(tokenizeForSearch(piece), (kind, name) => tokenIds.push(nameId(kind, name)));
  visitBigrams(piece, (kind, name) => bigramIds.push(nameId(kind, name)));
  const features = { tokenIds: Int32Array.from(tokenIds), bigramIds: Int32Array.from(bigramIds) };
  if (piece.length <= MAX_REMEMBERED_PIECE) {
    if (names.pieces.size >= MAX_REMEMBERED_PIECES) names.pieces.clear();
    names.pieces.set(piece, features);
  }
  return features;
}

/**
 * A question's features as featuresOfPieces finds them: name ids and counts in scratch arrays
 * (reused by the next call: vectorOfPieces reads them at once), not three arrays grown per question.
 */
interface PiecedFeatures {
  ids: Int32Array;
  counts: Int32Array;
  size: number;
}

const pieced: PiecedFeatures = { ids: new Int32Array(256), counts: new Int32Array(256), size: 0 };

/**
 * Per dimension count, each name id's slot and sign as (slot + 1) × sign, 0 until worked out:
 * an embedder reads its names' slots here instead of reducing their hashes for every question.
 */
const signedSlotsByDimensions = new Map<number, Int32Array>();

function slotsFor(dimensions: number): Int32Array {
  let slots = signedSlotsByDimensions.get(dimensions);
  if (!slots || slots.length < names.hashes.length) {
    const grown = new Int32Array(Math.max(1024, names.hashes.length, 2 * (slots?.length ?? 0)));
    if (slots) grown.set(slots);
    signedSlotsByDimensions.set(dimensions, (slots = grown));
  }
  return slots;
}

function featuresOfPieces(text: string): PiecedFeatures {
  if (names.hashes.length > MAX_NAMES || names.calls >= 0x7fffffff) {
    for (const ids of names.ids) ids.clear();
    names.hashes = [];
    names.weights = [];
    names.pieces.clear();
    names.countedIn.fill(0);
    names.calls = 0;
    // Ids are handed out again from 0: their slots are worked out again.
    signedSlotsByDimensions.clear();
  }
  const pieces: PieceFeatures[] = [];
  for (const piece of text.split(" ")) if (piece !== "") pieces.push(pieceFeatures(piece));
  if (names.countedIn.length < names.hashes.length) {
    const size = Math.max(names.hashes.length, 2 * names.countedIn.length);
    const countedIn = new Int32Array(size);
    countedIn.set(names.countedIn);
    names.countedIn = countedIn;
    names.position = new Int32Array(size);
  }
  const call = ++names.calls;
  const { countedIn, position } = names;
  let total = 0;
  for (const piece of pieces) total += piece.tokenIds.length + piece.bigramIds.length;
  if (pieced.ids.length < total) {
    pieced.ids = new Int32Array(2 * total);
    pieced.counts = new Int32Array(2 * total);
  }
  const { ids, counts } = pieced;
  let size = 0;
  const add = (id: number) => {
    if (countedIn[id] === call) counts[position[id]!]!++;
    else {
      countedIn[id] = call;
      position[id] = size;
      ids[size] = id;
      counts[size++] = 1;
    }
  };
  for (const piece of pieces) for (const id of piece.tokenIds) add(id);
  for (const piece of pieces) for (const id of piece.bigramIds) add(id);
  pieced.size = size;
  return pieced;
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
