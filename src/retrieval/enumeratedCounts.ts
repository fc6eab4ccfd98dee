import { escapeRegExp } from "../text/escapeRegExp.js";

/**
 * How the documents state the size of something they enumerate, read by detailKinds.ts's count
 * check beside its number-and-unit pattern. A count of parts asked in the learner's own unit
 * ("分成几块", "how many parts") is answered by the document's own: "课程分为三个部分", "四个方向". And
 * a series of labelled items ("实战项目一：… 实战项目二：… 实战项目三：…") counts the thing its label
 * names, though no number stands beside a unit anywhere.
 */

const NUMERAL = "[0-9一二三四五六七八九十两兩]+";

/** A number before a noun for a part of a whole: 三个部分, 五个阶段, 3 个方向, 两大板块. */
const PARTS_COUNTED = new RegExp(`${NUMERAL}\\s*(?:个|個|大)?\\s*(?:部分|阶段|階段|章节|章節|方向|模块|模塊|板块|板塊|步骤|步驟)`, "u");

/** Whether a text states how many parts something has, in the documents' words for parts. */
export function partsCounted(text: string): boolean {
  return PARTS_COUNTED.test(text);
}

/** A line opening with a label and an ordinal, then a colon: "实战项目二：", "Step 3:". */
const LABELLED_ITEM = /^\s*(?:[-*+•]\s*)?(\p{Script=Han}{2,8}|[A-Za-z][A-Za-z ]{1,20}?)\s*([一二三四五六七八九十]|\d{1,2})\s*[:：]/u;

const CHINESE_ORDINAL = "一二三四五六七八九十";

function ordinalValue(ordinal: string): number {
  const chinese = CHINESE_ORDINAL.indexOf(ordinal);
  return chinese >= 0 ? chinese + 1 : Number(ordinal);
}

/**
 * The labels of the series of at least two labelled items a text holds, numbered from one on
 * ("实战项目一：", "实战项目二："): each is a count of the thing its label names.
 */
export function labelledSeries(text: string): string[] {
  const next = new Map<string, number>();
  const series = new Set<string>();
  for (const line of text.split("\n")) {
    const match = LABELLED_ITEM.exec(line);
    if (!match) continue;
    const label = match[1]!.trim().toLowerCase();
    const value = ordinalValue(match[2]!);
    const expected = next.get(label) ?? 1;
    if (value !== expected) continue;
    next.set(label, value + 1);
    if (value >= 2) series.add(label);
  }
  return [...series];
}

/**
 * Whether a labelled series in the texts counts a thing the question names ("七阶段那份的实战项目
 * 一共有几个" and 实战项目一/二/三): the series' length is the answer.
 */
export function seriesCountsAsked(question: string, texts: readonly string[]): boolean {
  const asked = question.toLowerCase();
  return texts.some((text) => labelledSeries(text).some((label) => asked.includes(label)));
}

/** Modifiers a counted noun may carry between 个 and itself (大模型应用 of 一个大模型应用框架), at most. */
const MODIFIER_CHARS = 6;

/**
 * Whether a text counts the noun with modifiers between the classifier and it ("至少一个大模型应用
 * 框架" for 几个框架): the documents qualify what they count, the learner names it bare.
 */
export function countedWithModifiers(noun: string, text: string): boolean {
  const pattern = new RegExp(`${NUMERAL}\\s*(?:个|個)[\\p{Script=Han}A-Za-z]{1,${MODIFIER_CHARS}}?${escapeRegExp(noun)}`, "u");
  return pattern.test(text);
}
