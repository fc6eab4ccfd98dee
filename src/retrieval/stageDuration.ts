import { foldForMatching } from "./listItems.js";
import { stageName } from "./stageOutline.js";
import type { Passage, RetrievalResult } from "./types.js";

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
  return { terms: [name], ...(position.at.duration ? { stated: position.at.duration.text } : {}) };
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

/** The name of a stage asked ("下一个阶段叫什么", "what is the stage before it called"). */
const NAME_ASKED =
  /叫(?:什么|什麼|啥|咩|做什么|做什麼)|(?:什么|什麼|啥)名(?:字|称|稱)?|名字|名称|名稱|\bcalled\b|\bnamed\b|\bname\s+of\b|\bits\s+name\b/iu;

/**
 * "前沿研究之后下一个阶段叫什么？要读多久？" asked at a roadmap's last stage (or before its first): the
 * name or a detail of a stage that does not exist. What to do after the whole path is answered by its
 * closing advice; what the next stage is called, or how long it takes, by nothing. `detailAsked`: the
 * question asks a detail (detailKinds.ts).
 */
export function absentNeighbourAsked(result: RetrievalResult, question: string, detailAsked: boolean): boolean {
  const direction = result.analysis.sequence;
  if (!direction || result.roadmap.length === 0 || (!detailAsked && !NAME_ASKED.test(question))) return false;
  const named = result.roadmap.filter((p) => p.docId === result.namedRoadmap?.docId);
  const positions = named.length > 0 ? named : result.roadmap;
  return positions.every((p) => (direction === "previous" ? p.previous : p.next) === undefined);
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
