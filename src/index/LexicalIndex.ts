import { contextualText } from "../chunking/index.js";
import type { Chunk } from "../chunking/types.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import { lexicalKernel, lexicalKernelLayout, type LexicalKernel } from "./lexicalKernel.js";
import { kthBest, reusableHeap, topK } from "./lexicalTopK.js";
import type { TopScores } from "./topScores.js";
import { buildPostings, type Postings, type PostingsBuilder } from "./lexicalPostings.js";
import type { LexicalHit, LexicalSearch } from "./types.js";
import { firstAtLeast } from "../text/sortedLists.js";

/**
 * BM25 over each chunk's contextual text (title › heading path + passage), with the same
 * tokenizer as the rest of the product. Stored as lexical.json (terms) + lexical.bin (postings):
 * lexicalIndexFiles.ts.
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
  /** Scratch space reused by every query (searches are synchronous, so never shared); made on the first. */
  private scratch?: Scratch;
  private readonly idf: Float64Array;
  private readonly maxImpact: Float64Array;
  /** The heap kthBest selects in, reused (searches are synchronous, so never shared). */
  private kthHeap?: TopScores;
  /** The heap the final top k is selected in, reused the same way. */
  private topHeap?: TopScores;
  /** Analysed query terms: fixed for the index, and learners' words recur. Read only by search. */
  private readonly queryTerms = new Map<string, QueryTerm | null>();

  private constructor(
    /** Moved into the kernel's memory with the scratch space (the same arrays, copied once). */
    private postings: Postings,
    private readonly ids: readonly string[],
    private readonly options: LexicalIndexOptions = {},
    /** A kernel whose memory already holds the postings where the layout puts them (fromSavedPostings). */
    private readonly loadedKernel?: LexicalKernel,
  ) {
    const n = postings.docLengths.length;
    const termCount = postings.terms.length;
    this.idf = new Float64Array(termCount);
    for (let t = 0; t < termCount; t++) {
      const df = postings.offsets[t + 1]! - postings.offsets[t]!;
      this.idf[t] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
    // Filled on a term's first query, not at load: most of the vocabulary is never asked for.
    this.maxImpact = new Float64Array(termCount).fill(-1);
  }

  static fromChunks(chunks: readonly Chunk[], options: LexicalIndexOptions = {}): LexicalIndex {
    const postings = buildPostings(chunks.map((chunk) => tokenizeForSearch(contextualText(chunk))));
    return new LexicalIndex(
      postings,
      chunks.map((chunk) => chunk.id),
      options,
    );
  }

  /** From postings built chunk by chunk during an ingest (PostingsBuilder), for chunks in index order. */
  static fromBuilder(builder: PostingsBuilder, chunkIds: readonly string[]): LexicalIndex {
    const postings = builder.build();
    if (postings.docLengths.length !== chunkIds.length)
      throw new Error(`${postings.docLengths.length} entries for ${chunkIds.length} chunks`);
    return new LexicalIndex(postings, chunkIds);
  }

  /**
   * From postings read from lexical.json and lexical.bin (lexicalIndexFiles.ts), for chunks in
   * index order; `kernel`: one whose memory already holds them where the layout puts them.
   */
  static fromSavedPostings(postings: Postings, chunkIds: readonly string[], kernel?: LexicalKernel): LexicalIndex {
    if (postings.docLengths.length !== chunkIds.length) {
      throw new Error(`${postings.docLengths.length} entries for ${chunkIds.length} chunks`);
    }
    const index = new LexicalIndex(postings, chunkIds, {}, kernel);
    // A loaded index is there to be searched: its postings move into the kernel's memory now, so
    // the file's buffer is let go at load and the first question does not pay for the copy.
    index.scratchSpace();
    return index;
  }

  /** The postings searched, for lexicalIndexFiles.ts to write (in the kernel's memory once searched). */
  get invertedIndex(): Postings {
    return this.postings;
  }

  /** Whether searches run in the WebAssembly kernel (false: the JavaScript loops); decided on the first search. */
  get usesKernel(): boolean {
    return this.scratchSpace().kernel !== undefined;
  }

  /** Every indexed term, sorted. */
  get vocabulary(): readonly string[] {
    return this.postings.terms;
  }

  get documentCount(): number {
    return this.ids.length;
  }

  /**
   * The k best chunks for `query`, best first, ties by index order. With `accept`, the k best of
   * the chunks it accepts (the same as ranking every match and filtering, without doing that).
   */
  search(query: string, k: number, accept?: (chunkId: string) => boolean): LexicalHit[] {
    if (k <= 0) return [];
    const { scores, matched, lastTerm, touched, candidates, counts, kernel } = this.scratchSpace();
    const queryTerms = this.analyse(query);
    // Rarest (highest bound) first, so the common terms come last, when they can be pruned.
    const order = queryTerms.map((_, i) => i).sort((a, b) => queryTerms[b]!.bound - queryTerms[a]!.bound);
    const { ids, idf: idfOf } = this;
    const { offsets, docs, tfs } = this.postings;
    let touchedCount = 0;
    let candidateCount = 0;
    let remainingBound = queryTerms.reduce((sum, term) => sum + term.bound, 0);
    let remainingTerms = queryTerms.length;
    let admitting = true;
    /** Whether candidates are in chunk order (admitted term by term, they are not; pruning keeps the order). */
    let sorted = false;
    for (const qi of order) {
      const queryTerm = queryTerms[qi]!;
      for (const { termId, weight } of queryTerm.parts) {
        const idf = idfOf[termId]!;
        const first = offsets[termId]!;
        const end = offsets[termId + 1]!;
        if (admitting && kernel && !accept) {
          counts[0] = touchedCount;
          counts[1] = candidateCount;
          kernel.admit(first, end, qi, weight, idf, K_PLUS_ONE, BM25.d);
          touchedCount = counts[0]!;
          candidateCount = counts[1]!;
        } else if (admitting) {
          for (let p = first; p < end; p++) {
            const doc = docs[p]!;
            if (lastTerm[doc] === UNSEEN) {
              touched[touchedCount++] = doc;
              if (accept && !accept(ids[doc]!)) {
                lastTerm[doc] = REJECTED;
                continue;
              }
              candidates[candidateCount++] = doc;
            } else if (lastTerm[doc] === REJECTED) continue;
            this.add(qi, weight, idf, tfs[p]!, doc);
          }
        } else if (candidateCount * GALLOP_RATIO < end - first) {
          // Few chunks left in the running against a long posting list: look each one up, in
          // chunk order (sorted once, here: after pruning there are far fewer to sort).
          if (!sorted) candidates.subarray(0, candidateCount).sort();
          sorted = true;
          let p = first;
          for (let c = 0; c < candidateCount && p < end; c++) {
            const doc = candidates[c]!;
            p = firstAtLeast(docs, p, end, doc);
            if (p < end && docs[p] === doc) this.add(qi, weight, idf, tfs[p]!, doc);
          }
        } else if (kernel) {
          kernel.scan(first, end, qi, weight, idf, K_PLUS_ONE, BM25.d);
        } else {
          for (let p = first; p < end; p++) {
            const doc = docs[p]!;
            if (lastTerm[doc]! >= 0) this.add(qi, weight, idf, tfs[p]!, doc);
          }
        }
      }
      remainingBound -= queryTerm.bound;
      remainingTerms--;
      if (remainingTerms === 0 || candidateCount < k) continue;
      const kth = kernel
        ? kernel.kth(candidateCount, k)
        : kthBest(candidates, candidateCount, scores, matched, (this.kthHeap = reusableHeap(this.kthHeap, k)));
      if (admitting) {
        // An unseen chunk could reach at most remainingBound × remainingTerms (quality multiplier).
        if (kth <= remainingBound * remainingTerms * SAFETY) continue;
        admitting = false;
      }
      // A chunk whose best possible final score is below the k-th best so far cannot make the top k.
      if (kernel) {
        candidateCount = kernel.prune(candidateCount, remainingBound, remainingTerms, SAFETY, kth);
        continue;
      }
      let kept = 0;
      for (let c = 0; c < candidateCount; c++) {
        const doc = candidates[c]!;
        if ((scores[doc]! + remainingBound) * (matched[doc]! + remainingTerms) * SAFETY >= kth) candidates[kept++] = doc;
      }
      candidateCount = kept;
    }

    const ranked = topK(
      candidates,
      candidateCount,
      scores,
      matched,
      k,
      (this.topHeap = reusableHeap(this.topHeap, Math.min(k, candidateCount))),
    );
    const contains = (termId: number, doc: number) => this.contains(termId, doc);
    const hits = ranked.map(({ doc, score }) => new PostingsHit(ids[doc]!, score, doc, queryTerms, contains));
    if (kernel) kernel.reset(touchedCount);
    else
      for (let i = 0; i < touchedCount; i++) {
        const doc = touched[i]!;
        scores[doc] = 0;
        matched[doc] = 0;
        lastTerm[doc] = UNSEEN;
      }
    return hits;
  }

  /** One posting's contribution to a chunk already in the running (lexicalKernel.ts does the same). */
  private add(qi: number, weight: number, idf: number, tf: number, doc: number): void {
    const { scores, lastTerm, matched } = this.scratch!;
    scores[doc]! += weight * this.impactAt(idf, tf, doc);
    if (lastTerm[doc] !== qi) {
      matched[doc]! += 1;
      lastTerm[doc] = qi;
    }
  }

  private impactAt(idf: number, tf: number, doc: number): number {
    return idf * (BM25.d + (tf * K_PLUS_ONE) / (tf + this.scratch!.lengthNorm[doc]!));
  }

  /**
   * The scratch arrays, in the lexical kernel's memory with the postings when WebAssembly memory
   * is to be had (the postings move there: one copy, then the old arrays are let go), else in
   * ArrayBuffers for the JavaScript loops.
   */
  private scratchSpace(): Scratch {
    if (this.scratch) return this.scratch;
    const p = this.postings;
    const n = p.docLengths.length;
    const layout = lexicalKernelLayout(n, p.offsets.length, p.docs.length);
    const { addresses: at, postingsAt, offsetsAt } = layout;
    const { docs: docsAt, tfs: tfsAt } = at;
    const kernel = this.options.kernel === false ? undefined : (this.loadedKernel ?? lexicalKernel(layout.bytes, at));
    let scratch: Scratch;
    if (kernel) {
      const { buffer } = kernel;
      const copy = <T extends Uint32Array>(source: T, byteOffset: number) => {
        // Already there when lexical.bin was read into this memory (readLexicalIndexFiles).
        if (source.buffer === buffer && source.byteOffset === byteOffset) return source;
        const target = new Uint32Array(buffer, byteOffset, source.length);
        target.set(source);
        return target;
      };
      this.postings = {
        ...p,
        docLengths: copy(p.docLengths, postingsAt),
        offsets: copy(p.offsets, offsetsAt),
        docs: copy(p.docs, docsAt),
        tfs: copy(p.tfs, tfsAt),
      };
      scratch = {
        counts: new Int32Array(buffer, 0, 2),
        lengthNorm: new Float64Array(buffer, at.lengthNorm, n),
        scores: new Float64Array(buffer, at.scores, n),
        lastTerm: new Int32Array(buffer, at.lastTerm, n),
        touched: new Uint32Array(buffer, at.touched, n),
        candidates: new Uint32Array(buffer, at.candidates, n),
        matched: new Uint16Array(buffer, at.matched, n),
        kernel,
      };
    } else {
      scratch = {
        counts: new Int32Array(2),
        lengthNorm: new Float64Array(n),
        scores: new Float64Array(n),
        lastTerm: new Int32Array(n),
        touched: new Uint32Array(n),
        candidates: new Uint32Array(n),
        matched: new Uint16Array(n),
      };
    }
    scratch.lastTerm.fill(UNSEEN);
    const { docLengths, averageLength } = this.postings;
    for (let doc = 0; doc < n; doc++) scratch.lengthNorm[doc] = BM25.k * (1 - BM25.b + (BM25.b * docLengths[doc]!) / averageLength);
    this.scratch = scratch;
    return scratch;
  }

  private impact(termId: number, p: number): number {
    return this.impactAt(this.idf[termId]!, this.postings.tfs[p]!, this.postings.docs[p]!);
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
      let analysed = this.queryTerms.get(term);
      if (analysed === undefined) {
        analysed = this.analyseTerm(term);
        if (this.queryTerms.size >= MAX_REMEMBERED_TERMS) this.queryTerms.clear();
        this.queryTerms.set(term, analysed);
      }
      if (analysed) result.push(analysed);
    }
    return result;
  }

  /** A query term's postings (exact, and longer words it prefixes) and its bound; null when the index has none. */
  private analyseTerm(term: string): QueryTerm | null {
    const parts: QueryTerm["parts"] = [];
    const exact = this.postings.termIndex(term);
    if (exact !== undefined) parts.push({ termId: exact, weight: 1 });
    if (isPrefixTerm(term)) {
      for (const termId of this.postings.withPrefix(term)) {
        const extra = this.postings.terms[termId]!.length - term.length;
        if (extra > 0) parts.push({ termId, weight: (PREFIX_WEIGHT * (term.length + extra)) / (term.length + extra + 0.3 * extra) });
      }
    }
    if (parts.length === 0) return null;
    return { term, parts, bound: parts.reduce((sum, part) => sum + part.weight * this.maxImpactOf(part.termId), 0) };
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

/**
 * A hit whose matched terms are looked up in the postings only when read (few callers read them;
 * retrieval reads none). A class with the getter on its prototype, not an object literal with a
 * getter per hit: V8 builds such literals on a slow path, and every search made ~24 of them.
 */
class PostingsHit implements LexicalHit {
  readonly #doc: number;
  readonly #terms: readonly QueryTerm[];
  readonly #contains: (termId: number, doc: number) => boolean;

  constructor(
    readonly chunkId: string,
    readonly score: number,
    doc: number,
    terms: readonly QueryTerm[],
    contains: (termId: number, doc: number) => boolean,
  ) {
    this.#doc = doc;
    this.#terms = terms;
    this.#contains = contains;
  }

  get matchedTerms(): string[] {
    return this.#terms.filter((term) => term.parts.some((part) => this.#contains(part.termId, this.#doc))).map((term) => term.term);
  }
}

interface LexicalIndexOptions {
  /** false: the JavaScript loops over ArrayBuffers, even where WebAssembly memory is available (tests compare the two). */
  kernel?: boolean;
}

interface Scratch {
  /** Touched chunks and candidates, as the kernel leaves them (its addresses 0 and 4). */
  counts: Int32Array;
  /** BM25's k·(1 − b + b·length/average) per chunk: the same arithmetic as the formula, done once. */
  lengthNorm: Float64Array;
  scores: Float64Array;
  matched: Uint16Array;
  /** Per chunk: the last query term that matched it, UNSEEN or REJECTED. */
  lastTerm: Int32Array;
  /** Every chunk a query reached (to reset the scratch arrays). */
  touched: Uint32Array;
  /** The chunks still in the running: accepted, and not yet proven out of the top k. */
  candidates: Uint32Array;
  /** The WebAssembly loops over this memory; absent: the JavaScript ones. */
  kernel?: LexicalKernel;
}

/** BM25's k + 1, computed once so the kernel is handed the very same double. */
const K_PLUS_ONE = BM25.k + 1;
/**
 * Bounds are sums of doubles added in another order than a chunk's score: 1 + 1e-9 keeps every
 * comparison with a bound on the safe side of rounding (pruning a little less, never wrongly).
 */
const SAFETY = 1 + 1e-9;
/** Analysed query terms kept per index; when full it starts over. */
const MAX_REMEMBERED_TERMS = 50_000;
/** lastTerm of a chunk no query term has reached yet, and of one the filter refused. */
const UNSEEN = -1;
const REJECTED = -2;
/** Look candidates up in a posting list (galloping) when it is this many times longer than their number. */
const GALLOP_RATIO = 8;
