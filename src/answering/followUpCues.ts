/**
 * What a question says of the conversation it is asked in: whether it reads as a follow-up ("那之后呢?",
 * "and the other one?", "它之前要学什么"), what it points back at (a document, a stage, inside what
 * was discussed, an item by its place), and what it says of its own once its before/after words are
 * set aside. How the standalone question is then built is followUp.ts; what a question reaches
 * beyond the setting (another roadmap, a new subject, an item of the last list) is followUpScope.ts.
 */
import { namesMiddleStage } from "../retrieval/middleStage.js";
import { contentSegments } from "../retrieval/analyzeQuery.js";
import { withoutDetailQuestions } from "../retrieval/detailKinds.js";
import { findGlossaryMatches } from "../retrieval/glossary.js";
import { stageOrdinal } from "../retrieval/stageReference.js";
import { POINTED_DOCUMENT } from "../text/documentWords.js";
import { cuePattern, NEXT_CUES, PREVIOUS_CUES } from "../text/questionCues.js";
import { toSimplified } from "../text/script.js";
import { opensNewSubject, pointsAtListedItem } from "./followUpScope.js";

const HAN_CHAR = /\p{Script=Han}/gu;

export const LATIN_WORD = /[A-Za-z0-9][A-Za-z0-9+\-.]*/g;

export const ZH_LEAD = /^(那么|那|然后|还有|再|接着|此外|另外)/u;

const ZH_TAIL = /(呢|吗)\s*[?？]?\s*$/u;

/** "这段", "那一段": a stage pointed at; not 这段话, 这段时间, 那段代码 (a stretch of something else). */
const STAGE_SEGMENT = "一?段(?![话时代文落子路])";

export const ZH_PRONOUN = new RegExp(`(它们|它|这个|那个|这些|那些|该技术|这一步|这个阶段|[这那]一?阶段|[这那]${STAGE_SEGMENT})`, "u");

const OPENS_ON_STAGE = new RegExp(`^[这那该]${STAGE_SEGMENT}`, "u");

/** Pronouns that can only point back, so a longer question with one is still a follow-up. */
const ZH_STRONG_PRONOUN = /(它们|它|这些|那些)/u;

/** "which of those", "among them": a choice among what was said, in a longer English question too. */
const EN_STRONG_PRONOUN = /\b(?:of|among|between)\s+(?:those|them|these|the two|both)\b/iu;

export const EN_LEAD = /^(and|then|so|also|what about|how about|ok|okay)\b/i;

export const EN_PRONOUN = /\b(it|this|that|these|those|them|after that|before that)\b/i;

/** The previous question's before/after words, which a follow-up's own ones replace. */
const SEQUENCE_PATTERNS = [
  ...cuePattern(NEXT_CUES),
  ...cuePattern(PREVIOUS_CUES),
  // "first" as in "learn X first", not "the first stage" (an ordinal the setting keeps).
  /[前上下后]一个?阶段|[上下]个阶段|[前上]一步|学什么|该学什么|要学什么|\b(?:after that|before that|then)\b|\bfirst\b(?!\s+(?:stage|phase|step|part|level)s?\b)/giu,
];

/** Han characters plus latin words: how long a question is in either language. */
export function size(question: string): number {
  return (question.match(HAN_CHAR)?.length ?? 0) + (question.match(LATIN_WORD)?.length ?? 0);
}

/** "cool, and …", "好的，那 …": an acknowledgement before the follow-up says nothing of its own. */
const ACKNOWLEDGEMENT =
  /^(?:(?:cool|nice|great|perfect|thanks|thank you|thx|got it|gotcha|understood|makes sense|that makes sense|sounds good|alright|all right|ok|okay|ah|oh|i see|好的|好|嗯|谢谢|多谢|明白了|懂了|了解|收到)\s*[,，!！.。]+\s*)+/iu;

/**
 * The question without an acknowledgement of the previous answer before it ("Got it. And …"): its
 * "it" points at nothing the learner asks about, and taken for a pronoun it was replaced by a topic.
 */
export function withoutAcknowledgement(question: string): string {
  const rest = question.replace(ACKNOWLEDGEMENT, "");
  return rest.length > 0 ? rest : question;
}

/**
 * "框架方面又推荐了哪些？", "还提到了哪些书": a verb asked again (又, 还, 也) of what the conversation is
 * about: in addition to what the last answer gave.
 */
const ASKED_AGAIN = /(?:又|还|也)(?:推荐|提到|讲|列|给|说|建议|要求|提|介绍|列出)/u;

export function looksLikeFollowUp(question: string): boolean {
  const trimmed = toSimplified(question.trim()).replace(ACKNOWLEDGEMENT, "");
  if (refersOnlyByPosition(trimmed)) return true;
  const length = size(trimmed);
  // "学完这个之后呢？下一阶段要学什么？", "ok. so what's next?": short questions typed as one, none
  // naming anything of its own, are one follow-up however long they are together.
  const clauses = trimmed.split(/(?<=[?？!！。])\s*(?=\S)|(?<=\.)\s+/u).filter((clause) => size(clause) > 0);
  if (
    clauses.length > 1 &&
    clauses.some((clause) => looksLikeFollowUp(clause)) &&
    clauses.every((clause) => !namesSomething(withoutSequenceWords(clause)))
  )
    return true;
  if (length <= 14) {
    return (
      ZH_LEAD.test(trimmed) ||
      ZH_TAIL.test(trimmed) ||
      ZH_PRONOUN.test(trimmed) ||
      EN_LEAD.test(trimmed) ||
      EN_PRONOUN.test(trimmed) ||
      ITEM_ORDINAL.test(trimmed) ||
      ITEM_ORDINAL_EN.test(trimmed) ||
      pointsAtListedItem(trimmed) ||
      // "里面最后一个点是什么？", "what's the first one in there?": inside what was discussed.
      INSIDE_IT.test(trimmed) ||
      ASKED_AGAIN.test(trimmed)
    );
  }
  // "那它下一个阶段呢？要做哪几个项目", "which of those needs the most compute according to the post":
  // a pronoun that can only point back, in a longer question;
  // "any good article on that topic?": so does a demonstrative before a word for "topic".
  // "那最难的那个呢，要用到哪家公司的平台？": so does an item of what the previous answer listed.
  return (
    length <= 24 &&
    (ZH_STRONG_PRONOUN.test(trimmed) ||
      // "这段学完要达到哪几条评估标准？": a question that opens on "this stage" asks of the one discussed.
      OPENS_ON_STAGE.test(trimmed) ||
      // "那排在当中的是哪一段？": the middle of the roadmap discussed (middleStage.ts).
      namesMiddleStage(trimmed) ||
      EN_STRONG_PRONOUN.test(trimmed) ||
      TOPIC_DEMONSTRATIVE.test(trimmed) ||
      pointsAtListedItem(trimmed))
  );
}

/**
 * Words that point at an item by its place and name nothing: "which one first, which one last?",
 * "and the one in the middle?", "其中最后一个呢". A question made only of them (beside question
 * words and filler) is about what the conversation listed, however long it is.
 */
const POSITIONAL_WORDS =
  /^(?:one|ones|first|second|third|fourth|fifth|last|final|middle|meant|supposed|other|others|latter|former|其中|中间|最后|最后一个|第[一二三四五六七八九十\d]+个|哪个|哪一个|个)$/iu;

export function refersOnlyByPosition(question: string): boolean {
  const segments = contentSegments(question);
  return segments.length > 0 && segments.every((segment) => segment.split(/\s+/u).every((word) => POSITIONAL_WORDS.test(word)));
}

/** "that topic", "这个话题", "这方面": the subject the conversation is on, named by a word for a subject. */
export const TOPIC_DEMONSTRATIVE = /\b(?:that|this|the same)\s+(?:topic|subject|area)\b|[这那](?:个|一)?(?:话题|主题|方面)/iu;

/** "第二本讲什么" / "第三门课": an item of a list the previous answer gave, by its place in it. */
export const ITEM_ORDINAL = /第\s*[一二两三四五六七八九十\d]{1,3}\s*(?:本|门|篇|条|种|项|部|份|个)(?!\s*(?:阶段|段|步|部分|章|期))/u;

/**
 * "Who wrote the first one?", "the second book", "the 2nd track": an item of the list the previous
 * answer gave (after a stage question, a stage: BARE_EN_ORDINAL).
 */
export const ITEM_ORDINAL_EN =
  /\bthe\s+(?:first|second|third|fourth|fifth|sixth|last|other|[1-9](?:st|nd|rd|th))\s+(?:one|book|course|paper|item|link|project|track|direction|specialty|specialization|path|role|resource|video|tool|framework|option|topic|area)\b/iu;

/**
 * Whether the learner's question points at a document or a stage the conversation is about without
 * naming it: "那篇里", "同一份清单", "文中", "它说…" (POINTED_DOCUMENT), "这个阶段", "that stage"
 * (STAGE_DEMONSTRATIVE). After a question that named no roadmap ("哪篇讲了 MoE"), they mean the one
 * its answer led with.
 */
export function pointsAtDocument(question: string): boolean {
  const simplified = toSimplified(question);
  return POINTED_DOCUMENT.test(simplified) || STAGE_DEMONSTRATIVE.test(simplified);
}

/** "这个阶段", "that stage": the stage the conversation is at (STAGE_DEMONSTRATIVE). */
export function pointsAtStage(question: string): boolean {
  return STAGE_DEMONSTRATIVE.test(toSimplified(question));
}

/** Words that can only mean "in what we were talking about": 里面, 其中, "in there". */
export const INSIDE_IT = /里面|里头|其中|\bin\s+(?:there|it)\b/iu;

/**
 * The learner's own question reads as a follow-up ("第二部分在讲什么？", "再下一个呢") or points
 * inside what was discussed ("里面哪个打了星标？", "which methods are covered in there?").
 */
export function pointsBack(question: string): boolean {
  // looksLikeFollowUp reads the question in Simplified itself.
  return looksLikeFollowUp(question) || INSIDE_IT.test(toSimplified(question));
}

/** "那一段", "这个阶段", "that stage": the stage the conversation is at. */
export const STAGE_DEMONSTRATIVE = /[这那该][一个]?\s*(?:阶段|段|步)|\b(?:this|that)\s+(?:stage|phase|step|part)\b/iu;

/** Pronouns that stand for the topic itself; 那个/这个/that are also demonstratives ("Hugging Face 那个呢"). */
export const STRONG_PRONOUN = /(它们|它)|\b(?:it|them)\b/iu;

/**
 * "对了，Python 和 Java 哪个工资高？": a new subject, unless a pronoun, a stage by its place or a
 * pointer at the document still points back ("对了，它要学多久？", "对了，第三阶段要多久？", "btw, does that guide …").
 */
export function startsOwnSubject(question: string): boolean {
  const simplified = toSimplified(question);
  return (
    opensNewSubject(simplified) &&
    !STRONG_PRONOUN.test(simplified) &&
    stageOrdinal(simplified) === undefined &&
    !pointsAtDocument(simplified)
  );
}

export function withoutSequenceWords(text: string): string {
  return SEQUENCE_PATTERNS.reduce((rest, pattern) => rest.replace(pattern, " "), text)
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether the question names a topic itself: a field term or a word that is not filler. */
export function namesSomething(question: string): boolean {
  // Words that only ask for a kind of detail (多久, 几个月, how long) name no topic.
  return contentSegments(withoutDetailQuestions(question)).some(
    (segment) => findGlossaryMatches(segment).length > 0 || /[A-Za-z]{2,}/.test(segment),
  );
}
