import { ignoreCaseTwin } from "../text/ignoreCaseTest.js";
import type { TermGroup } from "./abstention.js";
import { offFieldWords } from "./offFieldSubject.js";
import type { TermStatistics } from "./termStatistics.js";

/**
 * A question that says it steps aside from what the conversation is about, and asks about a thing
 * of its own: "顺便问下 Kaggle 账号被 ban 了怎么申诉？", "对了，现在 Python 和 Java 哪个工资高啊？",
 * "unrelated, but how do I center a div?". A learner who opens a question this way says it leaves
 * what was being talked about, learning the field; its field words (Kaggle, Python) are where it
 * leaves from, not what it asks, and the passages they find answer the field's side of it, not
 * this one. Such a question is answered `low` at best (confidence.ts).
 *
 * Only a question that also has a word of its own does: a Chinese word no chunk, no everyday use
 * and no vocabulary of the field names (申诉, 纠结: offFieldSubject.ts), or a Latin word the corpus
 * does not use, in itself or through CC-CEDICT (ban, rebase; not worth, which reaches 价值), and no
 * glossary term covers. "对了，那 LoRA 和 QLoRA 有啥区别？" turns to another topic of the field and
 * keeps its confidence.
 */

/**
 * The openers that set a question beside the conversation, after an interjection or a thanks for the
 * last answer at most ("ok unrelated but", "cool, thanks. btw", "好的谢谢，顺便问下"). 对了 ("oh, right") opens a new topic only before a pause (对了，): "对了吗" asks
 * whether something was right. Read on the question in Simplified characters.
 */
const DIGRESSION_OPENER = new RegExp(
  [
    "^\\s*(?:(?:ok|okay|oh|also|and|cool|nice|great|thanks|thank you|thx|got it|嗯|哦|噢|啊|好的|谢谢|多谢|收到|明白了|懂了)[\\s,，.。!！]*){0,2}",
    "(?:顺便问(?:一下|下|问)?|另外问(?:一下|下)?|(?:说|插|问)?(?:个|句|一个)?题外话|跑(?:个|一下)题|对了[，,\\s]",
    // A change of subject said outright: 换个话题, 问个别的, 跟这个无关 / 跟学习没关系的问题.
    "|换(?:个|一个)?话题|(?:问|说|聊)(?:个|一个|点|些)(?:别的|其他|其它)",
    "|(?:问(?:个|一个|句))?(?:跟|和|与)(?:这个?|这些|上面的?|刚才的?|前面的?|学习|大模型|ai)?\\s*(?:的?(?:话题|问题|内容))?\\s*(?:无关|没关系|没有关系|没啥关系|不相关)",
    "|by the way\\b|btw\\b|random question\\b|side question\\b",
    // "totally unrelated", "a bit off-topic", "quick unrelated question": a degree or a size before the word.
    "|(?:(?:totally|completely|entirely|somewhat|slightly|kinda|kind of|sort of|a bit|a little|quick|small|random)\\s+)?(?:unrelated|off[- ]topic)\\b",
    "|(?:on\\s+)?(?:a\\s+)?(?:different|another|unrelated|separate)\\s+(?:topic|note|subject)\\b|chang(?:e|ing)\\s+(?:the\\s+)?(?:subject|topic)\\b)",
  ].join(""),
  "iu",
);

/**
 * Whether the question opens by stepping aside (DIGRESSION_OPENER), read on Simplified characters:
 * a follow-up that says so is read on its own, not with the conversation's topic (followUpScope.ts).
 */
export function opensAside(question: string): boolean {
  return digressionOpenerFor(question).test(question);
}

/** DIGRESSION_OPENER or its twin (`iu`, read on every question: ignoreCaseTest.ts), which finds the same match. */
const digressionOpenerFor = ignoreCaseTwin(DIGRESSION_OPENER);

/**
 * Whether the question opens by stepping aside (DIGRESSION_OPENER) and has a word of its own outside
 * the opener: an off-field Chinese word, or a Latin one `latinUsed` (QuestionJudge.latinWordUsed)
 * says the corpus does not use. `groups` are the question's term groups (abstention.ts), read on `question`.
 */
export function digressesToItsOwn(
  question: string,
  groups: readonly TermGroup[],
  statistics: TermStatistics,
  latinUsed: (token: string) => boolean,
): boolean {
  const opener = digressionOpenerFor(question).exec(question)?.[0].toLowerCase();
  if (opener === undefined) return false;
  // The opener's own words (顺便, btw, unrelated, 换个话题) are how the question steps aside, not its subject.
  const asked = groups.filter((group) => !opener.includes(group.label.toLowerCase()));
  if (offFieldWords(asked, statistics).length > 0) return true;
  // A glossary term's group has its names for tokens: only a plain word stands alone.
  return asked.some((group) => group.tokens.length === 1 && LATIN_TERM.test(group.tokens[0]!) && !latinUsed(group.tokens[0]!));
}

const LATIN_TERM = /^[a-z][a-z0-9-]*$/;
