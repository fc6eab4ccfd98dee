import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument, Section } from "../corpus/types.js";
import { isOverviewStage, isStageHeading, siblingsOf, stageName, stageOf, stepsOf, subtreeEndLine } from "./stageOutline.js";

/**
 * A roadmap's stages as a path to draw: the ordered steps of each stage sequence the outline
 * recovery found (see stageOutline.ts), numbered as the navigator numbers them, so a position
 * from locateTopic() maps onto exactly one drawn stage.
 */

/** One place in the document where a stage is written down. */
export interface StageSection {
  sectionIndex: number;
  heading: string;
  /** The heading of the outline this copy belongs to ("学习路径"), or the document title. */
  outline: string;
  startLine: number;
  /** Including sub-sections. */
  endLine: number;
}

export interface RoadmapStage {
  /** 1-based place in the path. */
  step: number;
  heading: string;
  /** One section, or one per outline when parallel outlines were merged (reading order). */
  sections: StageSection[];
  /** Headings of the stage's direct sub-sections (0x31 …, 学习目标 …). */
  parts: string[];
}

/**
 * single: one stage sequence. merged: several outlines with the same stage headings, drawn as
 * one path whose stages link to every copy. parallel: outlines whose stages differ, drawn side
 * by side. reading-order: no ordered stages at all; the top-level sections in reading order.
 */
export type StageArrangement = "single" | "merged" | "parallel" | "reading-order";

export interface RoadmapPath {
  /** Outline headings this path was drawn from (two for a merged path). */
  outlines: string[];
  stages: RoadmapStage[];
}

export interface RoadmapStages {
  arrangement: StageArrangement;
  paths: RoadmapPath[];
  /** Sections that lay out the whole path rather than being a step of it (004's 0x00 学习路径). */
  overviews: StageSection[];
}

/** A section's own text as the navigator sees it: the chunks of that section. */
export function chunkBodies(chunks: readonly Chunk[], docId: string): (section: Section) => string {
  const textsOf = sectionTexts(chunks, docId);
  return (section) => textsOf(section).join("\n");
}

/** The chunk texts of each section of one document, in order, grouped in one pass over the chunks. */
export function sectionTexts(chunks: readonly Chunk[], docId: string): (section: Section) => readonly string[] {
  const bySection = new Map<number, string[]>();
  for (const chunk of chunks) {
    if (chunk.docId !== docId) continue;
    const texts = bySection.get(chunk.sectionIndex) ?? [];
    texts.push(chunk.text);
    bySection.set(chunk.sectionIndex, texts);
  }
  return (section) => bySection.get(section.index) ?? [];
}

function toStageSection(doc: CorpusDocument, section: Section): StageSection {
  const parent = section.parent === undefined ? undefined : doc.outline[section.parent];
  return {
    sectionIndex: section.index,
    heading: section.heading,
    outline: parent?.heading ?? doc.title,
    startLine: section.startLine,
    endLine: subtreeEndLine(doc.outline, section),
  };
}

function partsOf(outline: readonly Section[], section: Section): string[] {
  return outline.filter((s) => s.parent === section.index).map((s) => s.heading);
}

/** Sibling groups that form a sequence and do not sit inside another sequence's stage. */
function topSequenceGroups(outline: readonly Section[]): Section[][] {
  const groups: Section[][] = [];
  const seen = new Set<string>();
  for (const section of outline) {
    const key = String(section.parent ?? "top");
    if (seen.has(key)) continue;
    seen.add(key);
    const group = siblingsOf(outline, section);
    if (group.filter((s) => isStageHeading(s.heading)).length < 2) continue;
    const parent = section.parent === undefined ? undefined : outline[section.parent];
    if (parent && stageOf(outline, parent)) continue; // nested: parts of an outer stage
    groups.push(group);
  }
  return groups;
}

function sameHeadings(a: readonly Section[], b: readonly Section[]): boolean {
  return a.length === b.length && a.every((s, i) => stageName(s.heading) === stageName(b[i]?.heading ?? ""));
}

export function roadmapStages(doc: CorpusDocument, bodyOf: (section: Section) => string): RoadmapStages {
  const outline = doc.outline;
  const sequences: Section[][] = [];
  const overviews: StageSection[] = [];
  for (const group of topSequenceGroups(outline)) {
    const first = group[0];
    if (!first) continue;
    const steps = stepsOf(outline, first, bodyOf);
    for (const s of group) if (isStageHeading(s.heading) && isOverviewStage(outline, s, bodyOf(s))) overviews.push(toStageSection(doc, s));
    if (steps.length >= 2) sequences.push(steps);
  }

  if (sequences.length === 0) {
    const top = outline.filter((s) => s.parent === undefined);
    const stages = top.map((s, i) => ({ step: i + 1, heading: s.heading, sections: [toStageSection(doc, s)], parts: partsOf(outline, s) }));
    return { arrangement: "reading-order", paths: stages.length > 0 ? [{ outlines: [doc.title], stages }] : [], overviews };
  }

  // Group sequences whose stage headings match (001 writes its plan and its notes as two
  // outlines of the same seven stages): one path each group.
  const groups: Section[][][] = [];
  for (const sequence of sequences) {
    const match = groups.find((g) => g[0] && sameHeadings(g[0], sequence));
    if (match) match.push(sequence);
    else groups.push([sequence]);
  }
  const paths = groups.map((group): RoadmapPath => ({
    outlines: group.map((sequence) => toStageSection(doc, sequence[0]!).outline),
    stages: (group[0] ?? []).map((section, i) => ({
      step: i + 1,
      heading: section.heading,
      sections: group.map((sequence) => toStageSection(doc, sequence[i]!)),
      parts: partsOf(outline, section),
    })),
  }));
  const arrangement: StageArrangement = paths.length > 1 ? "parallel" : sequences.length > 1 ? "merged" : "single";
  return { arrangement, paths, overviews };
}

/** The drawn stage that contains an outline section (a stage section or one of its sub-sections). */
export function stageContaining(stages: RoadmapStages, doc: CorpusDocument, sectionIndex: number): RoadmapStage | undefined {
  const section = doc.outline[sectionIndex];
  if (!section) return undefined;
  for (const path of stages.paths) {
    for (const stage of path.stages) {
      if (stage.sections.some((s) => s.sectionIndex === sectionIndex)) return stage;
    }
  }
  const stage = stageOf(doc.outline, section);
  return stage && stage.index !== sectionIndex ? stageContaining(stages, doc, stage.index) : undefined;
}
