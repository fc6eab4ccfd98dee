/**
 * A follow-up on the stage the previous before/after answer gave: "那再下一段呢？" after "「应用实践」之后
 * 是哪一段？" moves on from that stage, "what's in there?" asks inside it. Only that answer's retrieval
 * knows the stage, so the answerer retrieves the previous question again for such a follow-up
 * (ExtractiveAnswerer.withAnsweredStage) and asks the follow-up of the stage it gave.
 */
import { sequenceIntent } from "../retrieval/analyzeQuery.js";
import { withoutDetailQuestions } from "../retrieval/detailKinds.js";
import { stageOrdinal } from "../retrieval/stageReference.js";
import { toSimplified } from "../text/script.js";
import {
  EN_LEAD,
  INSIDE_IT,
  looksLikeFollowUp,
  namesSomething,
  STAGE_DEMONSTRATIVE,
  withoutSequenceWords,
  ZH_LEAD,
} from "./followUpCues.js";
import { EN_STAGE_WORDS, stepAsked, withoutWordsOf } from "./stageMoves.js";

/**
 * How a follow-up reads the stage the previous before/after answer gave, when it moves on from it
 * again or points into it; undefined otherwise. "那再下一段呢？" after "「应用实践」之后是哪一段？"
 * moves on from the stage that answer named (the previous question asked of it: "again"); "what's
 * the first sub-direction in there?" after "what section comes after the application one?" asks
 * inside it ("inside"). A stage by its place moves by its number instead (moved, in resolve).
 */
export function readsAnsweredStage(question: string, previous: string): "again" | "inside" | undefined {
  const asked = toSimplified(question.trim());
  const direction = sequenceIntent(previous);
  if (direction === null || stageOrdinal(previous) !== undefined || stageOrdinal(asked) !== undefined) return undefined;
  if (!looksLikeFollowUp(asked) && !INSIDE_IT.test(asked)) return undefined;
  // "再下一个呢": a bare step moves as a sequence cue does.
  const own = stepAsked(asked);
  if (own === direction && !namesSomething(withoutWordsOf(previous, withoutSequenceWords(asked).replace(EN_STAGE_WORDS, " "))))
    return "again";
  // "那里面说的「分专业方向」…" names what it asks about: it is no question about the stage.
  return own === null && !QUOTED_NAME.test(asked) && (INSIDE_IT.test(asked) || STAGE_DEMONSTRATIVE.test(asked)) ? "inside" : undefined;
}

/** A name the learner quotes («「分专业方向」», "'LLM interview questions'"). */
const QUOTED_NAME = /[「『“"'‘][^」』”"'’]{2,}[」』”"'’]/u;

/**
 * The follow-up read in the stage `stage` the previous answer gave (readsAnsweredStage): "again"
 * asks the previous question of that stage, in place of its topic (with a detail the follow-up adds:
 * "那再下一段要多久？"); "inside" asks the follow-up of it. Undefined when the previous topic is not
 * in the previous question's words.
 */
export function askedOfAnsweredStage(
  question: string,
  previous: string,
  reading: "again" | "inside",
  stage: string,
  topicOf: (question: string) => string | undefined,
): string | undefined {
  const asked = toSimplified(question.trim());
  if (reading === "inside")
    return `${asked.replace(INSIDE_IT, " ").replace(STAGE_DEMONSTRATIVE, " ").replace(/\s+/g, " ").trim()} ${stage}`;
  const topic = topicOf(previous);
  if (topic === undefined || !previous.includes(topic)) return undefined;
  const again = previous.replace(topic, stage);
  const own = withoutSequenceWords(asked.replace(ZH_LEAD, "").replace(EN_LEAD, "")).replace(/^[\s?？]+|[\s?？]+$/gu, "");
  return withoutDetailQuestions(own) !== own ? `${own} ${again}` : again;
}
