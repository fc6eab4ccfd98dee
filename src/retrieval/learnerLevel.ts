import type { TermGroup } from "./abstention.js";

/**
 * Words of the learner's level: 新手, 小白, 零基础, 初学者, beginner, newbie. They say who asks, not
 * what is asked about; the study genre's documents use them all the time (零基础入门, "for
 * beginners"), so a question about something else in a learner's voice ("12 week half marathon
 * plan for a complete beginner", "考研数学零基础…") shares them with the passages whatever its
 * subject. Against a subject outside the field (outsideSubjects.ts) such a word shows nothing of
 * the field, as a field word the subject qualifies does not (outsideQualifier.ts).
 */
const LEARNER_LEVEL = /^(?:新手|小白|零基础|初学者?|菜鸟|萌新|beginners?|newbies?|novices?|newcomers?)$/u;

/** Whether a word says the learner's level (新手, 零基础, beginner). */
export function isLearnerLevelWord(word: string): boolean {
  return LEARNER_LEVEL.test(word.toLowerCase());
}

/**
 * The levels a plan for anything runs through (从入门到进阶, "beginner to advanced", 中级, 精通): the
 * roadmaps name theirs with the same words, so against a subject outside the field they show
 * nothing of it either.
 */
const PLAN_LEVEL = /^(?:进阶|高级|中级|初级|精通|advanced|intermediate)$/u;

/** Whether a word names a level a plan runs through (进阶, advanced). */
export function isPlanLevelWord(word: string): boolean {
  return PLAN_LEVEL.test(word.toLowerCase());
}

/** The question's term groups less the words of the learner's level and the plan's, read only against an outside subject. */
export function groupsBeyondLearnerLevel(subjects: readonly string[], groups: readonly TermGroup[]): readonly TermGroup[] {
  if (subjects.length === 0) return groups;
  return groups.filter((group) => !isLearnerLevelWord(group.label) && !isPlanLevelWord(group.label));
}

/**
 * Time spans a learner plans in (第一个月, 每周, "how many weeks"): the glossary holds them for the
 * roadmaps' durations, but a plan for anything names them.
 */
const TIME_SPAN = /^(?:个?月|周|每周|星期|天|每天|小时|年|months?|weeks?|weekly|per week|days?|hours?|years?)$/u;

/**
 * Whether a glossary term only says who asks or over what time (新手, beginner, 个月, weeks): no
 * sign of the field in a question whose subject lies outside it (followUp.ts reads a follow-up that
 * names one alone).
 */
export function saysOnlyLevelOrTime(term: string): boolean {
  const word = term.toLowerCase();
  return LEARNER_LEVEL.test(word) || TIME_SPAN.test(word);
}
