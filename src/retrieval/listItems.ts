import { recentlyComputed } from "../text/recentlyComputed.js";

/** A list item's first line: a bullet (-, *, +, •) or a number (1. 2、) after any indentation. */
const LIST_ITEM = /^\s*(?:[-*+•·●▪]|\d{1,2}[.、)])\s/u;
/** Fewer top-level items than this: a passage of prose or one short list. */
const MIN_LIST_ITEMS = 3;

/** Whether a line starts a list item (at any depth). */
export function isListLine(line: string): boolean {
  return LIST_ITEM.test(line);
}

/** A line's indentation in columns, a tab counting four. */
export function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)![0].replace(/\t/g, "    ").length;
}

/**
 * A list-shaped passage (a reading list, a numbered plan) as its top-level items, each with its
 * sub-items and continuation lines; undefined for prose or a short list. Lines before the first
 * item form an item of their own. What one item says (a year, a teacher, "低于微调") is about
 * what that item names, not about its neighbours.
 */
export function listItems(text: string): string[] | undefined {
  const lines = text.split("\n");
  const itemLines = lines.filter((line) => isListLine(line));
  if (itemLines.length < MIN_LIST_ITEMS) return undefined;
  const base = Math.min(...itemLines.map(indentOf));
  const items: string[][] = [];
  for (const line of lines) {
    const startsItem = (isListLine(line) && indentOf(line) <= base) || (line.trim() !== "" && indentOf(line) < base);
    if (items.length === 0 || startsItem) items.push([line]);
    else items[items.length - 1]!.push(line);
  }
  return items.map((item) => item.join("\n"));
}

const fold = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
/**
 * Headings and focus terms are folded again for every question that reads them (confidence.ts
 * folds a passage's heading once per focus term): short texts are remembered.
 */
const MAX_REMEMBERED_FOLD = 200;
const recentFolds = recentlyComputed(8192, fold);

/** Lowercase, without spaces and punctuation: a title matches however its colon or spaces are written. */
export function foldForMatching(text: string): string {
  return text.length <= MAX_REMEMBERED_FOLD ? recentFolds(text) : fold(text);
}

/** A passage's top-level list items with their folded forms: they depend on its text alone. */
const foldedListItems = recentlyComputed(1024, (text: string) => {
  const items = listItems(text) ?? [];
  return { items, folded: items.map(fold) };
});

/**
 * In a list-shaped passage, the top-level items that name one of the terms, with their sub-items:
 * a course's teacher or a book's year is on its own item, and a year or a name on the next item
 * is about something else. Prose, and a passage whose items do not name a term, comes back whole.
 */
export function itemsNaming(text: string, terms: readonly string[]): string {
  const folded = terms.map(foldForMatching).filter((term) => term !== "");
  // The passage's items are split and folded once, not once per question and passage read.
  const items = foldedListItems(text);
  const naming = items.items.filter((_, i) => folded.some((term) => items.folded[i]!.includes(term)));
  return naming.length > 0 ? naming.join("\n") : text;
}
