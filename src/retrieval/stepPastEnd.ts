import type { QueryAnalysis, RoadmapPosition } from "./types.js";
import { escapeRegExp } from "../text/escapeRegExp.js";
import { labelsOf } from "./listedNeighbour.js";
import type { RoadmapProfile } from "./roadmapProfile.js";
import { SECTION_WORD, stepsOutOfDocument } from "./sectionNeighbour.js";
import { STAGE_WORD_AFTER_NAME, stageNameFormsOf } from "./stageContext.js";
import {
  asksForStageBefore,
  directionFromOrdinal,
  directionFromReference,
  replaceStageOrdinals,
  type StageOrdinal,
} from "./stageReference.js";

/** A question that moves by sections (sectionNeighbour.ts SECTION_WORD), chapters or a table of contents, not by stages (the query is in Simplified script). */
const MOVES_BY_SECTIONS = new RegExp(String.raw`${SECTION_WORD.source}|目录|\bchapters?\b|table of contents`, "iu");

/**
 * "七段那份的最后一个阶段之后呢", "in the five-stage guide, what comes after the last stage?": a
 * step from the named roadmap's stage out of it. The roadmap has nothing there; the answer may show
 * the stage it starts from, but is `low` as an ordinal past the end is (its stage count, for
 * ordinalPastEnd). Only when the stage is where the question measures from (directionFromOrdinal):
 * "after the deep-dive stage, what is the final stage?" asks for the final stage itself. Before the
 * first stage likewise, but only when a stage is what is asked ("入门阶段之前还有什么阶段"): what to
 * learn or set up before it ("第一阶段之前要准备什么") is a roadmap's opening, its preface.
 */
export function stepPastEnd(
  query: string,
  analysis: QueryAnalysis,
  ordinal: StageOrdinal | undefined,
  named: RoadmapProfile | undefined,
  roadmap: readonly RoadmapPosition[],
  profiles: readonly RoadmapProfile[],
): number | undefined {
  const beyond = (position: RoadmapPosition, direction: "next" | "previous") => (direction === "next" ? position.next : position.previous);
  const positions = named ? roadmap.filter((p) => p.docId === named.doc.id) : roadmap;
  // Before the first stage only when a stage is what is asked (stageReference.ts asksForStageBefore).
  const stepsOut = (marked: string, direction: "next" | "previous") =>
    directionFromReference(marked) === direction && (direction === "next" || asksForStageBefore(marked));
  if (ordinal) {
    // "最后一个阶段的下一个是什么" asked of no roadmap in particular: past every roadmap's last stage.
    const direction = analysis.sequence ?? directionFromOrdinal(query);
    const profile = positions[0] && (named ?? profiles.find((p) => p.doc.id === positions[0]!.docId));
    if (!direction || !profile || profile.stages.length === 0 || positions.some((p) => beyond(p, direction))) return undefined;
    return stepsOut(
      replaceStageOrdinals(query, () => "\u0000"),
      direction,
    )
      ? profile.stages.length
      : undefined;
  }
  const direction = analysis.sequence;
  if (!direction) return undefined;
  // "前沿研究阶段之后学什么", "what comes after 前沿研究?": the last stage, named by its name with "after"
  // beside it, is where the question starts from; in the roadmap the question names, or the one
  // roadmap whose stage it names. Not a book or section inside it ("深入篇里《综述》后面那本",
  // "目录中…后面接的是哪一节"): those have neighbours of their own.
  const position = positions.length === 1 ? positions[0]! : undefined;
  const profile = position && (named ?? profiles.find((p) => p.doc.id === position.docId));
  if (!position || beyond(position, direction) || !profile || profile.stages.length === 0) return undefined;
  const at = profile.stages.findIndex((stage) => stage.index === position.at.sectionIndex);
  // A list's item is named by its label ("1. 微调：Lora->垂类" is 微调), as a learner names it.
  const labels = at < 0 ? [] : labelsOf(profile.stages[at]!.heading).filter((label) => Array.from(label).length >= 2);
  const forms = at < 0 ? [] : [...stageNameFormsOf(profile)[at]!, ...labels];
  const form = forms.find((name) => query.includes(name));
  if (form === undefined) return undefined;
  // A question that moves by sections asks of a section's neighbours, unless the roadmap's stages are a
  // list's items (下一个方向 of a list of directions is its next stage) or the step is taken from the stage
  // itself and leaves the document ("深入篇之后还有别的章节吗": the reading list calls its stages 章节, and
  // ends with that one; the guide's 目录 goes on past its last stage, to its resources and questions).
  if (
    !profile.listItems &&
    MOVES_BY_SECTIONS.test(query) &&
    !(stepsFromStage(query, form) && stepsOutOfDocument(profile.doc.outline, profile.stages[at]!, direction))
  )
    return undefined;
  // A heading copied whole keeps its span after the stage word: "三、场景应用阶段(持续学习)之后".
  const marked = query.replace(
    new RegExp(`${escapeRegExp(form)}(?:${STAGE_WORD_AFTER_NAME})?(?:\\s*[(（][^)）]{0,16}[)）])?`, "u"),
    " \u0000 ",
  );
  return stepsOut(marked, direction) ? profile.stages.length : undefined;
}

/** The direction word right after the stage's name (and its stage word): the step starts at the stage, not inside it. */
function stepsFromStage(query: string, form: string): boolean {
  return new RegExp(
    `${escapeRegExp(form)}(?:${STAGE_WORD_AFTER_NAME})?\\s*(?:之后|以后|后面|的下一|之前|以前|前面|的上一|的前一)`,
    "u",
  ).test(query);
}
