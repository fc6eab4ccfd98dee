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

  /** Everything held, best first. */
  drain(): { doc: number; score: number }[] {
    const out: { doc: number; score: number }[] = [];
    for (let i = 0; i < this.size; i++) out.push({ doc: this.heapDocs[i]!, score: this.heapScores[i]! });
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  private replaceWorst(score: number, doc: number): void {
    const { heapScores: s, heapDocs: d, size } = this;
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
}
