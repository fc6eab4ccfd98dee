import { parseNumber } from "./stageReference.js";
import { gatedTest, mayMatchGated } from "../text/questionGate.js";

/**
 * The counts a question states of a roadmap's parts: its stages ("7个阶段", "three stages", "分六段
 * 的那份") or the items of a list it is ("四个方向", "four approaches"), never an ordinal ("第三阶段").
 * A learner names a roadmap by its shape (roadmapReference.ts); a follow-up that states a count
 * names a roadmap of its own (followUp.ts).
 */

const COUNT_PATTERNS = [
  /([零〇一二两三四五六七八九十\d]{1,3})\s*(?:个)?\s*(?:大)?(?:阶段|段|步|部分|篇|章节|stages?\b|phases?\b)/giu,
  /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+(?:stages?|steps?|phases?|parts?|levels?|chapters?|sections?)\b/giu,
];

/**
 * Counts of a list's items ("四个方向", "四条路子", "four approaches", "the four-item list", "4 numbered
 * steps"): a roadmap whose stages are the items of a numbered list (corpus/leadingList.ts) is
 * described so. Such a count says less than a count of stages (four ways of doing anything): it
 * names the roadmap alone only when said of a document (text/documentWords.ts: SAYS_DOCUMENT), else adds to other naming words.
 */
const LIST_COUNT_PATTERNS = [
  // "列了四点", "分四条", "只有四点的短文": a count of points a text lists or has in all, never a
  // clock's hour (四点钟, 四点半; a bare 有 is left out: "有四点的课" is a time).
  /(?:列|分|讲|写|只有|就有|一共|共有|总共|只)了?\s*([零〇一二两三四五六七八九十\d]{1,2})\s*(?:点|条)(?![钟半前后多])/gu,
  /([零〇一二两三四五六七八九十\d]{1,2})\s*(?:个|条|種|种|类|項|项)\s*(?:大)?(?:方向|路子|路线|路|做法|方法|方式|玩法|方案|选择|条目|点)/gu,
  /\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)(?:\s+numbered)?[\s-]+(?:items?|directions?|approach(?:es)?|ways?|routes?|paths?|options?|points?|numbered\s+steps?)\b/giu,
];

/** Whether each of LIST_COUNT_PATTERNS can match a text at all, from the question's shared reading (questionGate.ts). */
const mayStateItemCount = LIST_COUNT_PATTERNS.map(mayMatchGated);

/** Item counts a question states ("四个方向", "four approaches"), never ordinals ("第四个"). */
export function statedItemCounts(question: string): number[] {
  return countsStated(question, LIST_COUNT_PATTERNS, mayStateItemCount);
}

/**
 * A count right after a course, a book, a project or a video counts its parts ("那门课三个部分",
 * "the course's three parts", "llm-course 分三部分"), not the roadmap's stages.
 */
export const OTHER_THING_BEFORE =
  /(?:课|課|课程|課程|书|書|项目|項目|视频|視頻|影片|教程|course'?s?|book'?s?|project'?s?|video'?s?)\s*(?:的|has|with|in|is split into|(?:一共|共)?分(?:成|为|了)?|(?:一共|共)有)?\s*$/iu;

/** Words before a count that pick stages out of a roadmap ("前三个", "最后两个", "the first three"). */
const STAGES_PICKED_BEFORE = /(?:前|后|頭|头|最后|最後|\b(?:first|last|final|next|other)\s+)$/iu;

/** The counts of two or more the patterns' first group reads in a question, never an ordinal (第…). */
function countsStated(question: string, patterns: readonly RegExp[], mayMatch?: readonly ((text: string) => boolean)[]): number[] {
  const counts: number[] = [];
  for (const [k, pattern] of patterns.entries()) {
    // A pattern the question's shared reading closes finds nothing in it (questionGate.ts).
    if (mayMatch && !mayMatch[k]!(question)) continue;
    for (const match of question.matchAll(pattern)) {
      const at = match.index ?? 0;
      if (question[at - 1] === "第" || OTHER_THING_BEFORE.test(question.slice(Math.max(0, at - 12), at))) continue;
      // "前三个阶段", "the first three stages": some of a roadmap's stages, not how many it has.
      if (STAGES_PICKED_BEFORE.test(question.slice(Math.max(0, at - 8), at))) continue;
      const n = parseNumber(match[1]!);
      if (n !== undefined && n >= 2) counts.push(n);
    }
  }
  return counts;
}

/** The text of each stage count a question states ("三个阶段", "three-stage"). */
export function countExpressions(question: string): string[] {
  return COUNT_PATTERNS.flatMap((pattern) =>
    [...question.matchAll(pattern)].filter((m) => question[(m.index ?? 0) - 1] !== "第").map((m) => m[0]),
  );
}

/**
 * A stage word of COUNT_PATTERNS, with their flags: every count either finds holds one, so a
 * question without any (most) states no count (through the twin on a plain one, ignoreCaseTest.ts).
 */
const mayStateCount = gatedTest(/段|步|部分|篇|章节|stage|phase|step|part|level|chapter|section/iu);

/** Stage counts a question states ("7个阶段", "three stages"), never ordinals ("第三阶段"). */
export function statedStageCounts(question: string): number[] {
  return mayStateCount(question) ? countsStated(question, COUNT_PATTERNS) : [];
}
