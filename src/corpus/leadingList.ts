/**
 * A numbered list that stands where a document's headings would: before its first heading (or in
 * a document with none), items numbered 1, 2, 3 … each naming a direction or step ("1. 微调：Lora->垂类"
 * with its sub-items). Such a list is the document's outline there, so its items become sections:
 * "what comes after the third one" and "the second of the four" can then be answered from it, as
 * from 第N阶段 lines. A list inside a section is that section's content (a course's parts, a reading
 * list) and stays text.
 */

/** "1. ", "2、", "3)", "4）", "①": a top-level item's number (at most one space of indentation). */
const NUMBERED_ITEM = /^ ?(?:(\d{1,2})[.、)）]|([①②③④⑤⑥⑦⑧⑨⑩]))\s*(\S.*)$/u;
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩";
/** Fewer items than this are a passing pair, not an outline. */
const MIN_ITEMS = 3;
/** An item names a thing ("RAG", "提示词工程"); what follows its colon describes it and may be longer. */
const MAX_LABEL_CHARS = 24;
const MAX_ITEM_CHARS = 80;
const SENTENCE_PUNCTUATION = /[。！？!?；;，,]/u;

export interface LeadingListItem {
  /** 0-based line of the item's number. */
  lineIndex: number;
  /** 0-based last line of the item: its own line, its sub-items and indented continuation. */
  endLineIndex: number;
  /** The item's line as written, trimmed ("3. 提示词工程"). */
  text: string;
}

/** Whether a line is a numbered item whose text names a thing: the shape of a list item that is a heading. */
export function isNumberedItemLine(line: string): boolean {
  const match = NUMBERED_ITEM.exec(line);
  return match !== null && namesAThing(match[3]!);
}

/**
 * The first numbered list of at least three items in lines [from, to), if every item names a thing
 * and the numbers run 1, 2, 3 … without a break. The list ends at the first unindented line that is
 * not its next item.
 */
export function findLeadingList(lines: readonly string[], inFence: readonly boolean[], from: number, to: number): LeadingListItem[] {
  for (let index = from; index < to; index++) {
    if (inFence[index] || numberOf(lines[index] ?? "") !== 1) continue;
    const items = listFrom(lines, inFence, index, to);
    if (items.length >= MIN_ITEMS) return items;
  }
  return [];
}

function listFrom(lines: readonly string[], inFence: readonly boolean[], start: number, to: number): LeadingListItem[] {
  const items: LeadingListItem[] = [];
  for (let index = start; index < to; index++) {
    const line = lines[index] ?? "";
    if (line.trim() === "") continue;
    const number = inFence[index] ? undefined : numberOf(line);
    if (number === items.length + 1) {
      if (!isNumberedItemLine(line)) return [];
      items.push({ lineIndex: index, endLineIndex: index, text: line.trim() });
      continue;
    }
    // Sub-items and continuation lines are indented; anything else unindented ends the list.
    if (!/^\s/.test(line) || inFence[index]) break;
    items[items.length - 1]!.endLineIndex = index;
  }
  return items;
}

function numberOf(line: string): number | undefined {
  const match = NUMBERED_ITEM.exec(line);
  if (!match) return undefined;
  return match[1] !== undefined ? Number(match[1]) : CIRCLED.indexOf(match[2]!) + 1;
}

/** An item's label (before its colon) is a short name, not a sentence; the whole item is a line, not a paragraph. */
function namesAThing(itemText: string): boolean {
  const text = itemText.trim();
  if (text.length > MAX_ITEM_CHARS) return false;
  const label = text.split(/[:：]/u)[0]!.trim();
  const outsideBrackets = label.replace(/[(（[【][^)）\]】]*[)）\]】]/gu, "");
  return label !== "" && label.length <= MAX_LABEL_CHARS && !SENTENCE_PUNCTUATION.test(outsideBrackets) && !/[。.]$/u.test(label);
}
