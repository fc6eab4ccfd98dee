import type { GoldQuote } from "./dataset.js";

/**
 * Deciding whether a passage is gold. Chunking joins lines, trims indentation and may re-space
 * text, so quotes are compared with all whitespace removed: a quote matches a passage when the
 * passage contains it, or when the passage's line range covers a place where the quote occurs
 * in the source file (a passage that holds half of a long quote does not count).
 */

/** A retrieved passage or a citation, reduced to what gold matching needs. */
export interface PassageRef {
  source: string;
  text: string;
  startLine: number;
  endLine: number;
  /** The section headings the citation is labelled with (what the reader sees beside it). */
  headingPath?: readonly string[];
}

export interface LineRange {
  start: number;
  end: number;
}

/** A gold quote with every place it occurs in its source file. */
export interface LocatedGold extends GoldQuote {
  occurrences: LineRange[];
}

export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/gu, "");
}

/** Whitespace- and case-insensitive containment (for must_mention). */
export function mentions(text: string, phrase: string): boolean {
  const needle = withoutWhitespace(phrase).toLowerCase();
  return needle.length > 0 && withoutWhitespace(text).toLowerCase().includes(needle);
}

/** 1-based line ranges of every whitespace-insensitive occurrence of `quote` in `sourceText`. */
export function locateQuote(sourceText: string, quote: string): LineRange[] {
  const needle = withoutWhitespace(quote);
  if (needle === "") return [];
  // The source without whitespace, and for each kept character its 1-based line.
  let compact = "";
  const lineOf: number[] = [];
  let line = 1;
  for (const char of sourceText) {
    if (char === "\n") line++;
    if (/\s/u.test(char)) continue;
    compact += char;
    for (let i = 0; i < char.length; i++) lineOf.push(line);
  }
  const ranges: LineRange[] = [];
  for (let at = compact.indexOf(needle); at >= 0; at = compact.indexOf(needle, at + 1)) {
    ranges.push({ start: lineOf[at] ?? 1, end: lineOf[at + needle.length - 1] ?? 1 });
  }
  return ranges;
}

export function isGoldFor(passage: PassageRef, gold: LocatedGold): boolean {
  if (passage.source !== gold.document) return false;
  if (withoutWhitespace(passage.text).includes(withoutWhitespace(gold.quote))) return true;
  if (namesHeading(passage.headingPath, gold.quote)) return true;
  return gold.occurrences.some((r) => r.start >= passage.startLine && r.end <= passage.endLine);
}

export function isGold(passage: PassageRef, golds: readonly LocatedGold[]): boolean {
  return golds.some((gold) => isGoldFor(passage, gold));
}

/**
 * A gold quote that is a section heading ("第六阶段：模型微调与私有化部署", "## 0x20 应用篇") is
 * answered by any passage of that section: chunk text leaves headings out (they are the
 * passage's label, shown beside every citation), so containment alone could never match it.
 */
function namesHeading(headingPath: readonly string[] | undefined, quote: string): boolean {
  if (!headingPath || headingPath.length === 0) return false;
  const heading = withoutWhitespace(quote.replace(/^\s*#+\s*/u, "").replace(/\*\*/gu, ""));
  if (Array.from(heading).length < 4) return false;
  return headingPath.some((h) => withoutWhitespace(h.replace(/\*\*/gu, "")) === heading);
}
