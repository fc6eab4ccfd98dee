import { escapeRegExp } from "../text/escapeRegExp.js";
import { recentlyComputed } from "../text/recentlyComputed.js";

/**
 * "产品经理月薪 5-6 万，那算法岗呢？": a sum the question itself states is what the learner already
 * read, given for something else; the same figure in a passage is not the amount asked. As a
 * duration or a month the question states (detailKinds.ts), it is taken out of the passages before
 * the price check reads them. Likewise a count: "640 份报告合集里，金融的占几份？" states the 640 the
 * passage gives, so it does not say how many are on finance. Called from detailKinds.ts's
 * detailPresent for the price and count kinds.
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

/**
 * The texts with every match of the patterns blanked (unchanged when there are none): what a
 * question states, taken out before a detail check reads the passages. The patterns are global;
 * each replace starts them over at 0.
 */
export function withoutMatches(texts: readonly string[], patterns: readonly RegExp[]): readonly string[] {
  if (patterns.length === 0) return texts;
  return texts.map((text) => patterns.reduce((t, pattern) => t.replace(pattern, " "), text));
}

/**
 * Questions whose stated figures are remembered: the detail check runs for the top passages and
 * again for each sentence an answer weighs, always with the same question.
 */
const RECENT_QUESTIONS = 64;

const statedAmountPatterns = recentlyComputed(RECENT_QUESTIONS, (question: string): readonly RegExp[] =>
  [...question.matchAll(STATED_AMOUNT)].map((m) => figurePattern(m[1] ?? m[2]!)),
);

/** The texts without the sums the question states (unchanged when it states none). */
export function withoutStatedAmounts(texts: readonly string[], question: string): readonly string[] {
  return withoutMatches(texts, statedAmountPatterns(question));
}

/** A count as written: a number, then a measure word (640 份, 54 个, 3 本, 7 门). */
const STATED_COUNT = /(?<![\d.])(\d+)\s*(份|个|個|篇|本|门|門|项|項|条|條|章|部|套|集|节|節|道|种|種)/gu;

const statedCountPatterns = recentlyComputed(RECENT_QUESTIONS, (question: string): readonly RegExp[] =>
  [...question.matchAll(STATED_COUNT)].map((m) => new RegExp(`(?<![\\d.])${m[1]}\\s*${m[2]}`, "gu")),
);

/** The texts without the counts the question states, each with its own measure word (unchanged when it states none). */
export function withoutStatedCounts(texts: readonly string[], question: string): readonly string[] {
  return withoutMatches(texts, statedCountPatterns(question));
}
