import { fencedLines, isAtxHeading } from "../corpus/headingCandidates.js";
import { isNumberedItemLine } from "../corpus/leadingList.js";
import type { CorpusDocument } from "../corpus/types.js";
import { chunkIdFor } from "./chunkId.js";
import { sentenceSpans } from "./splitSentences.js";
import { countUnits, prefixEndWithinUnits } from "./textUnits.js";
import type { Chunk } from "./types.js";

/** Bump whenever chunk boundaries, text or ids change: the index uses it to know its cache is stale. */
export const CHUNKER_VERSION = "1";

export interface ChunkOptions {
  /** Largest chunk, in units (CJK characters + latin words); default 350. */
  maxUnits?: number;
  /** Whole sentences repeated from the previous chunk of the same section; default 40 units. */
  overlapUnits?: number;
}

export const DEFAULT_MAX_UNITS = 350;
export const DEFAULT_OVERLAP_UNITS = 40;

/** A sentence (or a hard-split part of one) at a known place in the file. */
interface Piece {
  /** 0-based line index. */
  line: number;
  start: number;
  end: number;
  units: number;
  /** Code-block lines are kept exactly as written. */
  verbatim?: true;
}

interface Region {
  sectionIndex: number;
  headingPath: string[];
  /** 0-based, inclusive. */
  firstLine: number;
  lastLine: number;
}

const THEMATIC_BREAK_OR_UNDERLINE = /^ {0,3}(?:([-*_])(?:\s*\1){2,}|=+|-+)\s*$/;
const LIST_ITEM = /^\s*(?:[-*+•·]|\d+[.)])\s/;

/**
 * Splits a document into passages: within one section's own body (never across a heading), on
 * sentence boundaries, packed up to maxUnits with a little overlap. Text keeps its markdown so
 * link targets stay searchable; line ranges point at the file on disk.
 */
export function chunkDocument(doc: CorpusDocument, options: ChunkOptions = {}): Chunk[] {
  const maxUnits = Math.max(1, options.maxUnits ?? DEFAULT_MAX_UNITS);
  const overlapUnits = Math.max(0, Math.min(options.overlapUnits ?? DEFAULT_OVERLAP_UNITS, maxUnits - 1));
  const lines = doc.text.split("\n");
  const inFence = fencedLines(lines);
  const usedIds = new Set<string>();
  const chunks: Chunk[] = [];

  for (const region of regionsOf(doc, lines)) {
    const pieces = piecesOf(lines, inFence, region, maxUnits);
    for (const group of packPieces(pieces, maxUnits, overlapUnits)) {
      const text = textOf(lines, group);
      if (text.trim() === "") continue;
      const startLine = group[0]!.line + 1;
      const endLine = group[group.length - 1]!.line + 1;
      let id = chunkIdFor(doc.source, region.headingPath, text);
      // Identical text twice in one section (a repeated list item) still needs distinct ids.
      for (let n = 2; usedIds.has(id); n++) id = chunkIdFor(doc.source, region.headingPath, `${text}\u0000${n}`);
      usedIds.add(id);
      const chunk: Chunk = {
        id,
        docId: doc.id,
        source: doc.source,
        title: doc.title,
        kind: doc.kind,
        headingPath: [...region.headingPath],
        sectionIndex: region.sectionIndex,
        text,
        startLine,
        endLine,
        links: doc.links.filter((link) => link.line >= startLine && link.line <= endLine),
        linkedFrom: doc.linkedFrom.map((entry) => ({ ...entry, headingPath: [...entry.headingPath] })),
      };
      if (doc.metadata.sourceUrl !== undefined) chunk.url = doc.metadata.sourceUrl;
      chunks.push(chunk);
    }
  }
  return chunks;
}

/** What gets embedded and lexically indexed: the passage with its document title and heading path, so a bare list item knows its stage. */
export function contextualText(chunk: Pick<Chunk, "title" | "headingPath" | "text">): string {
  return `${contextLine(chunk)}\n${chunk.text}`;
}

/** The first line of contextualText: title › heading path. */
export function contextLine(chunk: Pick<Chunk, "title" | "headingPath">): string {
  return chunk.headingPath.length > 0 ? `${chunk.title} › ${chunk.headingPath.join(" › ")}` : chunk.title;
}

function regionsOf(doc: CorpusDocument, lines: readonly string[]): Region[] {
  // A numbered list whose items are sections (corpus/leadingList.ts) stays one passage with the
  // text around it: a learner asks about the list as a whole ("which of the four needs the most
  // compute") as often as about one item, and its items are a line or two each.
  const bounding = doc.outline.filter((section) => !isNumberedItemLine(lines[section.startLine - 1] ?? ""));
  const firstSectionLine = bounding[0]?.startLine ?? lines.length + 1;
  const regions: Region[] = [{ sectionIndex: -1, headingPath: [], firstLine: 0, lastLine: firstSectionLine - 2 }];
  bounding.forEach((section, i) => {
    const nextStart = bounding[i + 1]?.startLine ?? lines.length + 1;
    // Bodies start after the heading line; startLine/endLine are 1-based.
    regions.push({
      sectionIndex: section.index,
      headingPath: section.headingPath,
      firstLine: section.startLine,
      lastLine: Math.max(section.endLine, nextStart - 1) - 1,
    });
  });
  return regions.filter((region) => region.lastLine >= region.firstLine);
}

function piecesOf(lines: readonly string[], inFence: readonly boolean[], region: Region, maxUnits: number): Piece[] {
  const pieces: Piece[] = [];
  for (let index = region.firstLine; index <= region.lastLine; index++) {
    const line = lines[index] ?? "";
    if (line.trim() === "") continue;
    if (inFence[index]) {
      pieces.push({ line: index, start: 0, end: line.trimEnd().length, units: Math.max(1, countUnits(line)), verbatim: true });
      continue;
    }
    if (THEMATIC_BREAK_OR_UNDERLINE.test(line)) continue;
    // Before the first section, a `#` line is the document's title heading: already in every chunk's context.
    if (region.sectionIndex === -1 && isAtxHeading(line)) continue;
    for (const span of sentenceSpans(line)) pieces.push(...hardSplit(line, index, span.start, span.end, maxUnits));
  }
  return pieces;
}

/** A sentence longer than a whole chunk is cut into consecutive parts that each fit. */
function hardSplit(line: string, index: number, start: number, end: number, maxUnits: number): Piece[] {
  const units = countUnits(line.slice(start, end));
  if (units <= maxUnits) return [{ line: index, start, end, units: Math.max(1, units) }];
  const parts: Piece[] = [];
  let from = start;
  while (from < end) {
    const to = prefixEndWithinUnits(line, from, end, maxUnits);
    let partStart = from;
    while (partStart < to && /\s/.test(line[partStart]!)) partStart++;
    let partEnd = to;
    while (partEnd > partStart && /\s/.test(line[partEnd - 1]!)) partEnd--;
    if (partEnd > partStart)
      parts.push({ line: index, start: partStart, end: partEnd, units: Math.max(1, countUnits(line.slice(partStart, partEnd))) });
    from = to;
  }
  return parts;
}

/** Greedy packing; each new chunk repeats the previous chunk's last whole pieces up to overlapUnits. */
function packPieces(pieces: readonly Piece[], maxUnits: number, overlapUnits: number): Piece[][] {
  const groups: Piece[][] = [];
  let current: Piece[] = [];
  let units = 0;
  for (const piece of pieces) {
    if (current.length > 0 && units + piece.units > maxUnits) {
      groups.push(current);
      const overlap: Piece[] = [];
      let overlapTotal = 0;
      for (let i = current.length - 1; i > 0; i--) {
        const candidate = current[i]!;
        if (overlapTotal + candidate.units > overlapUnits || overlapTotal + candidate.units + piece.units > maxUnits) break;
        overlap.unshift(candidate);
        overlapTotal += candidate.units;
      }
      current = overlap;
      units = overlapTotal;
    }
    current.push(piece);
    units += piece.units;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * The raw markdown of a group: pieces on one line are one slice of it, lines are joined by "\n".
 * List items keep their indentation (nesting), other lines are trimmed; then the common indent goes.
 */
function textOf(lines: readonly string[], group: readonly Piece[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < group.length) {
    const first = group[i]!;
    let last = first;
    while (i + 1 < group.length && group[i + 1]!.line === first.line) last = group[++i]!;
    i++;
    const line = lines[first.line] ?? "";
    const slice = line.slice(first.start, last.end);
    const leading = /^\s*/.exec(line)?.[0] ?? "";
    const keepsIndent = first.verbatim === true || (first.start <= leading.length && LIST_ITEM.test(line));
    out.push(keepsIndent ? leading + slice.trimStart() : slice.trim());
  }
  const indents = out.filter((l) => l.trim() !== "").map((l) => /^\s*/.exec(l)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return out.map((l) => l.slice(common)).join("\n");
}
