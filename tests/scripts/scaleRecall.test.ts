import hnswlibNode from "hnswlib-node";
import { describe, expect, it } from "vitest";
import { exactTopK, indexRecallAtK, recallAtK } from "../../scripts/bench/scaleRecall.js";

function randomVectors(count: number, dims: number, seed: number): number[][] {
  let state = seed;
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647 - 0.5;
  return Array.from({ length: count }, () => Array.from({ length: dims }, random));
}

describe("HNSW recall measurement of the scale bench", () => {
  const vectors = randomVectors(400, 16, 3);
  const queries = randomVectors(10, 16, 99);

  it("exact search ranks by cosine and recall counts the shared share", () => {
    expect(
      exactTopK(
        [
          [1, 0],
          [0, 1],
          [0.9, 0.1],
        ],
        [1, 0],
        2,
      ),
    ).toEqual([0, 2]);
    expect(recallAtK([[1, 2, 3]], [[1, 2, 4]])).toBeCloseTo(2 / 3);
  });

  it("is 1 for an index explored exhaustively, a share for a starved one", () => {
    const index = new hnswlibNode.HierarchicalNSW("cosine", 16);
    index.initIndex(vectors.length, 4, 8, 100);
    for (const [label, vector] of vectors.entries()) index.addPoint(vector, label);
    index.setEf(400);
    expect(indexRecallAtK(index, queries, 10)).toBe(1);
    index.setEf(10);
    const starved = indexRecallAtK(index, queries, 10);
    expect(starved).toBeGreaterThan(0);
    expect(starved).toBeLessThanOrEqual(1);
  });
});
