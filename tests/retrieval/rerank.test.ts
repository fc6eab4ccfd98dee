import { describe, expect, it } from "vitest";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { documentVotes, FEATURE_NAMES, hanBigrams, RERANK_DEPTH, rerankFused, type RerankModel } from "../../src/retrieval/rerank.js";
import { useRetrievalFixtureIndex } from "../support/buildTestIndex.js";

const zeroWeights = Object.fromEntries(FEATURE_NAMES.map((name) => [name, 0])) as RerankModel["weights"];
const only = (name: (typeof FEATURE_NAMES)[number], weight: number): RerankModel => ({
  bias: 0,
  weights: { ...zeroWeights, [name]: weight },
});

describe("rerankFused", () => {
  const fused = Array.from({ length: RERANK_DEPTH + 3 }, (_, i) => ({ id: `c${i}`, score: 1 / (60 + i + 1) }));

  it("re-orders the first RERANK_DEPTH candidates by the model and keeps the rest in fused order", () => {
    // A feature that grows with the fused position: the model reverses the head.
    const reordered = rerankFused(fused, only("rrf", -1), (entry) => FEATURE_NAMES.map((name) => (name === "rrf" ? entry.score : 0)));
    expect(reordered.slice(0, 3).map((f) => f.id)).toEqual([`c${RERANK_DEPTH - 1}`, `c${RERANK_DEPTH - 2}`, `c${RERANK_DEPTH - 3}`]);
    expect(reordered.slice(RERANK_DEPTH).map((f) => f.id)).toEqual([`c${RERANK_DEPTH}`, `c${RERANK_DEPTH + 1}`, `c${RERANK_DEPTH + 2}`]);
    // Scores are the model's and stay sorted, tail included (search results show them).
    const scores = reordered.map((f) => f.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("keeps the fused order on ties and puts candidates without features last", () => {
    const same = rerankFused(fused, only("coverage", 1), (entry) => (entry.id === "c1" ? undefined : FEATURE_NAMES.map(() => 0)));
    expect(same.slice(0, 3).map((f) => f.id)).toEqual(["c0", "c2", "c3"]);
    expect(same[RERANK_DEPTH - 1]?.id).toBe("c1");
  });
});

describe("re-ranker features", () => {
  it("splits Han runs into character bigrams (segmentation-free matching)", () => {
    expect([...hanBigrams("模型量化 and 蒸馏")]).toEqual(["模型", "型量", "量化", "蒸馏"]);
    expect(hanBigrams("only latin").size).toBe(0);
  });

  it("shares the leading candidates' fused score among their documents", () => {
    const votes = documentVotes(
      [
        { id: "a1", score: 3 },
        { id: "b1", score: 1 },
      ],
      (id) => id.slice(0, 1),
    );
    expect(votes.get("a")).toBeCloseTo(0.75);
    expect(votes.get("b")).toBeCloseTo(0.25);
  });
});

/** The hand-made roadmaps of tests/fixtures/retrieval/corpus, real index, local embedder. */
describe("HybridRetriever with a re-ranker", () => {
  const index = useRetrievalFixtureIndex();
  const retriever = (rerank: RerankModel | false) =>
    new HybridRetriever({ index, k: 4, maxChunksPerSection: 2, abstainThreshold: 0.3, rerank });

  it("gives every fused candidate one value per feature, in fused order", async () => {
    const candidates = await retriever(false).rankedCandidates("入门深度学习读哪本书");
    expect(candidates.length).toBeGreaterThan(1);
    expect(candidates.length).toBeLessThanOrEqual(RERANK_DEPTH);
    for (const c of candidates) expect(c.features).toHaveLength(FEATURE_NAMES.length);
    // The rrf feature falls with the fused rank.
    const rrf = candidates.map((c) => c.features[FEATURE_NAMES.indexOf("rrf")]!);
    expect([...rrf].sort((a, b) => b - a)).toEqual(rrf);
  });

  it("puts the passage the model prefers first", async () => {
    const question = "入门深度学习读哪本书";
    const plain = await retriever(false).search(question);
    // A model that prefers the weakest fused score turns the order round.
    const reranked = await retriever(only("rrf", -5)).search(question);
    expect(reranked.map((p) => p.chunk.id)).not.toEqual(plain.map((p) => p.chunk.id));
    const candidates = await retriever(false).rankedCandidates(question);
    expect(reranked[0]?.chunk.id).not.toBe(candidates[0]?.chunk.id);
  });
});
