import { foldedWithoutSpaces, foldForMatching } from "./listItems.js";
import { stageName } from "./stageOutline.js";
import type { Passage, RetrievalResult, RoadmapPosition } from "./types.js";

/**
 * "How many hours a week for the last stage?": a duration asked of a stage the question located by
 * its place is that stage's. A roadmap's time plan that lists hours for its other stages
 * ("入门阶段：每周10-15小时 …") says nothing of one it leaves out, so only the passages naming the
 * stage count, and in a list only its items naming it (confidence.ts reads the items). What the
 * roadmap's structure states for the stage (stageDurations.ts: "(2-3 个月)", "(持续学习)") answers a
 * plain "how long"; a unit asked (hours a week) needs that unit. Read for the duration kind only.
 */
export interface LocatedStage {
  /** The stage's name as passages write it (前沿研究 for "前沿研究阶段"). */
  terms: string[];
  /** The duration the roadmap states for the stage, when it states one. */
  stated?: string;
}

export function locatedStage(result: RetrievalResult): LocatedStage | undefined {
  if (!result.stageOrdinal || !result.namedRoadmap) return undefined;
  const position = result.roadmap.find((p) => p.docId === result.namedRoadmap?.docId);
  const name = position && stageName(position.at.heading);
  if (!name) return undefined;
  return located(position, name);
}

/** The stage at a position, by its name, with the duration the roadmap states for it. */
function located(position: RoadmapPosition, name: string): LocatedStage {
  return { terms: [name], ...(position.at.duration ? { stated: position.at.duration.text } : {}) };
}

/**
 * "专业深入阶段每周要学多少小时": a stage the question names by its name, among the stages retrieval
 * placed it at (the one roadmap whose stage it is). Like a stage located by its place, only what
 * names it answers a duration asked of it: the time plan's hours for the other stages do not.
 */
export function stageNamedBy(result: RetrievalResult, question: string): LocatedStage | undefined {
  const folded = foldedWithoutSpaces(question);
  const named = result.roadmap
    .map((position) => ({ position, name: stageName(position.at.heading) }))
    .filter(({ name }) => name.length >= 2 && folded.includes(foldedWithoutSpaces(name)));
  if (named.length !== 1) return undefined;
  return located(named[0]!.position, named[0]!.name);
}

/**
 * The stage a before/after question asks its detail of (its name as passages write it): "应用实践阶段前一个阶段每周要投入多少小时" names
 * 应用实践 to say where it steps from, and asks the hours of the stage before it (基础夯实). Read from
 * the named roadmap's place (or the only one found); undefined when the question asks no
 * neighbour or the roadmap has none there.
 */
export function neighbourStageAsked(result: RetrievalResult): LocatedStage | undefined {
  const direction = result.analysis.sequence;
  if (!direction) return undefined;
  const position =
    result.roadmap.find((p) => p.docId === result.namedRoadmap?.docId) ?? (result.roadmap.length === 1 ? result.roadmap[0] : undefined);
  const neighbour = direction === "previous" ? position?.previous : position?.next;
  const name = neighbour && stageName(neighbour.heading);
  return name ? { terms: [name] } : undefined;
}

/** The passages that name the stage, in their heading or text. */
export function passagesNamingStage(passages: readonly Passage[], stage: LocatedStage): Passage[] {
  const terms = stage.terms.map(foldForMatching);
  return passages.filter((p) => terms.some((term) => foldForMatching(`${p.chunk.headingPath.join(" ")}\n${p.chunk.text}`).includes(term)));
}

/** A unit of time asked (hours, days, weeks): a stated "持续学习" or months do not give it. */
const UNIT_ASKED = /小时|小時|钟头|鐘頭|天|周|週|星期|\b(?:hours?|hrs?|days?|weeks?)\b/iu;

/** Whether the stage's stated duration answers the question as asked. */
export function statedDurationAnswers(stage: LocatedStage, question: string): boolean {
  return stage.stated !== undefined && !UNIT_ASKED.test(question);
}
