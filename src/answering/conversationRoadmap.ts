import { findGlossaryMatches } from "../retrieval/glossary.js";
import { asksLocation } from "../text/questionCues.js";
import { EN_LEAD, pointsAtDocument, pointsBack, size, startsOwnSubject, ZH_LEAD } from "./followUpCues.js";
import { choosesAmongDocuments } from "./followUpScope.js";
import { userQuestions } from "./history.js";
import { picksListedItem } from "./listedItemPick.js";
import type { Turn } from "./types.js";

/**
 * "那最后一篇呢？如果我对原理没兴趣可以跳过吗" after "ninehills 那篇的入门篇看完之后学什么": a question
 * that goes on ("那…", "and …"), or whose own words (`question`, the learner's) read as a follow-up
 * or point inside what was discussed ("里面哪个…", "in there") or at a document ("那篇里", "the same
 * list": pointsAtDocument), without naming a roadmap is about
 * the one the conversation last named (`roadmapNamedIn` reads a question as retrieval does). Its
 * document id, else undefined.
 */
export function conversationRoadmap(
  retrievalQuery: string,
  history: Turn[],
  roadmapNamedIn: (question: string) => string | undefined,
  question?: string,
): string | undefined {
  // Without earlier questions there is no conversation's roadmap: nothing below need be read.
  const earlierQuestions = userQuestions(history);
  if (earlierQuestions.length === 0) return undefined;
  // "哪篇讲得多？", "那其他几份路线呢？": a choice among the roadmaps is not kept inside one of them.
  if (choosesAmongDocuments(question ?? retrievalQuery)) return undefined;
  if (question !== undefined && startsOwnSubject(question)) return undefined;
  const asked = retrievalQuery.trim();
  const goesOn =
    ZH_LEAD.test(asked) ||
    EN_LEAD.test(asked) ||
    (question !== undefined &&
      (pointsBack(question) ||
        pointsAtDocument(question) ||
        picksListedItem(question) ||
        asksLocation(question) ||
        continuesTerm(question, earlierQuestions.at(-1)!)));
  if (!goesOn) return undefined;
  if (roadmapNamedIn(asked) !== undefined) return undefined;
  for (const earlier of earlierQuestions.reverse()) {
    const named = roadmapNamedIn(earlier);
    if (named !== undefined) return named;
  }
  return undefined;
}

/**
 * "论文精读后面接的是哪个？" after "那篇博客里排在论文精读前面的是哪些？": a short question on a field term
 * the previous question asked about goes on in the same conversation, though it has no word of a
 * follow-up. A longer one is a question of its own.
 */
function continuesTerm(question: string, previous: string): boolean {
  if (size(question) > 14) return false;
  const before = new Set(findGlossaryMatches(previous).map((m) => m.surface.toLowerCase()));
  return findGlossaryMatches(question).some((m) => before.has(m.surface.toLowerCase()));
}
