import type { IndexSnapshot } from "../store/types.js";
import { asksCoverage, asksLocation } from "../text/questionCues.js";
import { conceptsOutsideRoadmap } from "./conceptsOutsideRoadmap.js";
import { describedConcept } from "./conceptDefinitions.js";
import { digressesToItsOwn } from "./digression.js";
import { usedAcrossPassages } from "./fieldWordSupport.js";
import { IndexResources } from "./indexResources.js";
import { LEADING_PASSAGES, wordsNamingLearnerConcept } from "./learnerConcept.js";
import { groupsBeyondFinishedClause } from "./finishedClause.js";
import { fieldReading, fieldWordFound, isFieldLatinWord, isOffFieldWord } from "./offFieldSubject.js";
import { compoundQualifiers, groupsNotInstruments, groupsNotQualifiedBy } from "./outsideQualifier.js";
import { appositiveSubjects, outsideSubjectsIn } from "./outsideSubjects.js";
import { groupsBeyondLearnerLevel } from "./learnerLevel.js";
import { groupsBeyondStudyRequest } from "./studyRequest.js";
import { targetsOutsideField } from "./studyTarget.js";
import type { QuestionJudge } from "./questionJudge.js";
import type { RoadmapProfile } from "./roadmapProfile.js";
import { asksStageZero, type StageOrdinal } from "./stageReference.js";
import { termsFoundTogether } from "./termsTogether.js";
import { asksTimePoint, statesTimeSpans } from "./timePoint.js";
import { quotedTermsOutside } from "./quotedTerms.js";
import { asksResourceKindAbsent } from "./resourceKindsAbsent.js";
import { countedMembersUnlisted } from "./countedMembers.js";
import { partsOfPassingMentionAsked } from "./exampleMembers.js";
import { asksGiveawayContent } from "./giveawayContent.js";
import { comparedSides, withSideGlosses } from "./comparison.js";
import { unknownSectionCode } from "./sectionCodes.js";
import type { Passage, RetrievalResult } from "./types.js";

/** What retrieval reads of a question against its passages for the answer's confidence (confidence.ts). */
export type QuestionReadings = Pick<
  RetrievalResult,
  | "ordinalPastEnd"
  | "timePointUnstated"
  | "resourceKindAbsent"
  | "countedMembersUnlisted"
  | "giveawayContentAsked"
  | "sectionCodeUnknown"
  | "unknownNames"
  | "fieldSubject"
  | "fieldParaphrase"
  | "outsideSubjects"
  | "studyTargetsOutside"
  | "digression"
  | "conceptsOutsideRoadmap"
  | "termsTogether"
  | "learnerConceptFound"
  | "learnerConceptWords"
  | "judgedQuery"
  | "comparedQuery"
>;

export interface QuestionReadingInputs {
  index: IndexSnapshot;
  judge: QuestionJudge;
  /** The question as searched (Simplified, the corpus's Mainland words). */
  query: string;
  /** The passages the answer is drawn from, best first, without the linked notes. */
  passages: readonly Passage[];
  /** The roadmap the question (or the conversation) names, and the question's words that named it by its shape or origin. */
  named: RoadmapProfile | undefined;
  naming: readonly string[] | undefined;
  /** The stage ordinal read (roadmapContext.ts), and how many parts a named thing has when the ordinal asked past them. */
  ordinal: StageOrdinal | undefined;
  partsPastEnd: number | undefined;
  /** Whether a concept described in its definition's words is read (ExpansionSources.definitions). */
  definitions: boolean;
}

/**
 * The question read against its top passages: whether its subject is the field's, a subject
 * outside it, a digression, its words found together, a learner's concept found, names no passage
 * uses, concepts its roadmap never names, an ordinal past the end, a point in time its roadmap
 * never lays out. Each is a reading of the question and the passages only; confidence.ts weighs
 * them. All read the question with its misspelt words repaired, as its evidence was judged.
 */
export function questionReadings(inputs: QuestionReadingInputs): QuestionReadings {
  const { index, judge, query, passages, named, naming } = inputs;
  const statistics = IndexResources.of(index).statistics;
  // The term groups first: they keep the repaired question, so every reading below shares one repair.
  const groups = judge.termGroups(index, query);
  const judged = judge.repaired(index, query);
  // "Hexo博客那篇": a name that said which roadmap (its generator, its site) is no unknown thing asked about.
  const unknown = judge.unknownNames(index, query).filter((name) => !naming?.includes(name.toLowerCase()));
  // A subject outside the field (low at best), or the field in learners' words (thin evidence enough: thinEvidence.ts).
  const topTokens = passages.map((p) => statistics.tokensOf(p.chunk));
  const generalIdf = () => IndexResources.of(index).generalIdf;
  // Against a subject of the question's own, only a word the corpus uses in a few passages is the field's (fieldWordSupport.ts).
  const inUse = usedAcrossPassages(statistics);
  // Against a subject outside the field, a field word the subject qualifies (毕业论文, "Spring Boot project") is the
  // subject's (outsideQualifier.ts); a word asking for a way to learn (入门, 学习路线, "roadmap") or of the learner's
  // level or the plan's (新手, 进阶) asks nothing of the field (studyRequest.ts, learnerLevel.ts); one only in what the
  // learner will have finished ("学完大模型以后想去考多益") is where they leave from (finishedClause.ts). A field word
  // ending a compound of the question's own (体能训练) is the compound's, and one written only as the tool of the task
  // ("use chatgpt to do my tax return") is how, not what (outsideQualifier.ts).
  // Read only when a subject outside the field is weighed: most questions have none, and tagging every run is then for nothing.
  let compounds: readonly string[] | undefined;
  const compoundsOf = () => (compounds ??= compoundQualifiers(judged, groups, (word) => isOffFieldWord(word, statistics)));
  const groupsAgainst = (subjects: readonly string[]) =>
    groupsBeyondStudyRequest(
      subjects,
      groupsBeyondLearnerLevel(
        subjects,
        groupsBeyondFinishedClause(
          subjects,
          query,
          groupsNotInstruments(query, groupsNotQualifiedBy([...subjects, ...compoundsOf()], query, groups)),
        ),
      ),
    );
  const field = fieldReading(judged, groups, topTokens, statistics, generalIdf, inUse, groupsAgainst);
  // "报税的时候要准备哪些文件": a subject outside the field, and no field word shared with the passages.
  // "openrouter那个网站": a subject word naming the kind of thing a corpus name is, is that name's (outsideSubjects.ts).
  const subjectsNamed = outsideSubjectsIn(query);
  const appositive = appositiveSubjects(query, subjectsNamed, judge.latinWordUsed(index));
  const outsideNamed = subjectsNamed.filter((subject) => !appositive.includes(subject));
  const outsideSubject =
    outsideNamed.length > 0 && !fieldWordFound(groupsAgainst(outsideNamed), topTokens, statistics, generalIdf, isFieldLatinWord, inUse);
  // "想转行做会计，有没有从入门到进阶的学习路线": the plan's target is outside the field, whatever words describe the plan (studyTarget.ts).
  const targetsOutside = targetsOutsideField(judged, { statistics, general: generalIdf });
  // "ninehills 那份里 RLHF 放在哪个小节": the roadmap's structure would place it in a stage of its own.
  const outside = named && (asksLocation(query) || asksCoverage(query)) ? conceptsOutsideRoadmap(judged, named.doc.text, naming ?? []) : [];
  // "five-stage 那份里又有哪些被标成【必看】": a term quoted from another document (quotedTerms.ts).
  if (named) outside.push(...quotedTermsOutside(query, named.doc.text).filter((term) => !outside.includes(term)));
  const pastEnd = ordinalPastEnd(inputs);
  // "In the seven-stage roadmap, which stage by month five?": a roadmap without a span of time places nothing by the calendar.
  const timePointUnstated = named !== undefined && asksTimePoint(query) && !statesTimeSpans(named.doc.text);
  // "七阶段那份要先看哪本教材": a roadmap that names no book gives no "which book".
  const kindAbsent = named !== undefined && asksResourceKindAbsent(query, named.doc.text);
  // "那54个项目具体是哪54个": a collection the passages only count lists no members (countedMembers.ts).
  // "GLUE和SuperGLUE分别包含哪些任务" of things the passages name only as examples or link titles (exampleMembers.ts).
  const membersUnlisted =
    countedMembersUnlisted(query, passages, (docId) => index.documents.find((doc) => doc.id === docId)?.text) ||
    partsOfPassingMentionAsked(query, passages);
  // "0x40 那一篇" of a list whose sections end at 0x36: no passage is that section (sectionCodes.ts).
  const codeUnknown = unknownSectionCode(query, () => (named ? [named.doc.text] : index.documents.map((doc) => doc.text)));
  const digression = digressesToItsOwn(judged, groups, statistics, judge.latinWordUsed(index));
  // The words of it the passages hold, held by one of them: thin evidence may be enough (thinEvidence.ts).
  const together = termsFoundTogether(groups, topTokens);
  const learnerConcept = wordsNamingLearnerConcept(
    query,
    topTokens.slice(0, LEADING_PASSAGES),
    inputs.definitions ? describedConcept(query) : undefined,
  );
  return {
    ...(pastEnd !== undefined ? { ordinalPastEnd: pastEnd } : {}),
    ...(timePointUnstated ? { timePointUnstated: true } : {}),
    ...(kindAbsent ? { resourceKindAbsent: true } : {}),
    ...(membersUnlisted ? { countedMembersUnlisted: true } : {}),
    ...(asksGiveawayContent(query) ? { giveawayContentAsked: true } : {}),
    ...(codeUnknown !== undefined ? { sectionCodeUnknown: codeUnknown } : {}),
    ...(unknown.length > 0 ? { unknownNames: unknown } : {}),
    ...(field.subject ? { fieldSubject: field.subject } : {}),
    ...(field.paraphrase ? { fieldParaphrase: true } : {}),
    ...(outsideSubject ? { outsideSubjects: outsideNamed } : {}),
    ...(targetsOutside.length > 0 ? { studyTargetsOutside: targetsOutside } : {}),
    ...(digression ? { digression: true } : {}),
    ...(outside.length > 0 ? { conceptsOutsideRoadmap: outside } : {}),
    ...(together ? { termsTogether: true } : {}),
    ...(learnerConcept ? { learnerConceptFound: true, learnerConceptWords: learnerConcept } : {}),
    judgedQuery: judged,
    // "RAG 跟 微掉 哪个快": the two things compared are read with Chinese homophone typos repaired
    // too, so a side the learner misspelt is still found in the passage that compares them.
    ...(comparedSides(judged) !== undefined
      ? {
          comparedQuery: withSideGlosses(hanRepaired(index, judged), (word) =>
            IndexResources.of(index).dictionary.englishCandidates([word], 1),
          ),
        }
      : {}),
  };
}

/**
 * How many there are when the ordinal asks past the last: a named thing's parts, else the named
 * roadmap's stages, counted on its recovered outline (a roadmap whose stages were not recovered
 * says nothing here).
 */
function ordinalPastEnd({ named, ordinal, partsPastEnd, query }: QuestionReadingInputs): number | undefined {
  if (partsPastEnd !== undefined) return partsPastEnd;
  const stages = named?.stages.length ?? 0;
  // "七阶段路线第0阶段讲什么": no stage comes before the first (stageReference.ts reads no ordinal there).
  if (stages > 0 && ordinal === undefined && asksStageZero(query)) return stages;
  return ordinal !== undefined && stages > 0 && ordinal.position > stages ? stages : undefined;
}

/** The question with its Chinese homophone typos repaired as well as its Latin ones (typoCorrection.ts). */
function hanRepaired(index: IndexSnapshot, judged: string): string {
  const resources = IndexResources.of(index);
  return resources.typos.repair(judged, { isWord: resources.isEnglishWord });
}
