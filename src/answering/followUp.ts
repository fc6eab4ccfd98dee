/**
 * Offline multi-turn: without a model to condense the conversation, a short follow-up
 * ("那之后呢?", "what about RAG?", "它之前要学什么") borrows the topic of the previous question.
 */
import { statedStageCounts } from "../retrieval/roadmapProfile.js";
import { stageOrdinal } from "../retrieval/stageReference.js";
import { toSimplified } from "../text/script.js";
import type { Turn } from "./types.js";

const HAN_CHAR = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z0-9][A-Za-z0-9+\-.]*/g;

const ZH_LEAD = /^(那么|那|然后|还有|再|接着|此外|另外)/u;
const ZH_TAIL = /(呢|吗)\s*[?？]?\s*$/u;
const ZH_PRONOUN = /(它们|它|这个|那个|这些|那些|该技术|这一步|这个阶段)/u;
const EN_LEAD = /^(and|then|so|also|what about|how about)\b/i;
const EN_PRONOUN = /\b(it|this|that|these|those|them|after that|before that)\b/i;
/** Words that only say "before/after", which a follow-up adds to the previous topic. */
const SEQUENCE_ONLY =
  /(之后|以后|后面|接下来|下一步|[前上下后]一个?阶段|[上下]个阶段|[前上]一步|之前|以前|前面|先学|学什么|该学什么|要学什么|after that|after|next|previous|prior|before that|before|first|then)/giu;
const FILLER = /(那么|那|呢|吗|然后|还有|再|接着|此外|另外|what about|how about|and|so|also|[?？!！。,.，\s])/giu;

function size(question: string): number {
  return (question.match(HAN_CHAR)?.length ?? 0) + (question.match(LATIN_WORD)?.length ?? 0);
}

export function looksLikeFollowUp(question: string): boolean {
  const trimmed = question.trim();
  if (size(trimmed) > 14) return false;
  return ZH_LEAD.test(trimmed) || ZH_TAIL.test(trimmed) || ZH_PRONOUN.test(trimmed) || EN_LEAD.test(trimmed) || EN_PRONOUN.test(trimmed);
}

function lastUserQuestion(history: Turn[]): string | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const turn = history[i]!;
    if (turn.role === "user" && turn.content.trim().length > 0) return turn.content.trim();
  }
  return undefined;
}

/**
 * The retrieval query for a question asked after `history`: the question itself unless it looks
 * like a follow-up, else the question with the previous question's topic carried in.
 * `topicOf` finds the topic of a question (query analysis); without one, the whole previous
 * question is carried.
 */
export function carryTopicIntoQuery(question: string, history: Turn[], topicOf: (question: string) => string | undefined): string {
  const trimmed = toSimplified(question.trim());
  const last = lastUserQuestion(history);
  if (!last || !looksLikeFollowUp(trimmed)) return trimmed;
  const previous = toSimplified(last);
  const standalone = withPreviousTopic(trimmed, previous, topicOf);
  // The roadmap and stage the conversation is about ("那个分七个阶段的路线，第三阶段…") come along,
  // without the previous question's before/after words, which would outvote the new ones.
  const context = previous.replace(SEQUENCE_ONLY, " ").replace(/\s+/g, " ").trim();
  if (!namesRoadmapOrStage(previous) || standalone.includes(context) || standalone.includes(previous)) return standalone;
  return `${standalone} ${context}`;
}

function namesRoadmapOrStage(question: string): boolean {
  return stageOrdinal(question) !== undefined || statedStageCounts(question).length > 0;
}

function withPreviousTopic(trimmed: string, previous: string, topicOf: (question: string) => string | undefined): string {
  const topic = topicOf(previous);
  if (!topic) {
    // The new question's own before/after words and stage ordinal decide, not the old ones.
    const context = new RegExp(SEQUENCE_ONLY.source, "iu").test(trimmed)
      ? previous.replace(SEQUENCE_ONLY, " ").replace(/\s+/g, " ").trim()
      : previous;
    return stageOrdinal(trimmed) ? `${trimmed} ${context}` : `${context} ${trimmed}`;
  }
  if (trimmed.toLowerCase().includes(topic.toLowerCase())) return trimmed;

  const newTopic = trimmed.replace(ZH_PRONOUN, "").replace(EN_PRONOUN, "").replace(SEQUENCE_ONLY, "").replace(FILLER, "").trim();
  // "what about RAG?" after "学完 LoRA 之后该学什么?" asks the same thing about RAG.
  if (newTopic.length >= 2 && previous.includes(topic)) return previous.replace(topic, newTopic);
  if (ZH_PRONOUN.test(trimmed)) return trimmed.replace(ZH_PRONOUN, ` ${topic} `).trim();
  if (EN_PRONOUN.test(trimmed) && !/after that|before that/i.test(trimmed)) return trimmed.replace(EN_PRONOUN, topic);
  // "那之前呢?" → "LoRA 之前呢?": the lead word would otherwise stick to the topic.
  const rest = trimmed.replace(ZH_LEAD, "").replace(EN_LEAD, "").trim();
  return `${topic} ${rest.length > 0 ? rest : trimmed}`;
}
