import type { TermGroup } from "./abstention.js";

/**
 * Words that ask for a way to learn something: 入门, 学习路线, 读书路线, 教程, 课程, 书, "roadmap",
 * "learning path", "tutorial". They say what kind of answer the learner wants (a plan, a book, a
 * course), not what it is about; the roadmaps are that kind of answer for their own field, so they
 * use these words everywhere, and a question asking the same of another trade or exam ("前端开发零基础
 * 入门有什么学习路线", "想考公务员，有没有入门的读书路线", "a learning path for becoming a Java backend
 * developer") shares them with the passages whatever its subject. Against a subject outside the field
 * (outsideSubjects.ts) such a word shows nothing of the field, as a word of the learner's level does
 * not (learnerLevel.ts). The words for a plan's shape (阶段, 步骤, 计划, "step-by-step plan", "stages") are
 * such words too: "a plan in stages" is what the learner wants of the other subject, and 阶段 is
 * the roadmaps' word for their own plans, so it is in every top passage.
 */
const STUDY_REQUEST =
  /^(?:入门|学习路线|学习路径|路线|路线图|路径|教程|课程|网课|书|书籍|教材|roadmaps?|learning paths?|paths?|tutorials?|courses?|books?|guides?|阶段|步骤|计划|规划|steps?|stages?|phases?|plans?)$/u;

/** Whether a word asks for a way to learn (入门, 学习路线, roadmap, book). */
export function asksWayToLearn(word: string): boolean {
  return STUDY_REQUEST.test(word.toLowerCase());
}

/** The question's term groups less the words that ask for a way to learn, read only against an outside subject. */
export function groupsBeyondStudyRequest(subjects: readonly string[], groups: readonly TermGroup[]): readonly TermGroup[] {
  if (subjects.length === 0) return groups;
  return groups.filter((group) => !asksWayToLearn(group.label));
}
