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
 * embedder and drop them: the token lists of every chunk are never held at once.
 */
export class PostingsBuilder {
  /** Per term, its (chunk, tf) pairs packed in a typed array that doubles when full. */
  private readonly byTerm = new Map<string, { pairs: Uint32Array; used: number }>();
  private readonly lengths: number[] = [];

  /** The next chunk's search tokens (chunks in index order). */
  add(tokens: readonly string[]): void {
    const doc = this.lengths.length;
    const counts = new Map<string, number>();
    for (const token of tokens) if (token !== "") counts.set(token, (counts.get(token) ?? 0) + 1);
    this.lengths.push(new Set(tokens).size);
    for (const [term, tf] of counts) {
      let list = this.byTerm.get(term);
      if (list === undefined) this.byTerm.set(term, (list = { pairs: new Uint32Array(4), used: 0 }));
      if (list.used === list.pairs.length) {
        const grown = new Uint32Array(list.pairs.length * 2);
        grown.set(list.pairs);
        list.pairs = grown;
      }
      list.pairs[list.used++] = doc;
      list.pairs[list.used++] = tf;
    }
  }

  build(): Postings {
    const terms = [...this.byTerm.keys()].sort(compareTerms);
    const offsets = new Uint32Array(terms.length + 1);
    let total = 0;
    for (const [t, term] of terms.entries()) {
      total += this.byTerm.get(term)!.used / 2;
      offsets[t + 1] = total;
    }
    const docs = new Uint32Array(total);
    const tfs = new Uint32Array(total);
    for (const [t, term] of terms.entries()) {
      const { pairs, used } = this.byTerm.get(term)!;
      for (let i = 0, p = offsets[t]!; i < used; i += 2, p++) {
        docs[p] = pairs[i]!;
        tfs[p] = pairs[i + 1]!;
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
