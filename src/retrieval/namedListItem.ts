import { recentlyComputed } from "../text/recentlyComputed.js";
import { foldForMatching, isListLine, listItems } from "./listItems.js";
import { runsKey } from "./reorderedNames.js";

/**
 * A detail asked of one thing a list names is that thing's item's to give. The documents list
 * courses, books and projects as items that open with the thing's name ("1. **斯坦福CS224n…课程**",
 * "- 《…》") and give its details under it (时长, 链接, 作者); a sibling's hours or link say
 * nothing of it. So when the question names a listed thing by the name its item opens with, the
 * detail check (confidence.ts) reads only that item of the passage, and the lines before the list.
 */

/** A title in book marks, a bold label, or a Latin name with a capital or a digit (CS224n, ChatGPT, Hugging Face). */
const BOOK_TITLE = /《([^》]{2,40})》/gu;
const BOLD_LABEL = /\*\*([^*]{2,40})\*\*/gu;
const LATIN_NAME = /[0-9]*[A-Za-z][A-Za-z0-9-]*[A-Z0-9][A-Za-z0-9-]*|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+/gu;
/**
 * A label before a colon ("- 专业深入：持续学习模式", "入门阶段：每周10-15小时"): a list that gives each
 * stage or thing its line names it by the label.
 */
const COLON_LABEL = /^\s*(?:[-*+]|\d+[.)、])?\s*([^：:，,。；;（([《*]{2,12}?)\s*[：:]/u;
/** A Markdown link's text ("- [大规模语言模型：从理论到实践](https://…)：…"): a reading list names each item so. */
const LINK_TEXT = /\[([^\]]{2,60})\]/gu;
/** A link's target: an address names no thing (the opening's text before it does). */
const LINK_TARGET = /\]\([^)]*\)|https?:\/\/\S+/gu;
/** Shorter folded names than this name nothing in particular (AI, LLM). */
const MIN_NAME = 4;

/** The names an item's opening line gives the thing it lists, folded. */
function itemNames(item: string): string[] {
  const opening = (item.split("\n").find((line) => line.trim() !== "") ?? "").replace(LINK_TARGET, "]");
  const names = [
    ...[...opening.matchAll(BOOK_TITLE), ...opening.matchAll(BOLD_LABEL), ...opening.matchAll(LINK_TEXT)].map((m) => m[1]!),
    ...(opening.match(LATIN_NAME) ?? []),
    ...(COLON_LABEL.exec(opening)?.slice(1) ?? []),
  ].map(foldForMatching);
  return names.filter((name) => name.length >= MIN_NAME);
}

/** An item of a list with the names its opening line gives (itemNames) and their run keys (reorderedNames.ts). */
interface NamingItem {
  item: string;
  names: readonly string[];
  keys: readonly string[];
}

/**
 * Whether an item of a list is named by the question: one of its opening line's names is in it,
 * or is one of its Latin names with the runs reordered (3Blue1Brown for 3brown1blue, reorderedNames.ts).
 */
function namedBy(asked: AskedNames, { names, keys }: NamingItem): boolean {
  return names.some((name, n) => asked.folded.includes(name) || asked.runKeys.has(keys[n]!));
}

interface AskedNames {
  folded: string;
  /** The run keys of the question's Latin words of two runs or more. */
  runKeys: ReadonlySet<string>;
}

function askedNames(question: string): AskedNames {
  const latin = (question.match(/[A-Za-z0-9]+/g) ?? []).filter((word) => /[a-z][0-9]|[0-9][a-z]/i.test(word));
  return { folded: foldForMatching(question), runKeys: new Set(latin.map(runsKey)) };
}

interface ReadItems {
  /** The lines before the list, when the text is one. */
  lead: readonly string[];
  /** The items the question names (empty for prose or a list naming nothing asked). */
  named: string[];
  list: boolean;
}

/** A text's list: the lines before it and its items (those other than the lead), each with its names. */
interface ListedText {
  lead: readonly string[];
  items: readonly NamingItem[];
}

/**
 * A text's list as readItems reads it, by the text: it depends on the text alone, and detail
 * questions read the same leading passages' texts question after question, each cut into items
 * and each item's opening matched against three patterns and folded again (~0.6 % of an ask).
 */
// Prose is `null`, not undefined: a remembered undefined would be computed again.
const listedText = recentlyComputed(256, (text: string): ListedText | null => {
  const items = listItems(text);
  if (!items) return null;
  // Lines before the first item (the heading, "以下课程均免费") are the whole list's.
  const lead = isListLine(items[0]!.split("\n")[0]!) ? [] : [items[0]!];
  const naming = items
    .filter((item) => !lead.includes(item))
    .map((item) => {
      const names = itemNames(item);
      return { item, names, keys: names.map(runsKey) };
    });
  return { lead, items: naming };
});

function readItems(asked: AskedNames, text: string): ReadItems {
  const listed = listedText(text);
  if (!listed) return { lead: [], named: [], list: false };
  return { lead: listed.lead, named: listed.items.filter((item) => namedBy(asked, item)).map(({ item }) => item), list: true };
}

/**
 * The parts of the passages' texts a detail asked by `question` is read in. When the question
 * names an item of some passage's list, each list is read as its named items with the lines before
 * it (a list naming none of them gives only those lines: "约3小时" under another course is not the
 * named one's); prose is read whole. When it names no item, every text is read whole.
 */
export function namedItemsTexts(question: string, texts: readonly string[]): readonly string[] {
  const asked = askedNames(question);
  const read = texts.map((text) => readItems(asked, text));
  if (!read.some((r) => r.named.length > 0)) return texts;
  return texts.map((text, i) => (read[i]!.list ? [...read[i]!.lead, ...read[i]!.named].join("\n") : text));
}
