/**
 * What makes thin support enough to answer high (README "Confidence and its thresholds"): a
 * stage the roadmap's structure located, a specific learners' phrase whose concept the leading
 * passages name (learnerConcept.ts), or a roadmap the question named answered from its own
 * passage. Each says the passages are about what was asked, however few of the question's own
 * words they share.
 *
 * The same holds when only the question's expansions reached the passages (RetrievalResult.
 * onlyThroughExpansions): "make a model smaller and cheaper to serve" found through its learners'
 * phrase is the question a passage on 模型压缩 answers. On tune (2,963, session 18) expansions-only
 * marked 31 answerable and 15 unanswerable questions low, and every one of those 15 was caught by
 * another rule.
 */
export interface ThinEvidenceSignals {
  locatedStage?: boolean;
  learnerConcept?: boolean;
  namedRoadmapLeads?: boolean;
}

export function thinEvidenceEnough(signals: ThinEvidenceSignals): boolean {
  return signals.locatedStage === true || signals.learnerConcept === true || signals.namedRoadmapLeads === true;
}
