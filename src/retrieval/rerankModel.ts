import type { RerankModel } from "./rerank.js";

/**
 * Weights fitted by `npx tsx scripts/eval/fitReranker.ts tests/eval/blind/tune*.jsonl` (listwise
 * logistic regression: the gold passage against the other fused candidates of each answerable
 * question, from the candidate pool of k = 5; L2 0.01, 1500 steps) on all 1,114 answerable tune
 * questions (tune … tune-u), in session 11, when the concept-space ranking and its feature came
 * in. Ranking hit@5 (a gold passage among the first 5 re-ranked candidates): 5-fold
 * cross-validation pooled 0.754, in-sample 0.754; each tune file held out from a fit on the
 * others 0.57–0.88 (tests/eval/README.md, "Session 11"). The earlier fit (round 5, on tune,
 * tune-c and tune-d) was held out on tune-e. Refit after changing the features, the embedder or
 * the corpus, and report the held-out figures the script prints.
 */
export const RERANK_MODEL: RerankModel | false = {
  bias: 0,
  weights: {
    rrf: 1.122,
    denseRecip: 0.606,
    lexicalRecip: 1.019,
    denseSimilarity: 0.233,
    bm25Relative: 1.63,
    coverage: 1.709,
    headingCoverage: 0.628,
    expansionCoverage: 0.426,
    shortPassage: -0.354,
    documentVote: -0.272,
    bigramOverlap: 2.286,
    conceptSimilarity: 0.81,
  },
};
