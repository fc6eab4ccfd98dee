import { escapeRegExp } from "../text/escapeRegExp.js";

/**
 * "产品经理月薪 5-6 万，那算法岗呢？": a sum the question itself states is what the learner already
 * read, given for something else; the same figure in a passage is not the amount asked. As a
 * duration or a month the question states (detailKinds.ts), it is taken out of the passages before
 * the price check reads them. Called from detailKinds.ts's detailPresent for the price kind.
 */

/** A sum as written: a number or a range, then its unit (万, 千, k, 元, 块, 美元), or a currency sign before it. */
const STATED_AMOUNT =
  /(?:[¥￥$€£]\s*)(\d+(?:[.,]\d+)?(?:\s*[-~～到至]\s*\d+(?:[.,]\d+)?)?)|(\d+(?:\.\d+)?(?:\s*[-~～到至]\s*\d+(?:\.\d+)?)?)\s*(万|萬|千|k\b|元|块|塊|美元|美金|刀|dollars?)/giu;

/** The same figure with any sum's unit or sign, however the range is spaced. */
function figurePattern(figure: string): RegExp {
  const number = figure
    .split(/\s*[-~～到至]\s*/u)
    .map(escapeRegExp)
    .join("\\s*[-~～到至]\\s*");
  return new RegExp(`[¥￥$€£]?\\s*(?<![\\d.])${number}(?!\\d|\\.\\d)\\s*(?:万|萬|千|k\\b|元|块|塊|美元|美金|刀|dollars?)?`, "giu");
}

/** The texts without the sums the question states (unchanged when it states none). */
export function withoutStatedAmounts(texts: readonly string[], question: string): readonly string[] {
  const figures = [...question.matchAll(STATED_AMOUNT)].map((m) => m[1] ?? m[2]!);
  if (figures.length === 0) return texts;
  const patterns = figures.map(figurePattern);
  return texts.map((text) => patterns.reduce((t, pattern) => t.replace(pattern, " "), text));
}
