import { sectionRef } from "./roadmapNavigator.js";
import type { RoadmapProfile } from "./roadmapProfile.js";
import { isStageHeading, siblingsOf } from "./stageOutline.js";
import { pick, type StageOrdinal } from "./stageReference.js";
import type { RoadmapPosition } from "./types.js";

/**
 * "那篇三阶段的文章，第四部分是什么？": a document numbers its parts past its learning stages (一、原理学习阶段,
 * 二、接入开发阶段, 三、场景应用阶段, then 四、学习周期与计划, 五、关键资源汇总). Its stages are three, but a
 * part, section or chapter counted by its place counts the document's numbered parts, and the fourth
 * is 四、学习周期与计划, not a stage past the end. Only when the place lands past the last stage: up to
 * it, the stages answer as stages, and a document whose parts are not all numbered (a table of
 * contents, a FAQ beside its stages) has no count of parts to read.
 */

/** The ordinal's unit is a part of a document, not a stage: 第四部分, 第五章, the fourth section. */
const PART_ORDINAL =
  /第\s*[零〇一二两三四五六七八九十\d]{1,3}\s*个?\s*(?:部分|章|节|板块|大块|[Ss]ections?\b|[Pp]arts?\b|[Cc]hapters?\b)|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|\d+(?:st|nd|rd|th))\s+(?:part|section|chapter)s?\b|\b(?:part|section|chapter)\s+\d+\b/iu;

/** The document's part a question asks by its place, when it lies past the named roadmap's stages. */
export function sectionPastStages(query: string, named: RoadmapProfile, ordinal: StageOrdinal): RoadmapPosition | undefined {
  const { doc, stages } = named;
  const last = stages.at(-1);
  if (!last || !PART_ORDINAL.test(query)) return undefined;
  const parts = siblingsOf(doc.outline, last);
  if (!parts.every((part) => isStageHeading(part.heading))) return undefined;
  const asked = pick(parts, ordinal);
  if (!asked || parts.indexOf(asked) <= parts.indexOf(last)) return undefined;
  const at = parts.indexOf(asked);
  const next = parts[at + 1];
  return {
    docId: doc.id,
    source: doc.source,
    title: doc.title,
    topic: asked.heading,
    at: sectionRef(doc.outline, asked),
    ...(next ? { next: sectionRef(doc.outline, next) } : {}),
    previous: sectionRef(doc.outline, parts[at - 1]!),
  };
}
