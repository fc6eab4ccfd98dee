import type { RoadmapProfile } from "./roadmapProfile.js";
import type { StageOrdinal } from "./stageReference.js";

/**
 * "七个阶段那份，正中间那个阶段", "the middle chapter of the ninehills list": the stage in the middle
 * of a roadmap is a place only its stage count gives, so it is read once the roadmap is known (named
 * by the question or the conversation). A roadmap with an even number of stages has no one middle
 * stage, and a middle thing that is no stage ("中间件", "the middle-level project", "中间那个呢" after
 * a list of projects) is not read: a stage word, or a count of the roadmap's parts, says a stage is
 * meant.
 */
const ZH_MIDDLE =
  /(?:正中间|中间|当中|居中)(?:的|那|这)?(?:一)?(?:个)?\s*(?:阶段|段|步|部分|篇|章|stage|phase|chapter|part)|排在(?:正)?(?:中间|当中)/iu;
const EN_MIDDLE =
  /\b(?:the\s+)?(?:very\s+)?middle\s+(?:stage|phase|step|part|chapter|section|level)\b|\b(?:stage|phase|step|part|chapter|section|one)\s+in\s+the\s+(?:very\s+)?middle\b|\bmiddle\s+one\b/iu;
/** "has three chapters", "七个阶段": the question counts the parts it then picks the middle of. */
const PARTS_COUNTED =
  /[零〇一二两三四五六七八九十\d]\s*个?\s*(?:阶段|段|步|部分|篇|章)|\b(?:\d|three|five|seven|nine)[\s-](?:stages?|phases?|steps?|parts?|chapters?|sections?)\b/iu;

/**
 * How the question names the middle: "stage" with a stage word (正中间那个阶段, "the middle chapter"),
 * "one" without ("the middle one", "the one in the middle"), undefined when it does not.
 */
function middleNamed(question: string): "stage" | "one" | undefined {
  if (ZH_MIDDLE.test(question)) return "stage";
  const en = EN_MIDDLE.exec(question);
  if (!en) return undefined;
  return /^(?:middle\s+one|one\s+in\s+the)/iu.test(en[0]) ? "one" : "stage";
}

/** Whether the question names a stage by its place in the middle, whatever roadmap it is of. */
export function namesMiddleStage(question: string): boolean {
  return middleNamed(question) === "stage";
}

export function middleStageOrdinal(question: string, profile: RoadmapProfile | undefined): StageOrdinal | undefined {
  if (!profile || profile.stages.length < 3 || profile.stages.length % 2 === 0) return undefined;
  const named = middleNamed(question);
  // "the middle one" names no stage word itself: only when the question counts the roadmap's parts.
  if (named === undefined || (named === "one" && !PARTS_COUNTED.test(question))) return undefined;
  return { from: "start", position: (profile.stages.length + 1) / 2 };
}
