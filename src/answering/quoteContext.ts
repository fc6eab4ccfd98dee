import { indentOf, isListLine } from "../retrieval/listItems.js";
import { recentlyComputed } from "../text/recentlyComputed.js";
import { keyItems } from "./roadmapSummary.js";
import { lineText } from "./sentenceSelection.js";

/** A sentence that announces the list under it: it ends in a colon, or says "as follows" (各章节的学习目标如下。). */
const INTRODUCES_ITEMS = /(?:[：:]|如下[。.]?|as follows[.:]?)$/iu;

/**
 * What a quoted sentence needs from around it to be read alone, in a list-shaped passage:
 *   - the label of the item it is a sub-item of ("需要算力最多" under "4. 预训练：…" is about 预训练),
 *     or of the bulleted label a paragraph is indented under;
 *   - for a bare label quoted alone ("  • 进阶项目"), the paragraph indented under it;
 *   - the items a sentence ending in a colon or "如下" introduces ("可选择以下方向深入：" → 应用开发方向、…);
 *   - the one or two short sub-items of a quoted list item ("1. 微调：Lora->垂类" → 适用于用户意图识别).
 * Only from the passage's own lines, read as the sentences were cut from them (lineText), so a
 * quoted sentence finds its line.
 */
const MAX_LABEL_CHARS = 24;
const MAX_INTRODUCED = 6;
const MAX_CHILDREN = 2;
const MAX_CHILD_CHARS = 30;

/** Whether every 《 and ( opened in a text is closed in it. */
function balanced(text: string): boolean {
  const count = (pattern: RegExp) => (text.match(pattern) ?? []).length;
  return count(/《/gu) === count(/》/gu) && count(/[(（]/gu) === count(/[)）]/gu);
}

/**
 * A top-level bullet that is only a short name, its content on the line under it ("  • 进阶项目"
 * then "物流行业 RAG 问答系统…"): no punctuation of a sentence or an aside, and no item above it.
 */
const TRAILING_ABBREVIATION = /\s*[（(][A-Za-z][A-Za-z0-9 .+-]{0,30}[)）]$/u;

function isBareLabel(line: string, topLevel: number): boolean {
  const text = lineText(line);
  // A name with its abbreviation after it ("监督微调(SFT)") is still a bare label.
  const name = text.replace(TRAILING_ABBREVIATION, "");
  if (!isListLine(line) || text === "" || Array.from(text).length > MAX_LABEL_CHARS || /[：:，,。；;（）()「」《》!?！？]/u.test(name))
    return false;
  return indentOf(line) === topLevel;
}

/** An item's label: the words before its colon, or the whole line when short ("4. 预训练：创造…" → 预训练). */
function labelOf(line: string): string | undefined {
  const text = lineText(line);
  // A linked item ("- [大语言模型](https://…)【必看】") is named by its link text.
  const link = /^\[([^\]]{1,40})\]\(/u.exec(text);
  if (link) return link[1]!.trim();
  const labelled = /^([^：:]{1,40}?)\s*[：:]/u.exec(text);
  // A colon inside a title ("《人工智能：现代方法》相关章节") does not end the label.
  const label = labelled && balanced(labelled[1]!) ? labelled[1]!.trim() : text;
  return label.length > 0 && Array.from(label).length <= MAX_LABEL_CHARS ? label : undefined;
}

export interface QuoteContext {
  /** The label of the item the quote sits under. */
  parent?: string;
  /** What a bare label quoted alone ("  • 进阶项目") says: the paragraph indented under it. */
  body?: string;
  /** The items a sentence ending in a colon introduces. */
  introduced?: string[];
  /** The few short sub-items of a quoted list item, which say what it is for. */
  children?: string[];
}

/** A passage's lines, each as quoted (lineText), and the indentation of its top-level items. */
interface PassageLines {
  lines: readonly string[];
  texts: readonly string[];
  topLevel: number;
  /** The context of each sentence quoted from it so far: the same sentences are quoted question after question. */
  quoted: Map<string, Readonly<QuoteContext>>;
}

/** Contexts kept per passage; a passage has a few dozen sentences, so this only bounds odd callers. */
const MAX_QUOTED_PER_PASSAGE = 256;

/**
 * The lines of recently quoted passages: an answer quotes several sentences of one passage, and
 * the same top passages come back question after question. Keyed by the text (a passage's text
 * is one string object, whose hash V8 keeps).
 */
const passageLines = recentlyComputed(1024, (chunkText: string): PassageLines => {
  const lines = chunkText.split(/\r?\n/);
  return {
    lines,
    texts: lines.map(lineText),
    topLevel: Math.min(...lines.filter((l) => isListLine(l)).map(indentOf)),
    quoted: new Map(),
  };
});

/** What a sentence quoted from a passage needs from around it (see above); read it, do not change it. */
export function quoteContext(chunkText: string, sentence: string): Readonly<QuoteContext> {
  const passage = passageLines(chunkText);
  let context = passage.quoted.get(sentence);
  if (context === undefined) {
    context = contextIn(passage, sentence);
    if (passage.quoted.size >= MAX_QUOTED_PER_PASSAGE) passage.quoted.clear();
    passage.quoted.set(sentence, context);
  }
  return context;
}

function contextIn({ lines, texts, topLevel }: PassageLines, sentence: string): QuoteContext {
  // The line that is the sentence, else the first that holds it ("实战项目" is also in "实战项目二：…").
  const exact = texts.indexOf(sentence);
  const at = exact >= 0 ? exact : texts.findIndex((text) => text.includes(sentence));
  if (at < 0) return {};
  const line = lines[at]!;
  const context: QuoteContext = {};
  // topLevel: the indentation of the passage's top-level items.
  const indent = indentOf(line);
  if (isListLine(line) && indent > 0) {
    for (let i = at - 1; i >= 0; i--) {
      const above = lines[i]!;
      if (above.trim() === "") continue;
      if (indentOf(above) < indent) {
        // Only an item above is a parent: a bullet after a paragraph is not part of it.
        const label = isListLine(above) ? labelOf(above) : undefined;
        if (label && !sentence.includes(label)) context.parent = label;
        break;
      }
    }
  } else if (!isListLine(line)) {
    // A paragraph right under a bare bulleted label ("  • 进阶项目" then "物流行业 RAG 问答系统…").
    const above = lines.slice(0, at).findLast((l) => l.trim() !== "");
    if (above !== undefined && isBareLabel(above, topLevel)) context.parent = lineText(above);
  }
  if (isBareLabel(line, topLevel) && lineText(line) === sentence) {
    const next = lines.slice(at + 1).find((below) => below.trim() !== "");
    if (next !== undefined && !isListLine(next)) context.body = lineText(next);
  }
  if (isListLine(line) && texts[at] === sentence && !INTRODUCES_ITEMS.test(sentence)) {
    // An item whose few short sub-items say what it is for ("1. 微调：Lora->垂类" then
    // "- 适用于用户意图识别"): the item quoted alone leaves out its point.
    const direct = outermost(listLinesBelow(lines, at, indent)).map(lineText);
    if (direct.length > 0 && direct.length <= MAX_CHILDREN && direct.every((t) => Array.from(t).length <= MAX_CHILD_CHARS))
      context.children = direct;
  }
  if (INTRODUCES_ITEMS.test(sentence)) {
    const items = keyItems(outermost(listLinesBelow(lines, at, -1, MAX_INTRODUCED * 2)).join("\n"), []);
    if (items.length > 0) context.introduced = items.slice(0, MAX_INTRODUCED);
  }
  return context;
}

/**
 * The list lines right under line `at` (blank lines skipped), at most `max`: up to the first line
 * that is no list item or is indented no deeper than `deeperThan` columns.
 */
function listLinesBelow(lines: readonly string[], at: number, deeperThan: number, max = Infinity): string[] {
  const below: string[] = [];
  for (let i = at + 1; i < lines.length && below.length < max; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    if (!isListLine(line) || indentOf(line) <= deeperThan) break;
    below.push(line);
  }
  return below;
}

/** The least indented of list lines: the items themselves, not their sub-items. */
function outermost(items: readonly string[]): string[] {
  const least = Math.min(...items.map(indentOf));
  return items.filter((line) => indentOf(line) === least);
}
