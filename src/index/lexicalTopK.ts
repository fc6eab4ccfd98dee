import { TopScores } from "./topScores.js";

/**
 * The BM25 search's top-k selections over its scratch arrays (LexicalIndex.search's JavaScript path,
 * and its final ranking on both paths): a chunk's final score is its summed impact × the query
 * terms it matched (MiniSearch's quality multiplier), selected in a TopScores heap, never by
 * sorting every match.
 */

/**
 * The k best chunks of pool[0, count) by final score (summed impact × matched terms), best first;
 * selected in `heap` when it is given with capacity min(k, count) (reusableHeap: a search's last
 * selection then makes no new arrays), else in a new one.
 */
export function topK(
  pool: Uint32Array,
  count: number,
  scores: Float64Array,
  matched: Uint16Array,
  k: number,
  heap?: TopScores,
): { doc: number; score: number }[] {
  const capacity = Math.min(k, count);
  const top = heap?.capacity === capacity ? heap : new TopScores(capacity);
  return bestFinalScores(pool, count, scores, matched, capacity, top).drain();
}

/** The k-th highest final score among pool[0, count) (0 when fewer), k being the heap's capacity. */
export function kthBest(pool: Uint32Array, count: number, scores: Float64Array, matched: Uint16Array, heap: TopScores): number {
  return count < heap.capacity ? 0 : bestFinalScores(pool, count, scores, matched, heap.capacity, heap).worstScore();
}

/** `heap` emptied when it holds `capacity`, else a new one: kthBest runs after every query term. */
export function reusableHeap(heap: TopScores | undefined, capacity: number): TopScores {
  if (heap?.capacity !== capacity) return new TopScores(capacity);
  heap.clear();
  return heap;
}

/** The best `capacity` final scores (BM25 sum × matched query terms) of pool[0, count), in `top` when given. */
function bestFinalScores(
  pool: Uint32Array,
  count: number,
  scores: Float64Array,
  matched: Uint16Array,
  capacity: number,
  top: TopScores = new TopScores(capacity),
): TopScores {
  for (let i = 0; i < count; i++) {
    const doc = pool[i]!;
    top.offer(scores[doc]! * matched[doc]!, doc);
  }
  return top;
}
