import type { RerankModel } from "./rerank.js";

/**
 * Weights fitted by `npx tsx scripts/eval/fitReranker.ts` (logistic regression, gold passage vs
 * the other fused candidates of the tune questions). Refit after changing the features, the
 * corpus or the tune split; the held-out figures of the fit are in tests/eval/README.md.
 */
export const RERANK_MODEL: RerankModel | false = false;
