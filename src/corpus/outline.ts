import { fencedLines, findHeadingCandidates, type HeadingCandidate } from "./headingCandidates.js";
import { findLeadingList } from "./leadingList.js";
import type { Section } from "./types.js";

/**
 * Recovers a document's outline from its (cleaned) lines: markdown headings plus the plain-text
 * structure roadmaps use. Levels are depths in the recovered tree (1 = top level), so a document
 * whose markdown starts at `##`, or mixes `##` with plain stage lines, still nests from 1.
 *
 * A lone leading `#` heading is the document's title, not a section: keeping it would put the
 * title in front of every heading path ("指南 › 指南 › 入门阶段").
 */
export function recoverOutline(lines: readonly string[]): Section[] {
  const candidates = withLeadingList(lines, findHeadingCandidates(lines));
  const sections: Section[] = [];
  const open: { strength: number; index: number }[] = [];
  // 1-based last lines of sections whose body ends before the next heading (list items).
  const ownEnds = new Map<number, number>();

  for (const candidate of candidates) {
    while (open.length > 0 && open[open.length - 1]!.strength >= candidate.strength) open.pop();
    const parentIndex = open[open.length - 1]?.index;
    const parent = parentIndex === undefined ? undefined : sections[parentIndex];
    const section: Section = {
      index: sections.length,
      heading: candidate.text,
      level: open.length + 1,
      headingPath: [...(parent?.headingPath ?? []), candidate.text],
      startLine: candidate.lineIndex + 1,
      endLine: candidate.lineIndex + 1,
    };
    if (parentIndex !== undefined) section.parent = parentIndex;
    if (candidate.endLineIndex !== undefined) ownEnds.set(section.index, candidate.endLineIndex + 1);
    sections.push(section);
    open.push({ strength: candidate.strength, index: section.index });
  }

  sections.forEach((section, i) => {
    const nextStart = sections[i + 1]?.startLine ?? lines.length + 1;
    let end = Math.min(nextStart - 1, ownEnds.get(section.index) ?? Number.POSITIVE_INFINITY);
    while (end > section.startLine && (lines[end - 1] ?? "").trim() === "") end--;
    section.endLine = end;
  });
  return sections;
}

/**
 * Items never hold headings: every heading after the list is outer (a plain label after it is no
 * part of its last item).
 */
const LIST_ITEM_STRENGTH = 99;

/**
 * The candidates without the title heading, after the items of a numbered list that stands before
 * the first of them (leadingList.ts): the document's outline starts with the list.
 */
function withLeadingList(lines: readonly string[], all: HeadingCandidate[]): HeadingCandidate[] {
  const candidates = withoutTitleHeading(all);
  const title = candidates === all ? undefined : all[0];
  const from = title === undefined ? 0 : title.lineIndex + 1;
  const to = candidates[0]?.lineIndex ?? lines.length;
  const items = findLeadingList(lines, fencedLines(lines), from, to).map(
    (item): HeadingCandidate => ({
      lineIndex: item.lineIndex,
      kind: "list-item",
      text: item.text,
      strength: LIST_ITEM_STRENGTH,
      endLineIndex: item.endLineIndex,
    }),
  );
  return [...items, ...candidates];
}

/** The title heading, if the document has one: its first heading is its only `#` heading. */
export function findTitleHeading(lines: readonly string[]): { text: string; line: number } | undefined {
  const candidates = findHeadingCandidates(lines);
  const first = candidates[0];
  if (first === undefined || !isTitleHeading(first, candidates)) return undefined;
  return { text: first.text, line: first.lineIndex + 1 };
}

function withoutTitleHeading(candidates: HeadingCandidate[]): HeadingCandidate[] {
  const first = candidates[0];
  return first !== undefined && isTitleHeading(first, candidates) ? candidates.slice(1) : candidates;
}

function isTitleHeading(first: HeadingCandidate, candidates: readonly HeadingCandidate[]): boolean {
  if (first.kind !== "markdown" || first.strength !== 1) return false;
  return candidates.filter((c) => c.kind === "markdown" && c.strength === 1).length === 1;
}

/**
 * The innermost section containing a 1-based line (the last section starting at or before it), or
 * undefined for preamble lines. A written line past that section's own end (text after a list whose
 * items are sections; any other section ends at the next heading) belongs to the section around the list.
 */
export function sectionAtLine(outline: readonly Section[], line: number): Section | undefined {
  let found: Section | undefined;
  for (const section of outline) {
    if (section.startLine > line) break;
    found = section;
  }
  if (found && line > found.endLine) return found.parent === undefined ? undefined : outline[found.parent];
  return found;
}
