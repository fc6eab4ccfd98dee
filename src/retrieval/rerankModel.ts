import type { RerankModel } from "./rerank.js";

/**
 * Weights fitted by `npx tsx scripts/eval/fitReranker.ts tests/eval/blind/tune*.jsonl` (listwise
 * logistic regression: the gold passage against the other fused candidates of each answerable
 * question, from the candidate pool of k = 5; L2 0.01, 1500 steps) on all 2,111 answerable tune
 * questions (37 files), in session 18 (q18j), on the cut that keeps the field's words whole
 * (text/fieldWords.ts) with the learned associations relearned on it. Ranking hit@5 (a gold
 * passage among the first 5 re-ranked candidates): 5-fold cross-validation pooled 0.812,
 * in-sample 0.813, fused 0.726 (tests/eval/README.md, "Session 18 (q18j)"). Session 12's fit on
 * 1,252 questions of the old cut is the one this replaced. Refit after changing the features, the
 * embedder, the cut or the corpus, and report the held-out figures the script prints.
 */
export const RERANK_MODEL: RerankModel | false = {
  bias: 0,
  weights: {
    rrf: 0.894,
    denseRecip: 0.395,
    lexicalRecip: 1.092,
    denseSimilarity: 0.149,
    bm25Relative: 2.048,
    coverage: 1.68,
    headingCoverage: 0.558,
    expansionCoverage: 0.437,
    shortPassage: -0.238,
    documentVote: -0.183,
    bigramOverlap: 2.289,
    conceptSimilarity: 0.766,
  },
};
