/**
 * How far a question asked inside a conversation reaches: a follow-up is read in the conversation's
 * setting (followUp.ts), but some questions leave part of that setting behind by what they ask.
 *   - "哪篇讲得多？", "which roadmap goes deepest on agents?" asks to choose among the roadmaps, so it
 *     cannot be kept inside the one the conversation was about;
 *   - "那其他几份路线也有推荐吗？", "what do the other guides say?" asks about the roadmaps the
 *     conversation was not about;
 *   - "对了，…", "话说…", "by the way, …" opens a new subject: nothing earlier is carried into it;
 * and some questions reach back whatever their length: "最难的那个", "the agent one", "which ones",
 * "另外两种" point at things the previous answer listed (pointsAtListedItem).
 */
import { OTHER_DOCUMENTS, WHICH_DOCUMENT } from "../text/documentWords.js";
import { opensAside } from "../retrieval/digression.js";
import { toSimplified } from "../text/script.js";

/** Words that open a new subject at the start of a question (before any comma). */
const NEW_SUBJECT = /^(?:对了|话说|欸?话说|顺便问一?下|顺便问问|换个话题|题外话|\b(?:by the way|btw|off topic|unrelated)\b)/iu;

/** Whether the question asks which document (so no one roadmap of the conversation holds its answer). */
export function choosesAmongDocuments(question: string): boolean {
  const simplified = toSimplified(question);
  return WHICH_DOCUMENT.test(simplified) || OTHER_DOCUMENTS.test(simplified);
}

/**
 * Whether the question opens a new subject ("对了，…", "by the way, …", "cool. totally unrelated, but …",
 * "好的，换个话题"): it is read on its own. The openers after a thanks or an interjection are those
 * retrieval reads a digression by (digression.ts).
 */
export function opensNewSubject(question: string): boolean {
  const simplified = toSimplified(question.trim());
  return NEW_SUBJECT.test(simplified.replace(/^[欸诶哎啊嗯呃]+[，,\s]*/u, "")) || opensAside(simplified);
}

/**
 * An item of what the previous answer listed, named by a modifier with its noun left out or as the
 * rest of the list: "最难的那个", "入门的那本", "另外两种", "剩下的几个", "the agent one", "which ones",
 * "the other two". Not an ordinal ("第二个", "the first one": the stage or item by its place, read
 * in followUpCues.ts and followUp.ts) and not "那个" alone after a name ("Hugging Face 那个呢").
 */
const LISTED_ITEM =
  /\p{Script=Han}的那一?[个种本门篇项条类]|(?:另外|其他|其它|剩下|剩余)的?[几两三四五六\d]*[个种本门项条类]|\bthe\s+(?!(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|next|same|other|right|only|best|main)\b)[a-z][a-z-]*\s+one\b|\bwhich\s+ones\b|\bthe\s+(?:other|remaining)\s+(?:ones|two|three|four)\b|\bthe\s+rest\s+of\s+them\b/iu;

/** Whether the question points at an item (or the rest) of what the previous answer listed. */
export function pointsAtListedItem(question: string): boolean {
  return LISTED_ITEM.test(toSimplified(question));
}
