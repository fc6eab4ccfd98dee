import { forEachHanRun } from "../text/codePointKinds.js";
import { fnv1a } from "../text/fnv1a.js";
import { tokenizeForSearch } from "../text/tokenize.js";

/*
 * The hashed embedder's features (LocalHashedEmbeddings.ts turns them into vectors): a text's
 * search tokens, Chinese character bigrams and Latin character trigrams, each hashed by its name,
 * with the interned names, pieces and slot caches that keep a question's features from being
 * worked out again.
 */

/** Feature weights: whole words say most, character n-grams add fuzzy overlap (微调/调优, transformer/transformers). */
const WORD_WEIGHT = 1;
export const HAN_BIGRAM_WEIGHT = 0.5;
const LATIN_TRIGRAM_WEIGHT = 0.25;

/**
 * A text's features, in the order first seen: feature i is the FNV-1a hash of its name ("w:lora",
 * "t:^lo", "b:微调"), its weight and how often it occurs. Parallel arrays, not one object per
 * feature: a question with its expansions has ~100 features, and each was an allocation.
 */
export interface Features {
  hashes: number[];
  weights: number[];
  counts: number[];
}

// The hash of each feature name's prefix: a name's hash continues from it over the rest.
const WORD_PREFIX = fnv1a("w:");
const TRIGRAM_PREFIX = fnv1a("t:");
export const BIGRAM_PREFIX = fnv1a("b:");

export const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** What a feature kind's names are hashed after, and its weight: words, Latin trigrams, Han bigrams. */
export const KINDS = [
  { prefix: WORD_PREFIX, weight: WORD_WEIGHT },
  { prefix: TRIGRAM_PREFIX, weight: LATIN_TRIGRAM_WEIGHT },
  { prefix: BIGRAM_PREFIX, weight: HAN_BIGRAM_WEIGHT },
] as const;
const WORD = 0;
const TRIGRAM = 1;
const BIGRAM = 2;
export type Kind = typeof WORD | typeof TRIGRAM | typeof BIGRAM;

/** Each token's word feature, then its trigrams when it is a Latin word of four letters or more. */
export function visitTokenFeatures(tokens: readonly string[], visit: (kind: Kind, name: string) => void): void {
  for (const token of tokens) {
    visit(WORD, token);
    if (/^[a-z][a-z0-9+#-]{3,}$/.test(token)) {
      const padded = `^${token}$`;
      for (let i = 0; i + 3 <= padded.length; i++) visit(TRIGRAM, padded.slice(i, i + 3));
    }
  }
}

/**
 * The Han character bigrams of the text (NFKC), in order. The runs are the ones
 * `/\p{Script=Han}+/gu` finds, read by the code-point walk (codePointKinds.ts): a new question
 * piece's bigrams are read once per search, and the pattern's `matchAll` over it cost several
 * times the walk in a server.
 */
function visitBigrams(text: string, visit: (kind: Kind, name: string) => void): void {
  const normalized = text.normalize("NFKC");
  forEachHanRun(normalized, (runStart, runEnd) => {
    // Each pair of neighbouring characters (code points: a Han character beyond the BMP is a
    // surrogate pair, and a run holds whole ones), sliced from the text rather than rebuilt.
    let start = runStart;
    let middle = runStart + (isHighSurrogate(normalized.charCodeAt(runStart)) ? 2 : 1);
    while (middle < runEnd) {
      const end = middle + (isHighSurrogate(normalized.charCodeAt(middle)) ? 2 : 1);
      visit(BIGRAM, normalized.slice(start, end));
      start = middle;
      middle = end;
    }
  });
}

/**
 * The text's features in the order first seen (the order they are summed into the vector, which
 * matters when two share a slot): every token's, then every bigram's. Counted per kind by the name
 * without its prefix, and hashed without building the prefixed name: the same hashes and counts
 * as the names themselves.
 */
export function featuresOf(text: string, tokens: readonly string[]): Features {
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
export const MAX_PIECED_TEXT = 1024;
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

export const internedNames = {
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
  return internedId(internedNames, kind, name);
}

/** Names interned to ids, each with its feature hash and weight by id (the question path's, or one ingest's corpus). */
export interface NameTable {
  readonly ids: readonly Map<string, number>[];
  readonly hashes: number[];
  readonly weights: number[];
}

/** A feature name's id in `table`, interned with its hash and weight the first time it is met. */
export function internedId(table: NameTable, kind: Kind, name: string): number {
  let id = table.ids[kind]!.get(name);
  if (id === undefined) {
    id = table.hashes.length;
    table.ids[kind]!.set(name, id);
    table.hashes.push(fnv1a(name, KINDS[kind].prefix));
    table.weights.push(KINDS[kind].weight);
  }
  return id;
}

function pieceFeatures(piece: string): PieceFeatures {
  const known = internedNames.pieces.get(piece);
  if (known) return known;
  const tokenIds: number[] = [];
  const bigramIds: number[] = [];
  visitTokenFeatures(tokenizeForSearch(piece), (kind, name) => tokenIds.push(nameId(kind, name)));
  visitBigrams(piece, (kind, name) => bigramIds.push(nameId(kind, name)));
  const features = { tokenIds: Int32Array.from(tokenIds), bigramIds: Int32Array.from(bigramIds) };
  if (piece.length <= MAX_REMEMBERED_PIECE) {
    if (internedNames.pieces.size >= MAX_REMEMBERED_PIECES) internedNames.pieces.clear();
    internedNames.pieces.set(piece, features);
  }
  return features;
}

/**
 * A question's features as featuresOfPieces finds them: name ids and counts in scratch arrays
 * (reused by the next call: vectorOfPieces reads them at once), not three arrays grown per question.
 */
export interface PiecedFeatures {
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

export function slotsFor(dimensions: number): Int32Array {
  return signedSlotsIn(signedSlotsByDimensions, dimensions, internedNames.hashes.length);
}

/** The signed slots for `dimensions` in `byDimensions`, grown to hold `names` name ids (slotsFor's, or one ingest's: CorpusFeatures). */
export function signedSlotsIn(byDimensions: Map<number, Int32Array>, dimensions: number, names: number): Int32Array {
  let slots = byDimensions.get(dimensions);
  if (!slots || slots.length < names) {
    const grown = new Int32Array(Math.max(1024, names, 2 * (slots?.length ?? 0)));
    if (slots) grown.set(slots);
    byDimensions.set(dimensions, (slots = grown));
  }
  return slots;
}

export function featuresOfPieces(text: string): PiecedFeatures {
  if (internedNames.hashes.length > MAX_NAMES || internedNames.calls >= 0x7fffffff) {
    for (const ids of internedNames.ids) ids.clear();
    internedNames.hashes = [];
    internedNames.weights = [];
    internedNames.pieces.clear();
    internedNames.countedIn.fill(0);
    internedNames.calls = 0;
    // Ids are handed out again from 0: their slots are worked out again.
    signedSlotsByDimensions.clear();
  }
  const pieces: PieceFeatures[] = [];
  for (const piece of text.split(" ")) if (piece !== "") pieces.push(pieceFeatures(piece));
  if (internedNames.countedIn.length < internedNames.hashes.length) {
    const size = Math.max(internedNames.hashes.length, 2 * internedNames.countedIn.length);
    const countedIn = new Int32Array(size);
    countedIn.set(internedNames.countedIn);
    internedNames.countedIn = countedIn;
    internedNames.position = new Int32Array(size);
  }
  const call = ++internedNames.calls;
  const { countedIn, position } = internedNames;
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

/** Feature names with their hashes and weights by id: what a vector is summed from (internedNames, CorpusFeatures). */
export interface FeatureNames {
  hashes: readonly number[];
  weights: readonly number[];
}

/** murmur3's finaliser: decorrelates the sign bit from the bits that chose the slot. */
export function mix(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 16;
}
