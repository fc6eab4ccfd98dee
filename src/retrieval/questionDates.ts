import { parseNumber } from "./stageReference.js";
import { yearMonth } from "./roadmapProfile.js";

/**
 * The months and year-months a question names ("2024年9月那篇", "九月那篇", "the September post"), to
 * be held against the dates a roadmap carries in its first lines (RoadmapProfile.dates, as
 * "YYYY-MM"): a learner names a post by when it was published. Read by the roadmap reference
 * (roadmapReference.ts) and by the detail kinds (a date asked of a document).
 */

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Year-month references in a question: "2024年9月", "2024-09", "Sept 2024", "September of 2024", "二〇二四年九月". */
export function questionDates(question: string): string[] {
  const out: string[] = [];
  // Each pattern below needs a year, written 20xx or 二〇/二零…: most questions have none, and the
  // last pattern is a case-insensitive Unicode alternation, slow on every question (ignoreCaseTest.ts).
  if (!question.includes("20") && !question.includes("二〇") && !question.includes("二零")) return out;
  for (const m of question.matchAll(/(20\d{2})\s*(?:年|[-/.])\s*(\d{1,2})(?!\d)/gu)) out.push(yearMonth(m[1]!, m[2]!));
  // Written in Chinese numerals: 二〇二四年九月, 2024年九月, 二〇二四年9月.
  for (const m of question.matchAll(
    /(20\d{2}|二[〇零][〇零一二三四五六七八九]{2})\s*年\s*(十[一二]?|[一二三四五六七八九]|\d{1,2})\s*月/gu,
  )) {
    if (/^\d+$/.test(m[1]!) && /^\d+$/.test(m[2]!)) continue; // read above
    const year = [...m[1]!].map((digit) => String(parseNumber(digit))).join("");
    out.push(yearMonth(year, String(parseNumber(m[2]!))));
  }
  const named =
    /\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?,?\s+(?:of\s+)?(20\d{2})\b|\b(20\d{2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)/giu;
  for (const m of question.matchAll(named)) {
    const name = (m[1] ?? m[4]!).toLowerCase().slice(0, 3);
    out.push(yearMonth(m[2] ?? m[3]!, String(MONTHS.indexOf(name) + 1)));
  }
  return out;
}

/**
 * Months a question names without a full year ("九月那篇", "9月份的博客", "24年9月那篇", "the September
 * post"), as "01"…"12". Not a stage's month ("第 6 月"), a span ("1-2月") or a count (个月); May and
 * March only capitalised (the verbs may, march).
 */
export function questionMonths(question: string): string[] {
  const out: string[] = [];
  if (question.includes("月"))
    for (const m of question.matchAll(/(?<![\d第\-–~～到至]\s*)(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月/gu)) {
      const n = /^\d+$/u.test(m[1]!) ? Number(m[1]) : parseNumber(m[1]!);
      if (n !== undefined && n >= 1 && n <= 12) out.push(String(n).padStart(2, "0"));
    }
  for (const m of question.matchAll(ENGLISH_MONTH)) {
    const name = m[1]!;
    if (/^(?:may|march)$/u.test(name)) continue; // lower-case: the verbs
    // "May I ask …": the verb, capitalised at the start of a sentence.
    if (name === "May" && /^\s+(?:i|we|you|he|she|they|it)\b/iu.test(question.slice(m.index + m[0].length))) continue;
    out.push(String(MONTHS.indexOf(name.toLowerCase().slice(0, 3)) + 1).padStart(2, "0"));
  }
  return out;
}

const ENGLISH_MONTH =
  /\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?/gi;
