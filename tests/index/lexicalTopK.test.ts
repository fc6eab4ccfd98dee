import { describe, expect, it } from "vitest";
import { kthBest, reusableHeap, topK } from "../../src/index/lexicalTopK.js";
import { TopScores } from "../../src/index/topScores.js";

/** A pool of candidates over 200 chunks with few distinct scores, so ties (broken by chunk position) are common. */
function scratch(seed: number) {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const scores = new Float64Array(200);
  const matched = new Uint16Array(200);
  for (let doc = 0; doc < 200; doc++) {
    scores[doc] = (1 + Math.floor(random() * 8)) / 2;
    matched[doc] = 1 + Math.floor(random() * 3);
  }
  // Candidates in no particular order, as admission term by term leaves them.
  const pool = Uint32Array.from({ length: 150 }, (_, i) => (i * 37) % 200);
  return { pool, scores, matched };
}

/** The reference: every candidate ranked by summed impact × matched terms, ties by chunk position. */
function sortedFinalScores(pool: Uint32Array, count: number, scores: Float64Array, matched: Uint16Array) {
  return [...pool.subarray(0, count)]
    .map((doc) => ({ doc, score: scores[doc]! * matched[doc]! }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
}

describe("lexicalTopK", () => {
  it("selects the k best final scores, best first and ties by chunk position, as a full sort does", () => {
    for (const seed of [1, 2, 3]) {
      const { pool, scores, matched } = scratch(seed);
      for (const count of [0, 1, 10, 150])
        for (const k of [1, 5, 24, 200])
          expect(topK(pool, count, scores, matched, k)).toEqual(sortedFinalScores(pool, count, scores, matched).slice(0, k));
    }
  });

  it("selects the same in a reused heap, search after search", () => {
    let heap: TopScores | undefined;
    for (const seed of [6, 7, 8])
      for (const count of [150, 24, 150, 3]) {
        const { pool, scores, matched } = scratch(seed);
        heap = reusableHeap(heap, Math.min(24, count));
        expect(topK(pool, count, scores, matched, 24, heap)).toEqual(sortedFinalScores(pool, count, scores, matched).slice(0, 24));
      }
  });

  it("gives the k-th best final score, or 0 when fewer than k candidates", () => {
    const { pool, scores, matched } = scratch(4);
    for (const count of [3, 5, 24, 150])
      for (const k of [1, 5, 24]) {
        const sorted = sortedFinalScores(pool, count, scores, matched);
        expect(kthBest(pool, count, scores, matched, reusableHeap(undefined, k))).toBe(count < k ? 0 : sorted[k - 1]!.score);
      }
  });

  it("reuses a heap of the same capacity, emptied, and makes a new one for another", () => {
    const { pool, scores, matched } = scratch(5);
    const heap = new TopScores(5);
    const first = kthBest(pool, 150, scores, matched, heap);
    const again = reusableHeap(heap, 5);
    expect(again).toBe(heap);
    expect(kthBest(pool, 150, scores, matched, again)).toBe(first);
    expect(reusableHeap(heap, 6)).not.toBe(heap);
    expect(reusableHeap(heap, 6).capacity).toBe(6);
  });
});
