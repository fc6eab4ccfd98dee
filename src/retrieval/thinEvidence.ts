/**
 * What makes thin support enough to answer high (README "Confidence and its thresholds"): a
 * stage the roadmap's structure located, a specific learners' phrase whose concept the leading
 * passages name (learnerConcept.ts), a roadmap the question named answered from its own passage,
 * or a question about the field in words of its own (offFieldSubject.ts fieldReading: no word
 * of it off the field, and a word the corpus uses ~90 times more than the general language, GPU,
 * 显卡, 大模型, in the passages found). Each says the passages are about what was asked, however
 * few of the question's own words they share.
 *
 * Learners' paraphrases keep the field's words and little else: "broke student here, no GPU lol. can
 * I still learn this stuff?" shares GPU with the passage on hardware that answers it, "想讓模型在手機或
 * 小盒子上跑，要學什麼？" 模型 with the one on running models on devices. A question with a subject of its
 * own (股票 in "股票投资怎么入门") has a word no document names, and stays low. On tune (2,963,
 * session 18), of the questions under the low threshold that retrieval did not refuse, 91
 * answerable and 20 unanswerable were such paraphrases, and 19 of those 20 are caught by another
 * rule (what they ask for, a name no passage uses).
 *
 * The same holds when only the question's expansions reached the passages (RetrievalResult.
 * onlyThroughExpansions): "make a model smaller and cheaper to serve" found through its learners'
 * phrase is the question a passage on 模型压缩 answers. Expansions-only marked 31 answerable and
 * 15 unanswerable tune questions low, and every one of those 15 was caught by another rule.
 *
 * Since session 20 (q20c, termsTogether.ts) a fifth: two or more of the question's words are in
 * the top passages and one passage holds them all. Of the questions answered under the low
 * threshold on tune (3,353), 78 answerable and 5 unanswerable were such, and those 5 are caught by
 * another rule; it lifted 17 answerable questions from low, in 15 blind sets, and no unanswerable one.
 */
export interface ThinEvidenceSignals {
  locatedStage?: boolean;
  learnerConcept?: boolean;
  namedRoadmapLeads?: boolean;
  fieldParaphrase?: boolean;
  termsTogether?: boolean;
}

export function thinEvidenceEnough(signals: ThinEvidenceSignals): boolean {
  return (
    signals.locatedStage === true ||
    signals.learnerConcept === true ||
    signals.namedRoadmapLeads === true ||
    signals.fieldParaphrase === true ||
    signals.termsTogether === true
  );
}
