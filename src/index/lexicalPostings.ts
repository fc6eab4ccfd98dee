import { grownUint32 } from "../text/grownArrays.js";
import { IdMarks, TokenIds } from "../text/tokenIds.js";

/**
 * The inverted index behind LexicalIndex, in flat typed arrays: terms sorted (so a prefix is a
 * range), each term's postings a slice [offsets[t], offsets[t+1]) of docs (chunk positions,
 * ascending) and tfs. Stored as lexical.json and lexical.bin (lexicalIndexFiles.ts).
 */
export interface Postings {
  terms: readonly string[];
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint32Array;
  /** Distinct terms per chunk (MiniSearch's field length). */
  docLengths: Uint32Array;
  averageLength: number;
  termIndex(term: string): number | undefined;
  /** Term ids of every term starting with `prefix` (including itself). */
  withPrefix(prefix: string): number[];
}

export function buildPostings(tokenLists: readonly (readonly string[])[]): Postings {
  const builder = new PostingsBuilder();
  for (const tokens of tokenLists) builder.add(tokens);
  return builder.build();
}

/**
 * Postings built one chunk at a time, so an ingest can feed it the tokens it already has for the
 * embedder and drop them: the token lists of every chunk are never held at once. Tokens are
 * counted by id (TokenIds, shared with the term table when an ingest builds both), so a token
 * costs one map lookup; a term's (chunk, tf) pairs are packed in a typed array that doubles when full.
 */
export class PostingsBuilder {
  /** Per token id, its (chunk, tf) pairs and how many of its slots are used. */
  private readonly pairs: Uint32Array[] = [];
  private used: Uint32Array = new Uint32Array(1024);
  /** One chunk's distinct ids in first-appearance order, and per id its count in that chunk: reused. */
  private distinct = new Uint32Array(256);
  private counts: Uint32Array = new Uint32Array(1024);
  private readonly seen = new IdMarks();
  private readonly lengths: number[] = [];
  private scratch: Uint32Array = new Uint32Array(256);

  constructor(readonly vocabulary: TokenIds = new TokenIds()) {}

  /** The next chunk's search tokens (chunks in index order). */
  add(tokens: readonly string[]): void {
    this.scratch = this.vocabulary.idsOf(tokens, this.scratch);
    this.addIds(this.scratch, tokens.length);
  }

  /** add() for tokens already turned into ids by this builder's vocabulary: the first `count` of `ids`. */
  addIds(ids: Uint32Array, count: number): void {
    const doc = this.lengths.length;
    const vocabularySize = this.vocabulary.size;
    if (this.counts.length < vocabularySize) {
      this.counts = grownUint32(this.counts, vocabularySize);
      this.used = grownUint32(this.used, vocabularySize);
    }
    if (this.distinct.length < count) this.distinct = new Uint32Array(Math.max(count, 2 * this.distinct.length));
    const { counts, distinct, seen } = this;
    seen.next();
    let size = 0;
    for (let i = 0; i < count; i++) {
      const id = ids[i]!;
      if (seen.mark(id)) {
        distinct[size++] = id;
        counts[id] = 1;
      } else counts[id]!++;
    }
    // MiniSearch's field length: distinct tokens, the empty one included (it gets no posting).
    this.lengths.push(size);
    const { pairs, used } = this;
    const tokens = this.vocabulary.tokens;
    for (let j = 0; j < size; j++) {
      const id = distinct[j]!;
      if (tokens[id] === "") continue;
      let list = pairs[id];
      const at = used[id]!;
      if (list === undefined) pairs[id] = list = new Uint32Array(4);
      else if (at === list.length) {
        const longer = new Uint32Array(list.length * 2);
        longer.set(list);
        pairs[id] = list = longer;
      }
      list[at] = doc;
      list[at + 1] = counts[id]!;
      used[id] = at + 2;
    }
  }

  build(): Postings {
    const tokens = this.vocabulary.tokens;
    const ids: number[] = [];
    for (let id = 0; id < this.pairs.length; id++) if (this.pairs[id] !== undefined) ids.push(id);
    ids.sort((a, b) => compareTerms(tokens[a]!, tokens[b]!));
    const terms = ids.map((id) => tokens[id]!);
    const offsets = new Uint32Array(terms.length + 1);
    let total = 0;
    for (const [t, id] of ids.entries()) {
      total += this.used[id]! / 2;
      offsets[t + 1] = total;
    }
    const docs = new Uint32Array(total);
    const tfs = new Uint32Array(total);
    for (const [t, id] of ids.entries()) {
      const list = this.pairs[id]!;
      const used = this.used[id]!;
      for (let i = 0, p = offsets[t]!; i < used; i += 2, p++) {
        docs[p] = list[i]!;
        tfs[p] = list[i + 1]!;
      }
    }
    const docLengths = Uint32Array.from(this.lengths);
    let sum = 0;
    for (const length of docLengths) sum += length;
    return postingsOver(terms, offsets, docs, tfs, docLengths, docLengths.length > 0 ? sum / docLengths.length : 0);
  }
}

/** Code-unit order, the order binary search and prefix ranges need (localeCompare is not it). */
function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The Postings interface over arrays already built or read (terms sorted in code-unit order). */
export function postingsOver(
  terms: readonly string[],
  offsets: Uint32Array,
  docs: Uint32Array,
  tfs: Uint32Array,
  docLengths: Uint32Array,
  averageLength: number,
): Postings {
  const lowerBound = (value: string) => {
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    terms,
    offsets,
    docs,
    tfs,
    docLengths,
    averageLength,
    termIndex(term) {
      const i = lowerBound(term);
      return terms[i] === term ? i : undefined;
    },
    withPrefix(prefix) {
      const ids: number[] = [];
      for (let i = lowerBound(prefix); i < terms.length && terms[i]!.startsWith(prefix); i++) ids.push(i);
      return ids;
    },
  };
}
