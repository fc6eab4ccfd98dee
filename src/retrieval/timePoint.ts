import { recentlyComputed } from "../text/recentlyComputed.js";

/**
 * "By month five, which stage should I be on?", "第 3 周该学到哪", "学了四个月以后该进哪个阶段": a
 * question that locates a stage by a point in the learner's calendar. Only a roadmap that lays its
 * stages out in time (months or weeks: "(2-3 个月)", "第 1-2 月", "持续1-2个月") can answer it; a
 * roadmap that states no span of time anywhere places nothing at month five, whatever stage its
 * passages show. Read in Simplified characters (questions are converted first).
 */

const ZH_NUMBER = "(?:\\d{1,2}|[一二两三四五六七八九十]{1,3})";
const EN_NUMBER = "(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
const EN_ORDINAL = "(?:\\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)";

const TIME_POINT = new RegExp(
  [
    // 第五个月, 第 3-5 月, 第三周: the place of a month or week in the calendar.
    `第\\s*${ZH_NUMBER}(?:\\s*[-~～到至]\\s*${ZH_NUMBER})?\\s*个?\\s*(?:月|周|週|星期)`,
    // 学了四个月以后, 三周之后, 五个月的时候: a span gone by.
    `${ZH_NUMBER}\\s*(?:个\\s*(?:月|星期)|周|週)\\s*(?:以后|之后|后|的时候|时)`,
    // "month five", "week 3"; "the fifth month"; "after 4 months", "by six weeks".
    `\\b(?:month|week)\\s+${EN_NUMBER}\\b`,
    `\\b${EN_ORDINAL}\\s+(?:month|week)\\b`,
    `\\b(?:after|by|within)\\s+(?:the\\s+)?${EN_NUMBER}\\s+(?:months?|weeks?)\\b`,
  ].join("|"),
  "iu",
);

/** Whether the question locates something by a point in time (a month or week of the calendar). */
export function asksTimePoint(question: string): boolean {
  return TIME_POINT.test(question);
}

/**
 * A span of months, weeks or days a text states ("2-3 个月", "第 1-2 月", "持续1-2个月", "3 weeks"):
 * not a date's month (2024年9月, 9月5日), nor a rate per week alone (每周10小时 states hours).
 */
const SPAN_STATED = new RegExp(
  [
    `(?<![年\\d/.-])\\d{1,2}\\s*(?:[-~～到至]\\s*\\d{1,2}\\s*)?(?:个\\s*)?(?:月|周|週|星期|天)(?!\\s*\\d{1,2}\\s*[日号])`,
    `[一二两三四五六七八九十]{1,3}\\s*(?:个\\s*(?:月|星期)|周|週|天)`,
    `\\b\\d{1,2}\\s*(?:-\\s*\\d{1,2}\\s*)?(?:months?|weeks?|days?)\\b`,
  ].join("|"),
  "iu",
);

/** Documents' texts whose answer is remembered: more than a corpus of roadmaps holds. */
const DOCUMENTS_REMEMBERED = 16;

/**
 * Whether a document states any span of time its stages could be placed on. Remembered for the
 * last few texts: a time-point question reads its roadmap's whole text, the same few documents'
 * texts question after question.
 */
export const statesTimeSpans: (text: string) => boolean = recentlyComputed(DOCUMENTS_REMEMBERED, (text: string) => SPAN_STATED.test(text));
