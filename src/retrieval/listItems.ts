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
    const last = items[items.length - 1];
    const startsItem =
      (isListLine(line) && indentOf(line) <= base) ||
      (line.trim() !== "" && indentOf(line) < base && !(last?.length === 1 && isLabelOnly(last[0]!) && !isListLine(line)));
    if (items.length === 0 || startsItem) items.push([line]);
    else items[items.length - 1]!.push(line);
  }
  return items.map((item) => item.join("\n"));
}

/**
 * A bullet holding only a short label ("  • 高阶项目"): an export that lost the indentation of the
 * description under it puts that description on the next line, flush left; it is still the item's.
 */
function isLabelOnly(line: string): boolean {
  const label = line.replace(LIST_ITEM, "").trim();
  return label.length > 0 && label.length <= LABEL_MAX && !/[。，,.;；:：!！?？]/u.test(label);
}
const LABEL_MAX = 12;

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

/** foldForMatching without whitespace: "API开发" and the heading "API 开发" fold alike. */
export function foldedWithoutSpaces(text: string): string {
  return foldForMatching(text).replace(/\s+/gu, "");
}

/**
 * A prose passage's paragraphs: a line each (the documents' exports put a paragraph on a line), a
 * quoted block ("> Author: …", "> Created: …") one paragraph: it describes one thing. A line that
 * opens with a pronoun ("它于 2023 年上线") goes on about the line above.
 */
const CONTINUES = /^\s*(?:它|其中|该|[这那][门本个些套篇份项]|(?:it|its|this|these|they|their)\b)/iu;

function proseParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  let quoted = false;
  for (const line of text.split("\n")) {
    if (line.trim() === "") {
      quoted = false;
      continue;
    }
    const quote = line.trimStart().startsWith(">");
    const last = paragraphs.at(-1);
    // "  • 开源模型" then "ChatGLM3、Qwen…" flush left: the label's description, as in a list (isLabelOnly).
    const describesLabel = last !== undefined && !last.includes("\n") && isListLine(last) && isLabelOnly(last) && !isListLine(line);
    if ((quote && quoted) || (last !== undefined && CONTINUES.test(line)) || describesLabel)
      paragraphs[paragraphs.length - 1] += `\n${line}`;
    else paragraphs.push(line);
    quoted = quote;
  }
  return paragraphs;
}

/** A passage's top-level list items with their folded forms: they depend on its text alone. */
const foldedListItems = recentlyComputed(1024, (text: string) => {
  // Prose: its paragraphs (one per line here) are its items. "…包括算法工程师…" then "…如AI产品经理…,
  // 平均月薪5-6万": the salary is the product manager's, said in its own paragraph.
  const items = listItems(text) ?? proseParagraphs(text);
  return { items, folded: items.map(fold) };
});

/**
 * In a list-shaped passage, the top-level items that name one of the terms, with their sub-items:
 * a course's teacher or a book's year is on its own item, and a year or a name on the next item
 * is about something else. In prose, the paragraphs that name one. A passage none of whose items
 * or paragraphs names a term comes back whole.
 */
export function itemsNaming(text: string, terms: readonly string[]): string {
  const folded = terms.map(foldForMatching).filter((term) => term !== "");
  // The passage's items are split and folded once, not once per question and passage read.
  const items = foldedListItems(text);
  const naming = items.items.filter((_, i) => folded.some((term) => items.folded[i]!.includes(term)));
  return naming.length > 0 ? naming.join("\n") : text;
}
