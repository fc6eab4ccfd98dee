import { forEachHanRun } from "../text/codePointKinds.js";
import { grownInt32 } from "../text/grownArrays.js";
import type { TokenIds } from "../text/tokenIds.js";
import {
  BIGRAM_PREFIX,
  HAN_BIGRAM_WEIGHT,
  isHighSurrogate,
  visitTokenFeatures,
  type FeatureNames,
  internedId,
  type Kind,
  type NameTable,
  type PiecedFeatures,
  signedSlotsIn,
} from "./hashedFeatures.js";

/**
 * One chunk's features as CorpusFeatures finds them, in the order featuresOf finds them: its
 * word and trigram features by name id, then its Han bigrams by hash. Reused by the next chunk.
 */
export interface ChunkFeatures {
  names: PiecedFeatures;
  bigramHashes: Uint32Array;
  bigramCounts: Int32Array;
  bigrams: number;
}

/** featuresOf's weight of a Han bigram, for a caller summing ChunkFeatures' bigrams. */
export const BIGRAM_FEATURE_WEIGHT = HAN_BIGRAM_WEIGHT;

/**
 * A corpus's features at ingest, by the ids of its tokens (TokenIds, shared with the BM25 and
 * term-table builders): a token's word and trigram features are worked out once per token, not
 * once per chunk that has it, and every such name is hashed once per corpus. A chunk's Han
 * bigrams are counted by their two code points in a small table cleared per chunk, and hashed
 * from the code units, never sliced into strings: a corpus has too many distinct bigrams for a
 * table of their names (a map of hundreds of thousands of strings cost more than it saved). For
 * the chunks of one ingest, then dropped; the question path's interned names (featuresOfPieces)
 * are neither filled nor cleared by an ingest. featuresOfTokens(text, ids) are featuresOf(text,
 * tokens)'s features for the same tokens, in the same order with the same counts and hashes.
 */
export class CorpusFeatures implements FeatureNames {
  readonly hashes: number[] = [];
  readonly weights: number[] = [];
  private readonly names: NameTable = {
    ids: [new Map<string, number>(), new Map<string, number>()],
    hashes: this.hashes,
    weights: this.weights,
  };
  /** Per token id, its word feature's id and its trigrams' ids. */
  private readonly ofToken: (Int32Array | undefined)[] = [];
  /** Per name id, the call that last counted it and where in that call's features it is. */
  private countedIn = new Int32Array(1024);
  private position = new Int32Array(1024);
  private calls = 0;
  private readonly found: ChunkFeatures = {
    names: { ids: new Int32Array(256), counts: new Int32Array(256), size: 0 },
    bigramHashes: new Uint32Array(256),
    bigramCounts: new Int32Array(256),
    bigrams: 0,
  };
  /** The chunk's bigrams by key (two code points), open addressing; a slot is in use when its mark is this call. */
  private bigramKeys = new Float64Array(1024);
  private bigramMarks = new Int32Array(1024);
  private bigramAt = new Int32Array(1024);
  private readonly signedSlots = new Map<number, Int32Array>();

  constructor(private readonly vocabulary: TokenIds) {}

  /** The features of `text` whose tokens are the first `count` of `tokenIds`: read at once (the next call reuses the arrays). */
  featuresOfTokens(text: string, tokenIds: Uint32Array, count: number): ChunkFeatures {
    const call = ++this.calls;
    const names = this.found.names;
    names.size = 0;
    for (let i = 0; i < count; i++) {
      for (const id of this.tokenFeatures(tokenIds[i]!)) {
        if (id >= this.countedIn.length) this.grow(id + 1);
        if (this.countedIn[id] === call) names.counts[this.position[id]!]!++;
        else {
          if (names.size === names.ids.length) {
            names.ids = grownInt32(names.ids, names.size + 1);
            names.counts = grownInt32(names.counts, names.size + 1);
          }
          this.countedIn[id] = call;
          this.position[id] = names.size;
          names.ids[names.size] = id;
          names.counts[names.size++] = 1;
        }
      }
    }
    this.countBigrams(text.normalize("NFKC"), call);
    return this.found;
  }

  /** Per name id, its slot and sign among `dimensions` as (slot + 1) × sign, 0 until worked out (as slotsFor). */
  slots(dimensions: number): Int32Array {
    return signedSlotsIn(this.signedSlots, dimensions, this.hashes.length);
  }

  /** visitBigrams' pairs of neighbouring code points of each Han run, counted by the pair, in first-seen order. */
  private countBigrams(normalized: string, call: number): void {
    const found = this.found;
    found.bigrams = 0;
    // A text of n units has fewer than n bigrams: the table stays at most half full.
    if (this.bigramKeys.length < 2 * normalized.length) {
      const size = 1 << Math.ceil(Math.log2(2 * normalized.length));
      this.bigramKeys = new Float64Array(size);
      this.bigramMarks = new Int32Array(size);
      this.bigramAt = new Int32Array(size);
    }
    if (found.bigramHashes.length < normalized.length) {
      found.bigramHashes = new Uint32Array(normalized.length);
      found.bigramCounts = new Int32Array(normalized.length);
    }
    const { bigramKeys: keys, bigramMarks: marks, bigramAt: at } = this;
    const { bigramHashes: hashes, bigramCounts: counts } = found;
    const mask = keys.length - 1;
    forEachHanRun(normalized, (runStart, runEnd) => {
      let start = runStart;
      let middle = runStart + (isHighSurrogate(normalized.charCodeAt(runStart)) ? 2 : 1);
      while (middle < runEnd) {
        const end = middle + (isHighSurrogate(normalized.charCodeAt(middle)) ? 2 : 1);
        const first = normalized.codePointAt(start)!;
        const second = normalized.codePointAt(middle)!;
        const key = first * 0x110000 + second;
        let slot = (Math.imul(first, 0x9e3779b1) ^ second) & mask;
        while (marks[slot] === call && keys[slot] !== key) slot = (slot + 1) & mask;
        if (marks[slot] === call) counts[at[slot]!]!++;
        else {
          marks[slot] = call;
          keys[slot] = key;
          at[slot] = found.bigrams;
          // fnv1a("b:" + the pair), over its code units as the name's hash is.
          let hash = BIGRAM_PREFIX;
          for (let unit = start; unit < end; unit++) {
            hash ^= normalized.charCodeAt(unit);
            hash = Math.imul(hash, 0x01000193);
          }
          hashes[found.bigrams] = hash >>> 0;
          counts[found.bigrams++] = 1;
        }
        start = middle;
        middle = end;
      }
    });
  }

  private tokenFeatures(tokenId: number): Int32Array {
    let ids = this.ofToken[tokenId];
    if (ids === undefined) {
      const found: number[] = [];
      visitTokenFeatures([this.vocabulary.tokens[tokenId]!], (kind, name) => found.push(this.nameId(kind, name)));
      this.ofToken[tokenId] = ids = Int32Array.from(found);
    }
    return ids;
  }

  private nameId(kind: Kind, name: string): number {
    return internedId(this.names, kind, name);
  }

  private grow(size: number): void {
    this.countedIn = grownInt32(this.countedIn, size);
    this.position = grownInt32(this.position, this.countedIn.length);
  }
}
