/**
 * Top k selection over scores kept in typed arrays (k is tens, the pool up to every chunk): a
 * bounded min-heap of (score, position) pairs, so no result object per candidate and no full sort.
 * Order: higher score first, ties by lower position (what a full sort by score, then position gives).
 */

function better(aScore: number, aDoc: number, bScore: number, bDoc: number): boolean {
  return aScore > bScore || (aScore === bScore && aDoc < bDoc);
}

/** A min-heap of the best `capacity` (score, position) pairs offered; its root is the worst of them. */
export class TopScores {
  private readonly heapScores: Float64Array;
  private readonly heapDocs: Uint32Array;
  private size = 0;

  constructor(readonly capacity: number) {
    this.heapScores = new Float64Array(Math.max(0, capacity));
    this.heapDocs = new Uint32Array(Math.max(0, capacity));
  }

  /** Whether (score, doc) would enter the heap now: the cheap test before offering. */
  admits(score: number, doc: number): boolean {
    return this.size < this.capacity || (this.capacity > 0 && better(score, doc, this.heapScores[0]!, this.heapDocs[0]!));
  }

  offer(score: number, doc: number): void {
    const { heapScores: s, heapDocs: d } = this;
    if (this.size < this.capacity) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!better(s[parent]!, d[parent]!, score, doc)) break;
        s[i] = s[parent]!;
        d[i] = d[parent]!;
        i = parent;
      }
      s[i] = score;
      d[i] = doc;
    } else if (this.capacity > 0 && better(score, doc, s[0]!, d[0]!)) {
      this.replaceWorst(score, doc);
    }
  }

  /** Empty again, keeping its arrays: for a caller that selects many times in a row. */
  clear(): void {
    this.size = 0;
  }

  get full(): boolean {
    return this.size === this.capacity;
  }

  /** The worst score held (0 when empty). */
  worstScore(): number {
    return this.size === 0 ? 0 : this.heapScores[0]!;
  }

  /** Everything held, best first; the heap is empty afterwards. */
  drain(): { doc: number; score: number }[] {
    const size = this.size;
    sortHeldBestFirst(this.heapScores, this.heapDocs, size);
    this.size = 0;
    const out: { doc: number; score: number }[] = [];
    for (let i = 0; i < size; i++) out.push({ doc: this.heapDocs[i]!, score: this.heapScores[i]! });
    return out;
  }

  private replaceWorst(score: number, doc: number): void {
    siftDown(this.heapScores, this.heapDocs, this.size, score, doc);
  }
}

/**
 * Places (score, doc) at the root of the min-heap s/d[0, size) and sifts it down: the worse
 * child (lower score, or equal and higher doc) moves up while the pair is better than it.
 */
function siftDown(s: Float64Array, d: Uint32Array, size: number, score: number, doc: number): void {
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= size) break;
    const r = l + 1;
    const worse = r < size && better(s[l]!, d[l]!, s[r]!, d[r]!) ? r : l;
    if (!better(score, doc, s[worse]!, d[worse]!)) break;
    s[i] = s[worse]!;
    d[i] = d[worse]!;
    i = worse;
  }
  s[i] = score;
  d[i] = doc;
}

/**
 * A min-heap of (score, doc) pairs, its root the worst (TopScores; the sparse kernel's "top"
 * keeps the same order), sorted in place best first: the worst is taken off the root into the
 * last place, then the next worst, as in heapsort. The order a sort by score, then doc gives
 * (the pairs' docs are distinct), without a comparator called per pair.
 */
export function sortHeldBestFirst(s: Float64Array, d: Uint32Array, size: number): void {
  for (let last = size - 1; last > 0; last--) {
    const score = s[last]!;
    const doc = d[last]!;
    s[last] = s[0]!;
    d[last] = d[0]!;
    siftDown(s, d, last, score, doc);
  }
}
