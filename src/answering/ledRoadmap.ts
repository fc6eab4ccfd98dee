import { MAX_SEQUENCE_ROADMAPS } from "../retrieval/sequenceContext.js";
import type { RetrievalResult, RoadmapPosition, SectionRef, StageInRoadmap } from "../retrieval/types.js";
import { DOCUMENT_NOUN } from "../text/documentWords.js";
import { composeExtractiveAnswer } from "./extractiveAnswer.js";
import { queryTerms, scoreSentences } from "./sentenceSelection.js";

/**
 * The roadmap an answer was about: the one its question named (or the conversation carried), else
 * the roadmap of the cited sentence that best matches the question. Not simply the first citation:
 * "哪篇讲了 MoE" may cite a course list first and the MoE line second, and the learner reads the
 * line that answers. A linked web note is a source, not what the conversation is about. Undefined
 * for a refusal. "那篇", "it", "this stage" in the next question mean this document when nobody
 * named one.
 */
export function roadmapAnswerLedWith(
  question: string,
  result: RetrievalResult,
  /** How retrieval expands a question (its glossary and learners' words), for the question without its document words. */
  expansionsOf: (question: string) => string[],
): AnsweredPlace | undefined {
  const answer = composeExtractiveAnswer(question, result);
  if (answer.abstained) return undefined;
  const citedIds = new Set(answer.citations.map((c) => c.id));
  const cited = result.passages.filter((p) => p.chunk.kind === "roadmap" && citedIds.has(p.chunk.id));
  const named = result.namedRoadmap?.docId;
  const candidates = named === undefined ? cited : cited.filter((p) => p.chunk.docId === named);
  let best: { score: number; passageIndex: number } | undefined;
  const about = question.replace(ASKS_WHICH_DOCUMENT, " ");
  for (const sentence of scoreSentences(candidates, queryTerms(about, expansionsOf(about))))
    if (!best || sentence.score > best.score) best = sentence;
  const lead = candidates[best?.passageIndex ?? 0];
  const docId = named ?? lead?.chunk.docId;
  if (docId === undefined) return undefined;
  const section = lead?.chunk.headingPath[0];
  return { docId, ...(section !== undefined ? { section } : {}) };
}

/**
 * The words of "which roadmap mentions X" / "哪篇提到了 X" that ask which document, not what about
 * it: with them (and their expansions: 学习路径, 规划, roadmaps) a course line titled "… with
 * roadmaps" outscores the line naming X.
 */
const ASKS_WHICH_DOCUMENT = new RegExp(
  `哪一?[篇份个]|(?:${DOCUMENT_NOUN})图?|提到了?|提及|讲到了?|推荐了?|\\b(?:which|mentions?|mentioned|recommends?|recommended)\\b`,
  "giu",
);

/** The roadmap an answer was about, and the top-level section (a stage, in a staged roadmap) of the line that answered. */
export interface AnsweredPlace {
  docId: string;
  section?: string;
}

/**
 * The stage a before/after answer gave ("「应用实践」之后是哪一段？" → 专业深入阶段): the neighbour, in
 * the question's direction, of where its topic sits in the roadmap it named (else the first
 * placed). Undefined for any other question, or past either end of the roadmap.
 */
export function stageAnswerGave(result: Pick<RetrievalResult, "analysis" | "roadmap" | "namedRoadmap" | "weak">): string | undefined {
  const answered = positionsAnswered(result);
  const position = answered?.positions[0];
  return position && neighbourOf(position, answered.direction)?.heading;
}

/**
 * The stages a before/after answer gave, roadmap by roadmap ("学完 LoRA 之后该学什么？" → the stage
 * after LoRA's in each roadmap placing it), in its order and as many as a sequence answer shows
 * (MAX_SEQUENCE_ROADMAPS): the roadmaps "那再之后呢？" moves on in. Only the named roadmap's when the
 * question named one; none for any other question.
 */
export function stagesAnswerGave(result: Pick<RetrievalResult, "analysis" | "roadmap" | "namedRoadmap" | "weak">): StageInRoadmap[] {
  const answered = positionsAnswered(result);
  if (!answered) return [];
  return answered.positions
    .flatMap((p) => {
      const stage = neighbourOf(p, answered.direction);
      return stage ? [{ docId: p.docId, sectionIndex: stage.sectionIndex, heading: stage.heading }] : [];
    })
    .slice(0, MAX_SEQUENCE_ROADMAPS);
}

/** A before/after answer's positions (only the named roadmap's when the question named one) and its direction; undefined for any other answer. */
function positionsAnswered(
  result: Pick<RetrievalResult, "analysis" | "roadmap" | "namedRoadmap" | "weak">,
): { positions: RoadmapPosition[]; direction: "next" | "previous" } | undefined {
  const direction = result.analysis.sequence;
  if (!direction || result.weak) return undefined;
  const named = result.namedRoadmap?.docId;
  return { positions: result.roadmap.filter((p) => named === undefined || p.docId === named), direction };
}

function neighbourOf(position: RoadmapPosition, direction: "next" | "previous"): SectionRef | undefined {
  return direction === "next" ? position.next : position.previous;
}
