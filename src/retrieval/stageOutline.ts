import type { Chunk } from "../chunking/types.js";
import { isNumberedItemLine } from "../corpus/leadingList.js";
import type { Section } from "../corpus/types.js";
import { recentlyComputed } from "../text/recentlyComputed.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import { isFiller } from "./questionWords.js";

/**
 * The stage structure of a roadmap's outline. A "stage" is a section whose siblings form an
 * ordered sequence: 第N阶段 lines, 一、二、三 headings, 入门阶段 → 基础夯实阶段 → …, 0x10 入门篇,
 * "1. …", "Stage 2". A sibling group is a sequence when at least two of its members carry such
 * an ordinal or stage marker.
 */

const STAGE_MARKERS: RegExp[] = [
  /^第\s*[一二三四五六七八九十百零〇\d]+\s*(阶段|步|章|节|部分|篇|周|月|天|课|讲|单元|层|级)/u,
  /^[一二三四五六七八九十]+\s*[、.．:：]/u,
  /^\d+(\.\d+)*\s*[、.．:：)）]\s*\S/u,
  /^0x[0-9a-f]+\b/iu,
  /(阶段|篇)\s*([(（][^)）]*[)）])?\s*$/u,
  /^(stage|phase|step|level|part|week|month|module|unit|chapter)\s*\d+/iu,
  /\b(stage|phase)\s*([(（][^)）]*[)）])?\s*$/iu,
];

export function isStageHeading(heading: string): boolean {
  const trimmed = heading.trim();
  return STAGE_MARKERS.some((marker) => marker.test(trimmed));
}

/**
 * A stage that is an item of a numbered list standing for the document's outline (corpus/leadingList.ts):
 * its name is a field term other roadmaps teach too ("2. RAG：检索增强生成", "3. 提示词工程"), not a name
 * the roadmap gave a stage of its own (前沿研究阶段), so a question naming the term does not name it.
 */
export function isListItemStage(heading: string): boolean {
  return isNumberedItemLine(heading);
}

/** Sections sharing a parent (top-level sections share "none"), in reading order. */
export function siblingsOf(outline: readonly Section[], section: Section): Section[] {
  return outline.filter((s) => s.parent === section.parent);
}

function isSequenceGroup(group: readonly Section[]): boolean {
  return group.filter((s) => isStageHeading(s.heading)).length >= 2;
}

/**
 * The stage a section belongs to: its highest ancestor (or itself) whose sibling group is a
 * sequence. Undefined when no ancestor is in a sequence (the document has no stages there).
 */
export function stageOf(outline: readonly Section[], section: Section): Section | undefined {
  let found: Section | undefined;
  let current: Section | undefined = section;
  while (current) {
    if (isSequenceParent(outline, current.parent)) found = current;
    current = current.parent === undefined ? undefined : outline[current.parent];
  }
  return found;
}

// Per outline (immutable once loaded): whether the children of a parent form a sequence. Asking
// it for every section and ancestor rescanned all siblings each time, O(sections²) per document.
const sequenceParents = new WeakMap<readonly Section[], Map<number | undefined, boolean>>();

function isSequenceParent(outline: readonly Section[], parent: number | undefined): boolean {
  let byParent = sequenceParents.get(outline);
  if (!byParent) sequenceParents.set(outline, (byParent = new Map<number | undefined, boolean>()));
  let sequence = byParent.get(parent);
  if (sequence === undefined) {
    sequence = isSequenceGroup(outline.filter((s) => s.parent === parent));
    byParent.set(parent, sequence);
  }
  return sequence;
}

/** The section and all its descendants, by outline index. */
export function subtreeOf(outline: readonly Section[], section: Section): Set<number> {
  const members = new Set([section.index]);
  // Outline is in reading order and parents come before children, so one pass suffices.
  for (const s of outline) if (s.parent !== undefined && members.has(s.parent)) members.add(s.index);
  return members;
}

/**
 * Each section's subtree end, per outline: an index version's outlines never change, and every
 * roadmap position an ask places asks it of up to three stages (a walk of the whole outline each).
 */
const subtreeEnds = new WeakMap<readonly Section[], WeakMap<Section, number>>();

/** Last line of a section including its descendants. */
export function subtreeEndLine(outline: readonly Section[], section: Section): number {
  let ends = subtreeEnds.get(outline);
  if (!ends) subtreeEnds.set(outline, (ends = new WeakMap()));
  let end = ends.get(section);
  if (end === undefined) {
    end = section.endLine;
    for (const index of subtreeOf(outline, section)) end = Math.max(end, outline[index]?.endLine ?? end);
    ends.set(section, end);
  }
  return end;
}

/** Headings whose names and name words are remembered: every roadmap's, with room for an index's next version. */
const NAMED_HEADINGS = 4096;

/**
 * The core name of a stage heading, without its ordinal, 阶段/篇 suffix and parenthetical:
 * "一、原理学习阶段(2-3 个月)" → "原理学习", "0x10 入门篇" → "入门". Remembered per heading:
 * the answer reads the named roadmap's stage names for every question (focusPassages, stageContext).
 */
export const stageName: (heading: string) => string = recentlyComputed(NAMED_HEADINGS, stageNameOf);

function stageNameOf(heading: string): string {
  return heading
    .trim()
    .replace(
      /^(第\s*[一二三四五六七八九十百零〇\d]+\s*\S{0,2}?[:：、.．\s]|[一二三四五六七八九十]+\s*[、.．:：]|\d+(\.\d+)*\s*[、.．:：)）]|0x[0-9a-f]+\b|(stage|phase|step|level|part|week|month|module|unit|chapter)\s*\d+\s*[:：.-]?)\s*/iu,
      "",
    )
    .replace(/\s*[(（][^)）]*[)）]\s*$/u, "")
    .replace(/(阶段|篇|stage|phase)\s*$/iu, "")
    .trim();
}

/**
 * The content words of a stage's or heading's name: two Han characters or more, no filler (学习 of
 * 原理学习, 一些 of 一些课程) — the words an English name must reach to name it. Remembered per
 * heading (frozen, shared): an English question naming a stage or a section reads every stage's
 * and every heading's words of the roadmaps, the same few hundred headings for every question.
 */
export const nameWords: (heading: string) => readonly string[] = recentlyComputed(NAMED_HEADINGS, (heading: string) =>
  Object.freeze(
    tokenizeForSearch(stageName(heading)).filter((t) => /\p{Script=Han}/u.test(t) && Array.from(t).length >= 2 && !isFiller(t)),
  ),
);

/**
 * Whether a stage's own body names at least two of its sibling stages: then it is an overview or
 * a plan of the whole path (004's "0x00 学习路径", 002's "四、学习周期与计划"), not a step of it.
 */
export function isOverviewStage(outline: readonly Section[], stage: Section, bodyText: string): boolean {
  return namesTwoOtherStages(namedStages(siblingsOf(outline, stage)), stage.index, bodyText);
}

/** The marked stages of a sibling group with a name of 2+ characters (what an overview names). */
function namedStages(siblings: readonly Section[]): { index: number; name: string }[] {
  return siblings
    .filter((s) => isStageHeading(s.heading))
    .map((s) => ({ index: s.index, name: stageName(s.heading) }))
    .filter(({ name }) => name.length >= 2);
}

function namesTwoOtherStages(named: readonly { index: number; name: string }[], own: number, bodyText: string): boolean {
  return named.filter(({ index, name }) => index !== own && bodyText.includes(name)).length >= 2;
}

/** A stage's steps: the marked siblings of a sequence that are not overviews, in reading order. */
export function stepsOf(outline: readonly Section[], stage: Section, bodyOf: (section: Section) => string): Section[] {
  // isOverviewStage for each marked sibling, with the group's stage names computed once.
  const siblings = siblingsOf(outline, stage);
  const named = namedStages(siblings);
  const steps = siblings.filter((s) => isStageHeading(s.heading) && !namesTwoOtherStages(named, s.index, bodyOf(s)));
  // "一、原理学习阶段 … 三、场景应用阶段, 四、学习周期与计划, 五、关键资源汇总": when two or more numbered siblings
  // call themselves stages, the ones that do not (the plan, the resources, the advice after them) are
  // the document's other parts, not further steps. The stage itself is always one of its own steps.
  const called = steps.filter((s) => CALLED_A_STAGE.test(s.heading));
  return called.length >= 2 && called.includes(stage) ? called : steps;
}

/** A heading that names itself a stage or a chapter (入门阶段, 0x10 入门篇, "Stage 2", "Phase: …"). */
const CALLED_A_STAGE = /阶段|階段|篇|\b(?:stage|phase)\b/iu;

/** Words every stage's parts share with a question about stages ("阶段评估" is not asked by "这个阶段"). */
const STAGE_WORDS = new Set(["阶段", "段", "stage", "stages", "phase", "phases", "step", "steps", "part", "parts"]);

/**
 * How many of the asked tokens a part of a stage names in its own heading ("要学哪些工具" →
 * 工具与框架, "the projects" → 实践项目): 0 for the stage's own heading. A sub-heading says what
 * its part is about, more surely than how many of a long question's words its text repeats.
 */
export function askedInPartHeading(chunk: Chunk, stageHeading: string, asked: ReadonlySet<string>): number {
  const heading = chunk.headingPath.at(-1);
  if (!heading || heading.trim() === stageHeading.trim()) return 0;
  let count = 0;
  for (const token of tokenizeForSearch(heading)) if (asked.has(token) && !STAGE_WORDS.has(token)) count++;
  return count;
}
