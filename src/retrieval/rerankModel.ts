import type { RerankModel } from "./rerank.js";

/**
 * Weights fitted by `npx tsx scripts/eval/fitReranker.ts tests/eval/blind/tune*.jsonl` (listwise
 * logistic regression: the gold passage against the other fused candidates of each answerable
 * question, from the candidate pool of k = 5; L2 0.01, 1500 steps) on all 1,252 answerable tune
 * questions (tune … tune-y, with tune-w), in session 12, after the learned associations came in.
 * Ranking hit@5 (a gold passage among the first 5 re-ranked candidates): 5-fold cross-validation
 * pooled 0.787, in-sample 0.787; each tune file held out from a fit on the others 0.60–0.91
 * (tests/eval/README.md, "Session 12"). Session 11's fit (1,114 questions, before tune-w) is the
 * one this replaced: end to end tune +1 hit, dev +1. Refit after changing the features, the
 * embedder or the corpus, and report the held-out figures the script prints.
 */
export const RERANK_MODEL: RerankModel | false = {
  bias: 0,
  weights: {
    rrf: 0.982,
    denseRecip: 0.605,
    lexicalRecip: 1.147,
    denseSimilarity: 0.152,
    bm25Relative: 1.789,
    coverage: 1.428,
    headingCoverage: 0.55,
    expansionCoverage: 0.673,
    shortPassage: -0.318,
    documentVote: -0.142,
    bigramOverlap: 2.132,
    conceptSimilarity: 0.632,
  },
};
