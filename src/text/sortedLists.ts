/**
 * The first position in list[from, end) whose value is at least `value` (end when none), in an
 * ascending list: galloping from `from`, then halving. Searching onward from the last position found
 * reads a long list in steps, not from its start each time: BM25 looking candidates up in a posting
 * list (LexicalIndex.ts), a name's chunks intersected across its tokens (termStatistics.ts).
 */
export function firstAtLeast(list: Uint32Array, from: number, end: number, value: number): number {
  if (from >= end || list[from]! >= value) return from;
  let step = 1;
  let lo = from;
  let hi = from + 1;
  while (hi < end && list[hi]! < value) {
    lo = hi;
    step *= 2;
    hi = Math.min(end, lo + step);
  }
  // list[lo] < value; the answer is in (lo, hi].
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid;
    else hi = mid;
  }
  return hi;
}
