import { contextualText } from "../chunking/index.js";
import type { Chunk } from "../chunking/types.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import { buildPostings, readPostings, writePostings, type Postings, type PostingsBuilder } from "./lexicalPostings.js";
import type { LexicalHit, LexicalSearch } from "./types.js";

/**
 * BM25 over each chunk's contextual text (title › heading path + passage), with the same
 * tokenizer as the rest of the product. Stored as lexical.json (terms) + lexical.bin (postings).
 *
 * Scoring is MiniSearch 7's, which this replaced (same formula, so the same ranking): BM25+ with
 * the document length counted in distinct terms, a query term's score summed over the chunks it
 * matches, and the sum multiplied by how many distinct query terms matched. English words of 5+
 * letters also match as prefixes (transformer → transformers) at weight 0.375·len/(len+0.3·extra);
 * Chinese never does, since a prefix of a Chinese word is usually another word.
 * BM25 parameters: chunks are short and of similar length, so length normalisation (b) is
 * softened from the usual 0.75 — a longer passage about a topic should not lose to a one-line
 * list item that happens to mention it.
 *
 * Why not MiniSearch: its OR query builds a result object for every chunk that contains any query
 * term, so a common word (模型, 学习) costs O(chunks) allocations and a full sort (89 ms p50 at 20k
 * chunks). Here postings are typed arrays, scores accumulate in a reused Float64Array, and query
 * terms go rarest first with "quit admitting" pruning (MaxScore's idea, term at a time): once the
 * k-th best score is above what any unseen chunk could still reach with the remaining terms, the
 * common terms only update chunks already found. The top k is exact.
 */
export const BM25 = { k: 1.2, b: 0.5, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const isPrefixTerm = (term: string) => /^[a-z][a-z0-9]{4,}$/.test(term);

interface QueryTerm {
  term: string;
  /** Exact term and prefix-derived terms: index into postings.terms and weight. */
  parts: { termId: number; weight: number }[];
  /** Upper bound of this term's contribution to any one chunk. */
  bound: number;
}

export class LexicalIndex implements LexicalSearch {
  // Scratch space reused by every query (searches are synchronous, so never shared).
  private readonly scores: Float64Array;
  private readonly matched: Uint16Array;
  private readonly lastTerm: Int32Array;
  private readonly idf: Float64Array;
  private readonly maxImpact: Float64Array;

  private constructor(
    private readonly postings: Postings,
    private readonly ids: readonly string[],
  ) {
    const n = postings.docLengths.length;
    this.scores = new Float64Array(n);
    this.matched = new Uint16Array(n);
    this.lastTerm = new Int32Array(n).fill(-1);
    const termCount = postings.terms.length;
    this.idf = new Float64Array(termCount);
    for (let t = 0; t < termCount; t++) {
      const df = postings.offsets[t + 1]! - postings.offsets[t]!;
      this.idf[t] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
    // Filled on a term's first query, not at load: most of the vocabulary is never asked for.
    this.maxImpact = new Float64Array(termCount).fill(-1);
  }

  static fromChunks(chunks: readonly Chunk[]): LexicalIndex {
    const postings = buildPostings(chunks.map((chunk) => tokenizeForSearch(contextualText(chunk))));
    return new LexicalIndex(
      postings,
      chunks.map((chunk) => chunk.id),
    );
  }

  /** From postings built chunk by chunk during an ingest (PostingsBuilder), for chunks in index order. */
  static fromBuilder(builder: PostingsBuilder, chunkIds: readonly string[]): LexicalIndex {
    const postings = builder.build();
    if (postings.docLengths.length !== chunkIds.length)
      throw new Error(`${postings.docLengths.length} entries for ${chunkIds.length} chunks`);
    return new LexicalIndex(postings, chunkIds);
  }

  /** From lexical.json and lexical.bin, for chunks in index order; throws on anything that is not a saved index. */
  static fromFiles(json: string, bin: Uint8Array, chunkIds: readonly string[]): LexicalIndex {
    const postings = readPostings(json, bin);
    if (postings.docLengths.length !== chunkIds.length) {
      throw new Error(`${postings.docLengths.length} entries for ${chunkIds.length} chunks`);
    }
    return new LexicalIndex(postings, chunkIds);
  }

  /** The two files to store: lexical.json (terms) and lexical.bin (postings). */
  toFiles(): { json: string; bin: Uint8Array } {
    return writePostings(this.postings);
  }

  /** Every indexed term, sorted. */
  get vocabulary(): readonly string[] {
    return this.postings.terms;
  }

  get documentCount(): number {
    return this.ids.length;
  }

  search(query: string, k: number): LexicalHit[] {
    if (k <= 0) return [];
    const queryTerms = this.analyse(query);
    // Rarest (highest bound) first, so the common terms come last, when they can be pruned.
    const order = queryTerms.map((_, i) => i).sort((a, b) => queryTerms[b]!.bound - queryTerms[a]!.bound);
    const touched: number[] = [];
    const { scores, matched, lastTerm } = this;
    let remainingBound = queryTerms.reduce((sum, term) => sum + term.bound, 0);
    let remainingTerms = queryTerms.length;
    let admitting = true;
    for (const qi of order) {
      const queryTerm = queryTerms[qi]!;
      for (const { termId, weight } of queryTerm.parts) {
        const { offsets, docs } = this.postings;
        for (let p = offsets[termId]!; p < offsets[termId + 1]!; p++) {
          const doc = docs[p]!;
          if (lastTerm[doc] === -1) {
            if (!admitting) continue;
            touched.push(doc);
          }
          scores[doc]! += weight * this.impact(termId, p);
          if (lastTerm[doc] !== qi) {
            matched[doc]! += 1;
            lastTerm[doc] = qi;
          }
        }
      }
      remainingBound -= queryTerm.bound;
      remainingTerms--;
      // An unseen chunk could reach at most remainingBound × remainingTerms (quality multiplier).
      if (admitting && touched.length >= k && remainingTerms > 0) {
        admitting = kthBest(touched, scores, matched, k) <= remainingBound * remainingTerms;
      }
    }

    const ranked = touched
      .map((doc) => ({ doc, score: scores[doc]! * matched[doc]! }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc)
      .slice(0, k);
    const hits = ranked.map(({ doc, score }) => ({
      chunkId: this.ids[doc]!,
      score,
      matchedTerms: queryTerms.filter((term) => term.parts.some((part) => this.contains(part.termId, doc))).map((term) => term.term),
    }));
    for (const doc of touched) {
      scores[doc] = 0;
      matched[doc] = 0;
      lastTerm[doc] = -1;
    }
    return hits;
  }

  private impact(termId: number, p: number): number {
    const { tfs, docs, docLengths, averageLength } = this.postings;
    const tf = tfs[p]!;
    const norm = 1 - BM25.b + (BM25.b * docLengths[docs[p]!]!) / averageLength;
    return this.idf[termId]! * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * norm));
  }

  private maxImpactOf(termId: number): number {
    if (this.maxImpact[termId]! < 0) {
      let max = 0;
      for (let p = this.postings.offsets[termId]!; p < this.postings.offsets[termId + 1]!; p++) max = Math.max(max, this.impact(termId, p));
      this.maxImpact[termId] = max;
    }
    return this.maxImpact[termId]!;
  }

  private analyse(query: string): QueryTerm[] {
    const result: QueryTerm[] = [];
    for (const term of new Set(tokenizeForSearch(query))) {
      const parts: QueryTerm["parts"] = [];
      const exact = this.postings.termIndex(term);
      if (exact !== undefined) parts.push({ termId: exact, weight: 1 });
      if (isPrefixTerm(term)) {
        for (const termId of this.postings.withPrefix(term)) {
          const extra = this.postings.terms[termId]!.length - term.length;
          if (extra > 0) parts.push({ termId, weight: (PREFIX_WEIGHT * (term.length + extra)) / (term.length + extra + 0.3 * extra) });
        }
      }
      if (parts.length === 0) continue;
      result.push({ term, parts, bound: parts.reduce((sum, part) => sum + part.weight * this.maxImpactOf(part.termId), 0) });
    }
    return result;
  }

  /** Postings are in chunk order: binary search. */
  private contains(termId: number, doc: number): boolean {
    const { offsets, docs } = this.postings;
    let lo = offsets[termId]!;
    let hi = offsets[termId + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = docs[mid]!;
      if (value === doc) return true;
      if (value < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

/** The k-th highest final score among the touched chunks (a bounded min-heap would do; k is small). */
function kthBest(touched: readonly number[], scores: Float64Array, matched: Uint16Array, k: number): number {
  const best: number[] = [];
  for (const doc of touched) {
    const score = scores[doc]! * matched[doc]!;
    if (best.length < k) {
      best.push(score);
      if (best.length === k) best.sort((a, b) => a - b);
    } else if (score > best[0]!) {
      best[0] = score;
      // Keep ascending: bubble the new value up (k is tens).
      for (let i = 0; i + 1 < k && best[i]! > best[i + 1]!; i++) [best[i], best[i + 1]] = [best[i + 1]!, best[i]!];
    }
  }
  return best[0] ?? 0;
}
