import type { Chunk } from "../chunking/types.js";
import { chunksOfDocument } from "./documentChunks.js";
import { sectionRef } from "./roadmapNavigator.js";
import { isContentsText, type RoadmapProfile } from "./roadmapProfile.js";
import { isStageHeading, siblingsOf } from "./stageOutline.js";
import { directionFromOrdinal, pick, type StageOrdinal } from "./stageReference.js";
import type { Passage, RoadmapPosition } from "./types.js";

/**
 * A document goes on past its learning stages: 002 numbers them (一、原理学习阶段, 二、接入开发阶段,
 * 三、场景应用阶段, then 四、学习周期与计划, 五、关键资源汇总), 003 follows 前沿研究阶段 with 持续学习资源 and
 * 学习常见问题. A part, section or chapter asked of it there is one of those sections, not a stage
 * past the end:
 *   - counted by its place ("那篇三阶段的文章，第四部分是什么？"), when every top-level part is numbered
 *     (a count of parts needs numbered parts) and the place lands past the last stage;
 *   - the one after the last stage ("最后一个阶段后面接的是哪个 section？"), whatever its heading.
 * Up to the last stage, the stages answer as stages; a question that asks for a stage, not a
 * section, past the end is still past the end.
 */

/** The ordinal's unit is a part of a document, not a stage: 第四部分, 第五章, the fourth section. */
const PART_ORDINAL =
  /第\s*[零〇一二两三四五六七八九十\d]{1,3}\s*个?\s*(?:部分|章|节|板块|大块|[Ss]ections?\b|[Pp]arts?\b|[Cc]hapters?\b)|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|\d+(?:st|nd|rd|th))\s+(?:part|section|chapter)s?\b|\b(?:part|section|chapter)\s+\d+\b/iu;
/** The question asks for a section of the document: 哪个 section, 哪一部分, which part. */
const SECTION_ASKED = /部分|章节|板块|小节|\bsections?\b|\bparts?\b|\bchapters?\b/iu;

/** The document's part a question asks by its place or as the one after the last stage, when it lies past the named roadmap's stages. */
export function sectionPastStages(query: string, named: RoadmapProfile, ordinal: StageOrdinal): RoadmapPosition | undefined {
  const { doc, stages } = named;
  const last = stages.at(-1);
  if (!last) return undefined;
  const parts = siblingsOf(doc.outline, last);
  const lastAt = parts.indexOf(last);
  let asked: (typeof parts)[number] | undefined;
  if (PART_ORDINAL.test(query) && parts.every((part) => isStageHeading(part.heading))) asked = pick(parts, ordinal);
  else if (SECTION_ASKED.test(query) && pick(stages, ordinal) === last && directionFromOrdinal(query) === "next") asked = parts[lastAt + 1];
  if (!asked || parts.indexOf(asked) <= lastAt) return undefined;
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

/**
 * The document's table of contents, when it has one: it lists the sections in their order, so it
 * says which comes after the last stage.
 */
export function contentsPassage(chunks: readonly Chunk[], docId: string): Passage | undefined {
  // The document's own chunks, in the index's order (grouped once per index version), not every chunk of the index.
  const chunk = chunksOfDocument(chunks, docId).find((c) => isContentsText(c.text));
  return chunk && { chunk, score: 0, role: "match" };
}
