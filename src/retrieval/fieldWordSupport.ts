import type { TermStatistics } from "./termStatistics.js";

/**
 * Passages of the corpus a word must appear in before its keyness (offFieldSubject.ts) says the
 * field uses it. Keyness is ln(share of chunks holding the word) + its general-language idf; for a
 * word one passage mentions in passing the share is that one mention, and what is left is jieba's
 * idf alone: the word is rare in general language, not shown to be the field's. The study genre the
 * roadmaps are written in brings such mentions (专业课 in one reading list, 读物 in 入门读物, 账号 in
 * a list of Twitter accounts, 计算机 of a 计算机专业 background), and a question about something
 * else in a learner's voice shares them: "考研…专业课怎么安排复习时间", "小红书新账号怎么起号".
 *
 * Read where a subject outside the field is weighed against the field words its passages share
 * (outsideSubjects.ts, the off-field nouns of offFieldSubject.ts), not for the field-paraphrase
 * reading, where learners' paraphrases rely on such words. Cross-validated on tune by blind set
 * (tests/eval/README.md, session 20, q20g).
 */
export const FIELD_WORD_MIN_PASSAGES = 3;

/** Whether the corpus uses a token in enough passages for its keyness to be read (FIELD_WORD_MIN_PASSAGES). */
export function usedAcrossPassages(statistics: TermStatistics): (token: string) => boolean {
  return (token) => statistics.frequency(token) >= FIELD_WORD_MIN_PASSAGES;
}
