import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument, Section } from "../corpus/types.js";
import { chunksOfDocument } from "./documentChunks.js";
import { subtreeOf } from "./stageOutline.js";
import type { Passage, QueryLanguage, RoadmapPosition, StageParts } from "./types.js";

/**
 * "第四段分了哪几种专家路线", "深入篇底下分了哪些方向", "which tracks does that stage offer": the
 * parts a stage divides into, read from the roadmap's own outline, for the answer to list them
 * by name, each cited to its own passage.
 */
export const PARTS_ASKED =
  /哪些方向|哪几个方向|哪幾個方向|哪几种|哪幾種|哪两种|哪兩種|哪几条|哪幾條|哪些路线|哪些路線|哪些分支|细分|細分|分(?:了|成|为|為)哪|分(?:了|成|为|為)?几[种種个個条條类類]|\b(?:which|what)\s+(?:\w+\s+){0,2}(?:directions|tracks|paths|specializations|specialisations|branches|sub-?directions)\b/iu;

/** Headings that name a direction, a track or a specialist path (方向, 路线, 专家, track …). */
const PART_NOUN =
  /方向|路线|路線|路径|路徑|分支|专家|專家|工程师|工程師|\b(?:tracks?|paths?|directions?|branch(?:es)?|speciali[sz]ations?)\b/iu;

/**
 * The first group of sibling sections under the stage (its children, or the children of one of
 * its sections) that are directions: their parent's heading says so (专业方向详细路径), or most
 * of their own headings do (0x31 大模型技术基础方向). Undefined when no group is.
 */
export function partsOfStage(outline: readonly Section[], stage: Section): Section[] | undefined {
  const inStage = subtreeOf(outline, stage);
  for (const parent of outline.filter((s) => inStage.has(s.index))) {
    const children = outline.filter((s) => s.parent === parent.index);
    if (children.length < 2) continue;
    const named = children.filter((c) => PART_NOUN.test(c.heading)).length;
    if ((parent !== stage && PART_NOUN.test(parent.heading)) || named * 2 > children.length) return children;
  }
  return undefined;
}

/**
 * The parts of the one stage a question asks to have divided, with the first passage of each
 * (labelled), or undefined. `positions`: the stage the question names (by place or by name), in
 * one roadmap; `query`: the question's search form.
 */
export function stagePartsContext(params: {
  query: string;
  positions: readonly RoadmapPosition[];
  documents: readonly CorpusDocument[];
  chunks: readonly Chunk[];
  language: QueryLanguage;
  maxParts: number;
}): { parts: StageParts; passages: Passage[] } | undefined {
  if (params.positions.length !== 1) return undefined;
  const position = params.positions[0]!;
  const doc = params.documents.find((d) => d.id === position.docId);
  const stage = doc?.outline[position.at.sectionIndex];
  if (!doc || !stage) return undefined;
  const parts = partsOfStage(doc.outline, stage);
  // "伦理与安全那块包括哪些方向": a question about one of the parts asks what is in it, not the list.
  if (!parts || parts.some((part) => params.query.includes(part.heading.replace(/^[0-9a-fx.\s]+/iu, "").trim()))) return undefined;
  const label =
    params.language === "en" ? `A part of ${stage.heading} (in 《${doc.title}》)` : `${stage.heading}的分支（《${doc.title}》）`;
  const listed: StageParts["parts"] = [];
  const passages: Passage[] = [];
  for (const part of parts) {
    const chunk = chunksOfDocument(params.chunks, doc.id).find((c) => c.sectionIndex >= part.index && c.headingPath.includes(part.heading));
    if (!chunk) continue;
    listed.push({ heading: part.heading, chunkId: chunk.id });
    if (passages.length < params.maxParts) passages.push({ chunk, score: 0, role: "match", roleLabel: label });
  }
  if (listed.length < 2) return undefined;
  return { parts: { docId: doc.id, title: doc.title, stage: stage.heading, parts: listed }, passages };
}
