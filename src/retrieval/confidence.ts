import { comparedSides, comparisonPresent } from "./comparison.js";
import { detailPresent, type DetailKind } from "./detailKinds.js";
import { instanceTexts, leadingTexts, passageTexts } from "./detailTexts.js";
import {
  askedOfDocumentAuthor,
  authorLines,
  namesAuthorOf,
  detailStatedByCard,
  documentAuthorAsked,
  documentAuthorStated,
  documentCardLeads,
} from "./documentFacts.js";
import { mechanismExplained } from "./explainedMechanism.js";
import { givenOnlyByLead, leadingPassage } from "./leadingOffering.js";
import { conceptMemberNamed } from "./conceptMembers.js";
import { instancePresent } from "./namedInstance.js";
import { namedItemsTexts } from "./namedListItem.js";
import { subjectOutsideField } from "./offFieldSubject.js";
import { outsideSubjectIsSituation } from "./outsideSituation.js";
import { particularAsked } from "./particularAsked.js";
import { addressAsked, addressPresent } from "./resourceAddress.js";
import {
  locatedStage,
  neighbourStageAsked,
  passagesNamingStage,
  stageNamedBy,
  statedDurationAnswers,
  type LocatedStage,
} from "./stageDuration.js";
import { stageName } from "./stageOutline.js";
import { thinEvidenceEnough } from "./thinEvidence.js";
import { conceptAskedInTurn, detailsAskedInTurn, particularAskedInTurn } from "./turnDetails.js";
import type { Passage, RetrievalResult } from "./types.js";

/**
 * How far the retrieved passages answer a question: "high" (answer), "low" (give the closest
 * passages with a plain warning) or "none" (refuse). Built from signals that do not depend on
 * the learner using the documents' own words:
 *   - evidence: idf-weighted coverage of the question's content plus dense similarity
 *     (abstention.ts), computed by the retriever;
 *   - detail: a question that asks for a specific kind of detail (a price, a date, a version, a
 *     duration, a parameter value) when none of the top passages contains a token of that kind.
 *     Questions that use the corpus's own words but ask for something it never gives are
 *     caught this way, by the class of what they ask, not by their wording.
 * Thresholds were chosen by cross-validation on the tune split (scripts/calibrate.ts; curve and
 * numbers in tests/eval/README.md).
 */

export type ConfidenceLevel = "high" | "low" | "none";

/**
 * Evidence below which an answer is marked low (the refusal threshold, config ABSTAIN_THRESHOLD,
 * is lower). Calibrated on tune; see tests/eval/README.md.
 */
export const DEFAULT_LOW_CONFIDENCE_THRESHOLD = 0.18;

export interface ConfidenceSignals {
  /** retrieval evidence, 0..1 (abstention.ts). */
  evidence: number;
  /** The retriever already judged it too weak to answer (evidence under ABSTAIN_THRESHOLD). */
  weak: boolean;
  /** Kinds of detail asked that none of the top passages contains. */
  missingDetails: DetailKind[];
  /**
   * The question named one roadmap and a stage of it (by position, or before/after a topic), and
   * retrieval found that stage: the structure answers it, however few of its words ("7阶段那篇的
   * 最后一段") the stage's passages share.
   */
  locatedStage?: boolean;
  /**
   * Only the question's expansions reached the passages (RetrievalResult.onlyThroughExpansions): low
   * at best, unless what makes thin evidence enough holds (thinEvidence.ts).
   */
  onlyThroughExpansions?: boolean;
  /** Only everyday words of the question were found (RetrievalResult.onlyEverydayWordsFound): low at best. */
  onlyEverydayWords?: boolean;
  /**
   * The question's subject lies outside the field (two nouns no document or vocabulary of the field
   * names) and the passages share only everyday-language words with it (offFieldSubject.ts): low at best.
   */
  offFieldSubject?: boolean;
  /** The question steps aside from the conversation to a thing of its own (RetrievalResult.digression, digression.ts): low at best. */
  digression?: boolean;
  /** The question names a subject outside the field and shares no field word with the passages (outsideSubjects.ts): low at best. */
  outsideSubject?: boolean;
  /** A request for a way to learn asks it of something outside the field (RetrievalResult.studyTargetsOutside, studyTarget.ts): low at best. */
  studyTargetOutside?: boolean;
  /** A specific learners' phrase named a concept the leading passages name (RetrievalResult.learnerConceptFound). */
  learnerConcept?: boolean;
  /** The outside subject is among the words that named that concept: the learner's situation, not what is asked (outsideSituation.ts). */
  outsideSubjectNamesConcept?: boolean;
  /** The field in words of its own (RetrievalResult.fieldParaphrase): thin evidence is enough (thinEvidence.ts). */
  fieldParaphrase?: boolean;
  /** The question's words found are held by one passage (RetrievalResult.termsTogether): thin evidence is enough (thinEvidence.ts). */
  termsTogether?: boolean;
  /**
   * The question named a roadmap by its shape, origin, title or date, and the answer leads with
   * that roadmap's passage: the words that named it (front matter, "0x10 编号", "CSDN 那篇") say
   * which document, not what is asked, and are mostly not in its passages.
   */
  namedRoadmapLeads?: boolean;
  /** A concept the question names is nowhere in the roadmap it asks about (RetrievalResult.conceptsOutsideRoadmap): low at best. */
  outsideNamedRoadmap?: boolean;
  /**
   * The question named a roadmap and asked facts of it (its date, its author) that its card states,
   * and the card leads the answer: the answer is those lines ("date: 2024-09-05"), however few of
   * the question's words ("哪天发的") a passage shares.
   */
  cardAnswers?: boolean;
  /** A fact asked of the named roadmap itself that its card does not state (RetrievalResult.documentFacts.missing): low at best. */
  documentFactMissing?: boolean;
}

/**
 * Whether a passage is beside what the question is about (retrieval's focus passages, when it
 * found them): an asked-for detail answers the question only there. A video's length is not in
 * a passage that gives some course's hours.
 */
export function besideSubject(result: RetrievalResult): (passage: Passage) => boolean {
  // "How long should the seventh stage take?": a stage asked by its place is its roadmap's; another
  // roadmap's plan says nothing of it.
  if (result.stageOrdinal && result.roadmap.length > 0) {
    const roadmaps = new Set(result.roadmap.map((p) => p.docId));
    return (passage) => roadmaps.has(passage.chunk.docId);
  }
  const focus = result.focusChunkIds && new Set(result.focusChunkIds);
  return focus ? (passage) => focus.has(passage.chunk.id) : () => true;
}

/**
 * "七阶段那份里，分布式训练之后学什么": a before/after question of a roadmap the question names, whose topic
 * only other roadmaps place. The answer says so before it shows those roadmaps (extractiveAnswer.ts).
 */
export function placedOnlyOutsideNamedRoadmap(result: RetrievalResult): boolean {
  const named = result.namedRoadmap;
  return (
    result.analysis.sequence !== null &&
    named !== undefined &&
    result.analysis.topic !== undefined &&
    result.analysis.topic !== "" &&
    result.roadmap.length > 0 &&
    !result.roadmap.some((p) => p.docId === named.docId)
  );
}

/**
 * "七阶段那份里，专业深入阶段的下一步是什么": placedOnlyOutsideNamedRoadmap, with a topic that is those
 * roadmaps' own stage by its name. The roadmap asked about has no such stage and answers nothing, so
 * it is `low` as a stage past the end is. Not a learner's description of content the named roadmap
 * may hold in other words, which placement did not reach there.
 */
function namedRoadmapLacksStage(result: RetrievalResult): boolean {
  return (
    placedOnlyOutsideNamedRoadmap(result) && result.roadmap.every((p) => stageName(p.at.heading) === stageName(result.analysis.topic!))
  );
}

/**
 * "How many stages does the five-stage guide have?": the named roadmap's recovered outline counts
 * them (the answer leads with it, cited), though no passage writes the number.
 */
function stagesCountedByOutline(kind: DetailKind, question: string, result: RetrievalResult): boolean {
  return kind === "count" && result.roadmapOutline !== undefined && STAGES_COUNTED.test(question);
}

/** How many stages (段, or a chaptered list's 篇), not a book's or course's chapters or parts. */
const STAGES_COUNTED = /(?:几|幾|多少)\s*(?:个|個)?\s*(?:阶段|階段|段|篇)|\bhow many\s+(?:stages|phases)\b/iu;

/** The texts of the passages naming a stage, each read as far as it is about that stage. */
function stageTexts(passages: readonly Passage[], stage: LocatedStage): string[] {
  return passageTexts(passagesNamingStage(passages, stage), stage.terms);
}

/** `learnersOwn`: the learner's own question, when `question` is a follow-up's standalone reading (turnDetails.ts). */
export function confidenceSignals(question: string, result: RetrievalResult, learnersOwn?: string): ConfidenceSignals {
  const asked = detailsAskedInTurn(question, learnersOwn);
  // The two things compared are read with misspellings repaired: "RLFH 跟 SFT" compares RLHF, "RAG 跟 微掉" 微调.
  const compared = result.comparedQuery ?? result.judgedQuery ?? question;
  const compares = comparedSides(compared) !== undefined;
  // Read only by the detail and comparison checks: most questions ask neither, and building five
  // passages' texts (and their focus items) was then for nothing.
  // As retrieval read the question; a result built otherwise (a test's) is read here.
  const { instance, mechanism } = particularAskedInTurn(result.particularAsked ?? particularAsked(question), question, learnersOwn);
  const askedConcept = conceptAskedInTurn(result.askedConcept, question, learnersOwn);
  // "Where can I watch it": a link or a hosting site, not a course's description (resourceAddress.ts).
  const asksAddress = addressAsked(question);
  const texts =
    asked.length > 0 || compares || instance || mechanism || asksAddress
      ? passageTexts(result.passages.filter(besideSubject(result)), result.focusTerms)
      : [];
  // A detail asked of a thing a list names is its item's to give, not a sibling's (namedListItem.ts).
  // Of a before/after question it is the neighbour stage's: only what names that stage gives it, not
  // the stage the question steps from (stageDuration.ts).
  const neighbour = asked.length > 0 ? neighbourStageAsked(result) : undefined;
  const askedTexts = neighbour
    ? namedItemsTexts(neighbour.terms[0]!, stageTexts(result.passages, neighbour))
    : asked.length > 0 || asksAddress
      ? namedItemsTexts(question, texts)
      : texts;
  // A duration asked of a stage located by its place or named by its name: only what names that
  // stage gives it (stageDuration.ts). A stage named to step from is not the one asked (`neighbour`).
  const stage = asked.includes("duration") ? (locatedStage(result) ?? (neighbour ? undefined : stageNamedBy(result, question))) : undefined;
  const durationTexts = stage ? stageTexts(result.passages.filter(besideSubject(result)), stage) : texts;
  // A price is the leading offering's only (leadingOffering.ts).
  const leadTexts = () => passageTexts(leadingPassage(result.passages, besideSubject(result)), result.focusTerms);
  const durationGiven = stage ? statedDurationAnswers(stage, question) || detailPresent("duration", durationTexts, question) : undefined;
  // The named roadmap's card states every fact asked of it and leads the answer (documentFacts.ts).
  const cardLeads = documentCardLeads(result.documentFacts, result.passages[0]);
  return {
    evidence: result.evidence,
    weak: result.weak || result.passages.length === 0,
    ...(result.onlyThroughExpansions ? { onlyThroughExpansions: true } : {}),
    ...(result.onlyEverydayWordsFound ? { onlyEverydayWords: true } : {}),
    ...(subjectOutsideField(result.fieldSubject) ? { offFieldSubject: true } : {}),
    ...(result.digression ? { digression: true } : {}),
    ...(result.outsideSubjects?.length ? { outsideSubject: true } : {}),
    ...(result.studyTargetsOutside?.length ? { studyTargetOutside: true } : {}),
    ...(result.learnerConceptFound ? { learnerConcept: true } : {}),
    ...(result.outsideSubjects?.length &&
    result.learnerConceptWords &&
    outsideSubjectIsSituation(result.outsideSubjects, result.learnerConceptWords)
      ? { outsideSubjectNamesConcept: true }
      : {}),
    ...(result.fieldParaphrase ? { fieldParaphrase: true } : {}),
    ...(result.termsTogether ? { termsTogether: true } : {}),
    ...((result.namedRoadmap && result.passages[0]?.chunk.docId === result.namedRoadmap.docId) || cardLeads
      ? { namedRoadmapLeads: true }
      : {}),
    ...(result.conceptsOutsideRoadmap?.length ? { outsideNamedRoadmap: true } : {}),
    ...(result.documentFacts?.missing.length ? { documentFactMissing: true } : {}),
    ...(cardLeads ? { cardAnswers: true } : {}),
    locatedStage:
      result.namedRoadmap !== undefined &&
      (result.stageOrdinal !== undefined || result.analysis.sequence !== undefined) &&
      result.roadmap.some((p) => p.docId === result.namedRoadmap?.docId),
    missingDetails: [
      // "When was it last updated" of a document whose card states its dates: the card answers (documentFacts.ts).
      ...asked.filter((kind) =>
        detailStatedByCard(kind, result.documentFacts) || stagesCountedByOutline(kind, question, result)
          ? false
          : kind === "duration" && durationGiven !== undefined
            ? !durationGiven
            : !detailPresent(kind, givenOnlyByLead(kind) ? leadTexts() : askedTexts, question),
      ),
      ...(asksAddress && !addressPresent(askedTexts) ? ["address" as const] : []),
      // A comparison is judged apart from the other details: it names its own subjects (comparison.ts).
      ...(!compares || comparisonPresent(compared, texts) ? [] : ["comparison" as const]),
      // "Which model": a name of one, not the category's name or the question's own (namedInstance.ts).
      // Of a roadmap named or carried by the conversation, only its own passages say which (namedRoadmapScope.ts).
      ...(instance && !instancePresent(instanceTexts(result, texts, besideSubject), question, result.nameKinds)
        ? ["instance" as const]
        : []),
      // "Which embedding model": a thing the documents name beside that concept (conceptMembers.ts).
      ...(askedConcept && !conceptMemberNamed(askedConcept, result.passages, question) ? ["instance" as const] : []),
      // "How exactly does X work": a passage that explains X, not one that lists it (explainedMechanism.ts).
      ...(mechanism && !mechanismExplained(texts, result.focusTerms, question) ? ["mechanism" as const] : []),
      // Where the roadmap's author works: only a line saying who wrote it can say (documentFacts.ts), not a company a passage lists.
      ...(asked.includes("organization") && authorOrganizationMissing(result, question) ? ["organization" as const] : []),
      // Who wrote the roadmap itself: a line saying so in its passages, not a listed course's teacher (documentFacts.ts).
      ...(asked.includes("person") && documentAuthorAsked(result.query) && !documentAuthorStated(leadingTexts(result))
        ? ["person" as const]
        : []),
      // A thing the documents never name (React, Spanish) is not what they answer about.
      ...(result.unknownNames?.length ? ["name" as const] : []),
      // "The eighth stage" of a seven-stage roadmap: whatever passages lead, none is that stage.
      ...(result.ordinalPastEnd !== undefined ? ["stage" as const] : []),
      // A stage of another roadmap asked of the one named: that roadmap has none (namedRoadmapLacksStage).
      ...(namedRoadmapLacksStage(result) ? ["stage" as const] : []),
      // "0x40 那一篇" of a list whose sections end at 0x36: no passage is that section (sectionCodes.ts).
      ...(result.sectionCodeUnknown !== undefined ? ["stage" as const] : []),
      // "MoE 和 Sora 哪个先学" when no roadmap places both: no document gives their order (topicOrder.ts).
      ...(result.topicOrderUnplaced ? ["stage" as const] : []),
      // "Which stage by month five" of a roadmap that states no span of time: no passage is there (timePoint.ts).
      ...(result.timePointUnstated ? ["duration" as const] : []),
      // "Which book" of a roadmap that names no book anywhere (resourceKindsAbsent.ts).
      ...(result.resourceKindAbsent ? ["instance" as const] : []),
      // "具体是哪54个" of a collection the documents only count (countedMembers.ts).
      ...(result.countedMembersUnlisted ? ["instance" as const] : []),
      // "文末资料包里的路线图分几个阶段": a giveaway's content is outside the documents (giveawayContent.ts).
      ...(result.giveawayContentAsked ? ["source" as const] : []),
    ],
  };
}

export interface ConfidenceThresholds {
  /** Evidence under which the answer is only "low". */
  low: number;
}

export function decideConfidence(
  signals: ConfidenceSignals,
  thresholds: ConfidenceThresholds = { low: DEFAULT_LOW_CONFIDENCE_THRESHOLD },
): ConfidenceLevel {
  // A stage of a named roadmap, found by its place or name ("那篇讲四个方向的，排第三的是啥"): the
  // question is about that stage however few of its words the stage's passages share, and is read
  // as any other (a detail it asks must still be there). A roadmap the learner named ("那篇只讲四条路的
  // 文章管这叫啥") whose own passage leads, without a stage found: where the question points, low at
  // best, never refused.
  if (signals.weak && signals.cardAnswers !== true && signals.locatedStage !== true)
    return signals.namedRoadmapLeads === true ? "low" : "none";
  if (
    signals.missingDetails.length > 0 ||
    (signals.onlyThroughExpansions === true && !thinEvidenceEnough(signals)) ||
    signals.onlyEverydayWords === true ||
    signals.offFieldSubject === true ||
    signals.digression === true ||
    (signals.outsideSubject === true && !aboutTheMaterials(signals)) ||
    signals.studyTargetOutside === true ||
    signals.outsideNamedRoadmap === true ||
    signals.documentFactMissing === true ||
    (signals.evidence < thresholds.low && !thinEvidenceEnough(signals) && signals.cardAnswers !== true)
  )
    return "low";
  return "high";
}

/**
 * The question is about the materials whatever else it names: a learners' phrase of a concept the
 * leading passages name, named through the outside subject ("run a model on a phone"), or a roadmap
 * it names leading the answer ("那份發在GitHub上的閱讀清單…要能翻牆嗎"). An outside subject there
 * (phone, 翻墙) is the learner's situation, not what is asked. A concept named by the question's
 * other words (线性代数 of "考研的时候线性代数用哪本textbook") is beside its subject (outsideSituation.ts).
 */
function aboutTheMaterials(signals: ConfidenceSignals): boolean {
  return (signals.learnerConcept === true && signals.outsideSubjectNamesConcept === true) || signals.namedRoadmapLeads === true;
}

/** Confidence of an answer written from this retrieval. */
export function confidenceOf(
  question: string,
  result: RetrievalResult,
  thresholds?: ConfidenceThresholds,
  learnersOwn?: string,
): ConfidenceLevel {
  return decideConfidence(confidenceSignals(question, result, learnersOwn), thresholds);
}

/**
 * Where a roadmap's author works, asked of its author (作者, "the author", or the name an author line
 * gives): only an author line can say (documentFacts.ts), not a company a passage lists.
 */
function authorOrganizationMissing(result: RetrievalResult, question: string): boolean {
  const lines = authorLines(leadingTexts(result));
  const ofAuthor = askedOfDocumentAuthor(result.query, result.namedRoadmap !== undefined) || namesAuthorOf(result.query, lines);
  return ofAuthor && !detailPresent("organization", lines, question);
}
