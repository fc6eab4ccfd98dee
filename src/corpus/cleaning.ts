import { EDITOR_TRACES, INLINE_RULES, LINE_RULES, PROMO_MARKERS, PROMO_TAIL } from "./cleaningRules.js";

export interface RemovedLine {
  /** 1-based line number. */
  line: number;
  /** Id of the rule that removed it ("front-matter", "promo-tail" or a LINE_RULES id). */
  rule: string;
}

export interface CleanedLines {
  /** Same length as the input: removed lines are "". */
  lines: string[];
  removed: RemovedLine[];
  /** 1-based first line of the promotional tail, when one was cut. */
  promoTailStartLine?: number;
}

export interface CleanOptions {
  /** Leading lines to blank (the front-matter block). */
  frontMatterLines?: number;
}

/**
 * Removes noise while keeping every line in place (removed lines become ""), so line numbers
 * in citations stay true to the file on disk. The rules themselves live in cleaningRules.ts.
 */
export function cleanLines(rawLines: readonly string[], options: CleanOptions = {}): CleanedLines {
  const frontMatterLines = options.frontMatterLines ?? 0;
  const removed: RemovedLine[] = [];
  const lines = rawLines.map((raw, index) => {
    if (index < frontMatterLines) {
      if (raw.trim() !== "") removed.push({ line: index + 1, rule: "front-matter" });
      return "";
    }
    const lineRule = LINE_RULES.find((rule) => rule.pattern.test(raw));
    if (lineRule !== undefined) {
      removed.push({ line: index + 1, rule: lineRule.id });
      return "";
    }
    return applyInlineRules(raw);
  });

  const tailStart = findPromotionalTail(lines);
  if (tailStart === undefined) return { lines, removed };
  for (let index = tailStart; index < lines.length; index++) {
    if (lines[index]?.trim() !== "") removed.push({ line: index + 1, rule: "promo-tail" });
    lines[index] = "";
  }
  return { lines, removed: removed.sort((a, b) => a.line - b.line), promoTailStartLine: tailStart + 1 };
}

/** The platform whose editor marks the raw lines carry (EDITOR_TRACES), if one does. */
export function publishingPlatform(lines: readonly string[]): string | undefined {
  return EDITOR_TRACES.find((trace) => lines.some((line) => trace.pattern.test(line)))?.platform;
}

/** Convenience over cleanLines for a whole text (line breaks normalised to "\n"). */
export function cleanText(text: string, options: CleanOptions = {}): string {
  return cleanLines(text.replace(/\r\n?/g, "\n").split("\n"), options).lines.join("\n");
}

function applyInlineRules(line: string): string {
  let result = line;
  for (const rule of INLINE_RULES) result = result.replace(rule.pattern, "");
  // A line that was only noise must become truly empty, not whitespace.
  return result !== line && result.trim() === "" ? "" : result;
}

export function isPromoMarkerLine(line: string): boolean {
  return PROMO_MARKERS.some((marker) => marker.pattern.test(line));
}

/**
 * 0-based index of the first line of a promotional tail, or undefined. A tail is a cluster of
 * marker lines that reaches the end of the document, starts after its opening part, and may be
 * introduced by a short heading-like lead-in line (the block's own title).
 */
export function findPromotionalTail(lines: readonly string[]): number | undefined {
  const nonEmpty: number[] = [];
  lines.forEach((line, index) => {
    if (line.trim() !== "") nonEmpty.push(index);
  });
  const markerPositions = nonEmpty
    .map((lineIndex, position) => ({ lineIndex, position }))
    .filter(({ lineIndex }) => isPromoMarkerLine(lines[lineIndex] ?? ""))
    .map(({ position }) => position);
  const last = markerPositions.at(-1);
  if (last === undefined || nonEmpty.length - 1 - last > PROMO_TAIL.maxLinesAfterLastMarker) return undefined;

  let clusterStart = last;
  let clusterSize = 1;
  for (let i = markerPositions.length - 2; i >= 0; i--) {
    const position = markerPositions[i]!;
    if (clusterStart - position - 1 > PROMO_TAIL.maxGapLines) break;
    const between = nonEmpty.slice(position + 1, clusterStart).reduce((chars, lineIndex) => chars + (lines[lineIndex] ?? "").trim().length, 0);
    if (between > PROMO_TAIL.maxProseCharsBetweenMarkers) break;
    clusterStart = position;
    clusterSize++;
  }
  if (clusterSize < PROMO_TAIL.minMarkerLines) return undefined;
  if (clusterStart < nonEmpty.length * PROMO_TAIL.earliestStart) return undefined;

  let start = clusterStart;
  for (let leadIn = 0; leadIn < PROMO_TAIL.maxLeadInLines && start > 0; leadIn++) {
    const previous = (lines[nonEmpty[start - 1]!] ?? "").trim();
    if (!isHeadingLike(previous)) break;
    start--;
  }
  return nonEmpty[start];
}

function isHeadingLike(line: string): boolean {
  return line.length <= PROMO_TAIL.maxLeadInChars && !/[。．.!！?？;；:：,，]$/.test(line) && !/^[-*+•]/.test(line);
}
