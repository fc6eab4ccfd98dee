/**
 * Offline multi-turn: without a model to condense the conversation, a follow-up with no topic of
 * its own ("那之后呢?", "and the other one?", "它之前要学什么") is read in the conversation's
 * setting. One mechanism, JSON and streamed alike:
 *   - each earlier user question is resolved against the ones before it, so the setting (the
 *     roadmap, stage and topic last talked about) carries through a chain of follow-ups, and a
 *     standalone question starts a new one;
 *   - the new question keeps its own intent (its before/after words, its stage ordinal, its
 *     question words) and borrows what it leaves out: a bare follow-up gets the previous topic
 *     (or the whole previous question), a pronoun is replaced by the topic, a new topic with no
 *     question of its own ("那 RAG 呢?") is asked the previous question;
 *   - when the conversation named a roadmap or a stage, that setting comes along without its
 *     before/after words (they would outvote the new ones), without its stage when the new
 *     question names another ("最后一个 stage 呢?"), and one stage on when a bare follow-up moves on
 *     from a question that already moved ("第一阶段学什么" → "之后呢?" → "再之后呢?"); a stage by its
 *     name moves on from, or is looked inside, the stage the previous answer gave (readsAnsweredStage,
 *     which the answerer resolves with one more retrieval).
 * What a question reaches beyond the setting (another roadmap, a new subject, an item of the last
 * list) is followUpScope.ts; the other side of a judgement (优点 → 缺点) is counterparts.ts.
 */
import { contentSegments, sequenceIntent } from "../retrieval/analyzeQuery.js";
import { withoutDetailQuestions } from "../retrieval/detailKinds.js";
import { findGlossaryMatches } from "../retrieval/glossary.js";
import { statedStageCounts } from "../retrieval/roadmapProfile.js";
import { replaceStageOrdinals, stageOrdinal, type StageOrdinal } from "../retrieval/stageReference.js";
import { escapeRegExp } from "../text/escapeRegExp.js";
import { asksLocation, cuePattern, NEXT_CUES, PREVIOUS_CUES } from "../text/questionCues.js";
import { toSimplified } from "../text/script.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import { askedOfCounterpart } from "./counterparts.js";
import { choosesAmongDocuments, opensNewSubject, pointsAtListedItem } from "./followUpScope.js";
import type { Turn } from "./types.js";

const HAN_CHAR = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z0-9][A-Za-z0-9+\-.]*/g;

const ZH_LEAD = /^(那么|那|然后|还有|再|接着|此外|另外)/u;
const ZH_TAIL = /(呢|吗)\s*[?？]?\s*$/u;
const ZH_PRONOUN = /(它们|它|这个|那个|这些|那些|该技术|这一步|这个阶段|[这那]一?阶段)/u;
/** Pronouns that can only point back, so a longer question with one is still a follow-up. */
const ZH_STRONG_PRONOUN = /(它们|它|这些|那些)/u;
const EN_LEAD = /^(and|then|so|also|what about|how about|ok|okay)\b/i;
const EN_PRONOUN = /\b(it|this|that|these|those|them|after that|before that)\b/i;
/** The previous question's before/after words, which a follow-up's own ones replace. */
const SEQUENCE_PATTERNS = [
  ...cuePattern(NEXT_CUES),
  ...cuePattern(PREVIOUS_CUES),
  // "first" as in "learn X first", not "the first stage" (an ordinal the setting keeps).
  /[前上下后]一个?阶段|[上下]个阶段|[前上]一步|学什么|该学什么|要学什么|\b(?:after that|before that|then)\b|\bfirst\b(?!\s+(?:stage|phase|step|part|level)s?\b)/giu,
];
// The English fillers as whole words: "Andrew", "also" and "notebook" hold no "and", "so" or "ok".
const FILLER = /(那么|那|呢|吗|然后|还有|再|接着|此外|另外|\b(?:what about|how about|and|so|also|ok|okay)\b|[?？!！。,.，\s])/giu;
/** Words that make the question a question of its own ("那它推荐什么书?" asks something new). */
const OWN_QUESTION =
  /什么|什麼|哪|怎么|怎樣|怎样|如何|多少|多[长久大高快远]|几|幾|为什么|是否|吗|嗎|\b(?:what|which|how|why|when|where|who|is|are|does|do|can|should)\b/iu;

/** A closing clause that asks the previous question again of the new topic ("那 X 呢，也有吗"). */
const ASKS_ALSO = /[，,]?\s*(?:也|还|同样)(?:有|是|能|要|会|可以|适合|讲|推荐|提到)[^，,。？?]{0,6}[吗嗎][？?]?\s*$/u;

/** Han characters plus latin words: how long a question is in either language. */
function size(question: string): number {
  return (question.match(HAN_CHAR)?.length ?? 0) + (question.match(LATIN_WORD)?.length ?? 0);
}

export function looksLikeFollowUp(question: string): boolean {
  const trimmed = toSimplified(question.trim());
  if (refersOnlyByPosition(trimmed)) return true;
  const length = size(trimmed);
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
      INSIDE_IT.test(trimmed)
    );
  }
  // "那它下一个阶段呢？要做哪几个项目": a pronoun that can only point back, in a longer question;
  // "any good article on that topic?": so does a demonstrative before a word for "topic".
  // "那最难的那个呢，要用到哪家公司的平台？": so does an item of what the previous answer listed.
  return length <= 24 && (ZH_STRONG_PRONOUN.test(trimmed) || TOPIC_DEMONSTRATIVE.test(trimmed) || pointsAtListedItem(trimmed));
}

/**
 * Words that point at an item by its place and name nothing: "which one first, which one last?",
 * "and the one in the middle?", "其中最后一个呢". A question made only of them (beside question
 * words and filler) is about what the conversation listed, however long it is.
 */
const POSITIONAL_WORDS =
  /^(?:one|ones|first|second|third|fourth|fifth|last|final|middle|meant|supposed|other|others|latter|former|其中|中间|最后|最后一个|第[一二三四五六七八九十\d]+个|哪个|哪一个|个)$/iu;

function refersOnlyByPosition(question: string): boolean {
  const segments = contentSegments(question);
  return segments.length > 0 && segments.every((segment) => segment.split(/\s+/u).every((word) => POSITIONAL_WORDS.test(word)));
}

/** "that topic", "这个话题", "这方面": the subject the conversation is on, named by a word for a subject. */
const TOPIC_DEMONSTRATIVE = /\b(?:that|this|the same)\s+(?:topic|subject|area)\b|[这那](?:个|一)?(?:话题|主题|方面)/iu;

function userQuestions(history: Turn[]): string[] {
  return history.filter((turn) => turn.role === "user" && turn.content.trim().length > 0).map((turn) => toSimplified(turn.content.trim()));
}

/**
 * The retrieval query for a question asked after `history`: the question itself unless it looks
 * like a follow-up, else the question read in the conversation's setting (see the file comment).
 * `topicOf` finds the topic of a question (query analysis); without one, the whole previous
 * question is carried.
 */
export function carryTopicIntoQuery(
  question: string,
  history: Turn[],
  topicOf: (question: string) => string | undefined,
  roadmapNamedIn?: (question: string) => string | undefined,
): string {
  const read = (asked: string, previous: string) =>
    (roadmapNamedIn && inAnotherRoadmap(asked, previous, topicOf, roadmapNamedIn)) ?? resolve(asked, previous, topicOf);
  let setting: string | undefined;
  for (const earlier of userQuestions(history)) setting = setting === undefined ? earlier : read(earlier, setting);
  const trimmed = toSimplified(question.trim());
  return setting === undefined ? trimmed : read(trimmed, setting);
}

/**
 * "what about in the CSDN three-phase one?" / "那 ninehills 那份里呢？" after a question about
 * another roadmap: the same topic, asked of the roadmap the follow-up names. The previous
 * question's own roadmap words stay behind (carried, they would name two roadmaps and neither
 * would lead). Undefined when the question is no follow-up, names no roadmap, or the same one.
 */
function inAnotherRoadmap(
  asked: string,
  previous: string,
  topicOf: (question: string) => string | undefined,
  roadmapNamedIn: (question: string) => string | undefined,
): string | undefined {
  if (!looksLikeFollowUp(asked)) return undefined;
  const named = roadmapNamedIn(asked);
  const before = roadmapNamedIn(previous);
  if (named === undefined || before === undefined || named === before) return undefined;
  // A topic that names the roadmap itself ("the seven-stage roadmap") is no topic here: the field
  // terms of the previous question are.
  let topic = topicOf(previous);
  if (topic === undefined || roadmapNamedIn(topic) !== undefined)
    topic = [...new Set(findGlossaryMatches(previous).map((m) => m.surface))].filter((t) => roadmapNamedIn(t) === undefined).join(" ");
  return topic && !mentions(asked, topic) ? `${asked} ${topic}` : asked;
}

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
      (pointsBack(question) || pointsAtDocument(question) || asksLocation(question) || continuesTerm(question, earlierQuestions.at(-1)!)));
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

/**
 * Words that point at a document or a stage the conversation is about without naming it: "那篇里",
 * "同一份清单", "文中", "它说…", "这个阶段", "that article", "the same list", "does it say …". After a
 * question that named no roadmap ("哪篇讲了 MoE"), they mean the one its answer led with.
 */
const DOCUMENT_POINTER =
  /(?:[这那该]|同一)[一个]?\s*(?:篇|份|张图|(?:路线|清单|列表|指南|文章|博客|笔记|教程)(?:图)?)(?!\s*(?:[上下前后]|之[前后]))|文中|文里|文章[里中]|(?:路线|清单|列表|指南|博客|笔记)(?:图)?[里中上]|它(?:[还也又]?(?:说|讲|提|推荐|建议|要|列|写|有没有说|有说))|\b(?:that|this|the same|same)\s+(?:article|post|blog|guide|roadmap|list|reading list|document|doc|page|piece|stage|phase|section)\b|\b(?:does|did)\s+(?:it|they|the (?:article|guide|list|post|roadmap|author))\s+(?:say|mention|suggest|recommend|list|cite|give|talk|explain|pair|cover)|\bit\s+(?:says|recommends|mentions|suggests|lists|pairs)\b|\bin\s+(?:it|there)\b/iu;

/** Whether the learner's question points at a document or a stage the conversation has been about (DOCUMENT_POINTER, STAGE_DEMONSTRATIVE). */
export function pointsAtDocument(question: string): boolean {
  const simplified = toSimplified(question);
  return DOCUMENT_POINTER.test(simplified) || STAGE_DEMONSTRATIVE.test(simplified);
}

/** "这个阶段", "that stage": the stage the conversation is at (STAGE_DEMONSTRATIVE). */
export function pointsAtStage(question: string): boolean {
  return STAGE_DEMONSTRATIVE.test(toSimplified(question));
}

/** Words that can only mean "in what we were talking about": 里面, 其中, "in there". */
const INSIDE_IT = /里面|里头|其中|\bin\s+(?:there|it)\b/iu;

/**
 * The learner's own question reads as a follow-up ("第二部分在讲什么？", "再下一个呢") or points
 * inside what was discussed ("里面哪个打了星标？", "which methods are covered in there?").
 */
function pointsBack(question: string): boolean {
  // looksLikeFollowUp reads the question in Simplified itself.
  return looksLikeFollowUp(question) || INSIDE_IT.test(toSimplified(question));
}

function withoutSequenceWords(text: string): string {
  return SEQUENCE_PATTERNS.reduce((rest, pattern) => rest.replace(pattern, " "), text)
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether the question names a topic itself: a field term or a word that is not filler. */
function namesSomething(question: string): boolean {
  // Words that only ask for a kind of detail (多久, 几个月, how long) name no topic.
  return contentSegments(withoutDetailQuestions(question)).some(
    (segment) => findGlossaryMatches(segment).length > 0 || /[A-Za-z]{2,}/.test(segment),
  );
}

function namesRoadmapOrStage(question: string): boolean {
  return stageOrdinal(question) !== undefined || statedStageCounts(question).length > 0;
}

/** Whether the question names a field term the previous question did not. */
function namesNewTerm(question: string, previous: string): boolean {
  const before = previous.toLowerCase();
  return findGlossaryMatches(question).some((m) => !before.includes(m.surface.toLowerCase()));
}

/** A stage reference as words ("第3阶段", "最后一个阶段"). */
function samePlace(ordinal: StageOrdinal): string {
  if (ordinal.from === "start") return `第${ordinal.position}阶段`;
  return ordinal.position === 1 ? "最后一个阶段" : `倒数第${ordinal.position}阶段`;
}

/** A stage reference moved one step in `direction` ("第一阶段" after "之后" → "第2阶段"); "" when it leaves the roadmap. */
function moved(ordinal: StageOrdinal, direction: "next" | "previous"): string {
  const step = direction === "next" ? 1 : -1;
  if (ordinal.from === "start") return ordinal.position + step >= 1 ? `第${ordinal.position + step}阶段` : "";
  const fromEnd = ordinal.position - step;
  return fromEnd < 1 ? "" : fromEnd === 1 ? "最后一个阶段" : `倒数第${fromEnd}阶段`;
}

/** "第二本讲什么" / "第三门课": an item of a list the previous answer gave, by its place in it. */
const ITEM_ORDINAL = /第\s*[一二两三四五六七八九十\d]{1,3}\s*(?:本|门|篇|条|种|项|部|份|个)(?!\s*(?:阶段|段|步|部分|章|期))/u;

/** "Who wrote the first one?", "the second book": an item of the list the previous answer gave (after a stage question, a stage: BARE_EN_ORDINAL). */
const ITEM_ORDINAL_EN = /\bthe\s+(?:first|second|third|fourth|fifth|sixth|last|other)\s+(?:one|book|course|paper|item|link|project)\b/iu;

/** "第二个" / "the second one" after a stage question: the noun is left out, the stage is meant. */
const BARE_ZH_ORDINAL = /第\s*([一二两三四五六七八九十\d]{1,3})\s*个(?!\s*(?:阶段|段|步|部分|篇|章|期|[Ss]tage|[Pp]hase|[Ss]tep))/u;
const BARE_EN_ORDINAL = /\bthe\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\s+one\b/iu;
/** "that 80% number", "this course": a demonstrative before a noun (not "that is", "that one"). */
const EN_DETERMINER =
  /\b(?:that|this|these|those)\s+(?!(?:is|was|are|were|one|ones|stage|phase|step|part|topic|subject|area)\b)[A-Za-z0-9%]/iu;
/** Pronouns that stand for the topic itself; 那个/这个/that are also demonstratives ("Hugging Face 那个呢"). */
const STRONG_PRONOUN = /(它们|它)|\b(?:it|them)\b/iu;
/** A choice among alternatives ("哪个更费算力?") that the question itself does not list. */
const CHOICE = /哪个|哪一个|哪种|哪一种|\bwhich\b/iu;
const ALTERNATIVES = /[和跟与或]|还是|\bor\b|\bvs\.?|\bversus\b|[,，、]/iu;
const LATIN_TERM = /^[A-Za-z0-9][A-Za-z0-9 +\-.]*$/;

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
  const own = sequenceIntent(asked);
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

/**
 * "对了，Python 和 Java 哪个工资高？": a new subject, unless a pronoun, a stage by its place or a
 * pointer at the document still points back ("对了，它要学多久？", "对了，第三阶段要多久？", "btw, does that guide …").
 */
function startsOwnSubject(question: string): boolean {
  const simplified = toSimplified(question);
  return (
    opensNewSubject(simplified) &&
    !STRONG_PRONOUN.test(simplified) &&
    stageOrdinal(simplified) === undefined &&
    !pointsAtDocument(simplified)
  );
}

/** Whether `question` names `topic` itself ("QLoRA" does not name "LoRA"). */
function mentions(question: string, topic: string): boolean {
  if (!LATIN_TERM.test(topic)) return question.includes(topic);
  const escaped = escapeRegExp(topic);
  return new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, "iu").test(question);
}

/** `question` read after `previous` (itself already resolved against the conversation before it). */
function resolve(asked: string, previous: string, topicOf: (question: string) => string | undefined): string {
  if (startsOwnSubject(asked)) return asked;
  // "那缺点呢？" after "…有什么优点？": the previous question, of the other side.
  const otherSide = askedOfCounterpart(asked, previous);
  if (otherSide !== undefined) return otherSide;
  // A short question that names nothing ("要学多久?", "how long?") can only be about the conversation.
  if (!looksLikeFollowUp(asked) && (size(asked) > 8 || namesSomething(asked))) return asked;
  const previousOrdinal = stageOrdinal(previous) !== undefined;
  const question = previousOrdinal ? asked.replace(BARE_ZH_ORDINAL, "第$1阶段").replace(BARE_EN_ORDINAL, "the $1 stage") : asked;
  const ownOrdinal = stageOrdinal(question) !== undefined;
  const onFromStage = ownOrdinal ? undefined : movedOn(question, previous, previousOrdinal);
  if (onFromStage !== undefined) return onFromStage;
  // "and the one in the middle?": an item of what the previous question listed, asked by its place.
  if (!ownOrdinal && refersOnlyByPosition(question)) return `${question} ${previous}`;
  // A stage reference is the topic of a stage question; a topic found beside it is noise.
  const topic = previousOrdinal ? undefined : topicOf(previous);
  const ownWords = withoutSequenceWords(question.replace(ZH_PRONOUN, "").replace(EN_PRONOUN, "")).replace(FILLER, "").trim();
  // "那 LangChain 那门课呢，也有吗": asking the same of a new topic; the clause asks nothing of its own.
  const asksAlso = ASKS_ALSO.test(question);
  const named = asksAlso ? question.replace(ASKS_ALSO, " ") : question;
  const ownPhrase = withoutSequenceWords(named.replace(ZH_PRONOUN, " ").replace(EN_PRONOUN, " "))
    .replace(FILLER, " ")
    .replace(/\s+/g, " ")
    .trim();
  const rest = question.replace(ZH_LEAD, "").replace(EN_LEAD, "").trim() || question;
  const pronoun =
    TOPIC_DEMONSTRATIVE.test(question) ||
    ZH_PRONOUN.test(question) ||
    (EN_PRONOUN.test(question) && !/after that|before that/i.test(question));
  const bare = ownWords.length < 2;

  // The roadmap and stage the conversation is about.
  const previousDirection = sequenceIntent(previous);
  let setting = previous;
  if (ownOrdinal) setting = replaceStageOrdinals(setting, () => "");
  else if (bare && !pronoun && previousDirection) setting = replaceStageOrdinals(setting, (o) => moved(o, previousDirection));
  // "那一段具体包含什么" after "X 那段学完之后学啥": the stage that answer gave, so the direction stays.
  const answeredStage =
    previousDirection !== null && !ownOrdinal && sequenceIntent(question) === null && STAGE_DEMONSTRATIVE.test(question);
  if (!answeredStage) setting = withoutSequenceWords(setting);

  // "and for the applied practice stage?" after "how many hours … for the entry stage?": the same
  // question of the stage it names.
  const swapped = withStageSwapped(question, previous);
  if (swapped !== undefined) return swapped;
  // "第二本讲什么" after "入门阶段推荐了哪些书": the list is the previous question's.
  // "最难的那个", "the agent one", "另外两种": an item (or the rest) of that list, by what sets it apart.
  if ((ITEM_ORDINAL.test(question) || ITEM_ORDINAL_EN.test(question) || pointsAtListedItem(question)) && !ownOrdinal)
    return `${question} ${setting}`;
  let standalone: string;
  const asksOwnQuestion = (OWN_QUESTION.test(rest) && !asksAlso) || sequenceIntent(question) !== null || ownOrdinal;
  if (topic && mentions(question, topic)) standalone = question;
  else if (!bare && topic && previous.includes(topic) && !asksOwnQuestion && !STRONG_PRONOUN.test(question) && !answeredStage) {
    // "what about RAG?" / "Hugging Face 那个呢?" after "学完 LoRA 之后该学什么?" asks the same thing about it.
    const substituted = previous.replace(topic, withElidedNoun(ownPhrase, topic, question));
    // The roadmap the conversation named stays, even when its words were taken for the topic.
    return namesRoadmapOrStage(previous) && !namesRoadmapOrStage(substituted) ? `${substituted} ${setting}` : substituted;
  } else if (pronoun) {
    // "that stage" after a before/after question is the stage that answer gave, not the topic.
    const meant = answeredStage ? "" : (topic ?? "");
    standalone = TOPIC_DEMONSTRATIVE.test(question)
      ? question.replace(TOPIC_DEMONSTRATIVE, ` ${meant} `)
      : ZH_PRONOUN.test(question)
        ? question.replace(ZH_PRONOUN, ` ${meant} `)
        : // "where does that 80% number come from?": a determiner before a noun keeps its noun (and
          // the words asking about it); the topic goes beside it, not in its place.
          EN_DETERMINER.test(question)
          ? `${question} ${meant}`
          : question.replace(EN_PRONOUN, meant);
    standalone = standalone.replace(/\s+/g, " ").trim();
  } else if (bare) {
    // "那之前呢?" → "LoRA 之前呢?": the lead word would otherwise stick to the topic.
    const carried = topic ?? (sequenceIntent(question) ? setting : previous);
    standalone = ownOrdinal ? `${question} ${carried}` : topic ? `${carried} ${rest}` : `${carried} ${question}`;
    if (!topic) return standalone;
  } else if (!namesSomething(question) || (CHOICE.test(question) && !ALTERNATIVES.test(question) && ALTERNATIVES.test(previous))) {
    // "那第二多的是哪个?" / "那哪个更费算力?": a question of its own about what the previous one named.
    return `${question} ${setting}`;
  } else if (previousOrdinal && !asksOwnQuestion && namesNewTerm(question, previous)) {
    // "那模型架构那块呢？" after "最后一个阶段里伦理与安全有哪些？": the new topic in place of the old one,
    // in the same stage (the roadmap comes with the conversation: conversationRoadmap).
    return `${question} ${samePlace(stageOrdinal(previous)!)}`;
  } else standalone = question;

  if (!namesRoadmapOrStage(previous) || setting.length === 0 || standalone.includes(setting)) {
    // "ok and the third part is about what exactly?", "里面最后一个点是什么？": a place in what the
    // previous question was about, asked by its place alone.
    return standalone === question && asksByPlaceIn(question, ownOrdinal) ? `${question} ${setting}` : standalone;
  }
  return `${standalone} ${setting}`;
}

/** "the entry stage", "the applied practice phase": an English stage named by its words (not "the five-stage guide"). */
const EN_NAMED_STAGE = /\bthe\s+((?:[a-z][a-z-]*\s+){1,3}?)(?:stage|phase)\b/iu;
/** What a follow-up that only names another stage says beside it ("and for …?", "what about …?"). */
const EN_STAGE_FOLLOW_UP_WORDS = /\b(?:and|so|ok|okay|what|about|how|for|in|then|the)\b|[?？.!\s]/giu;

/**
 * The previous question asked of the stage an English follow-up names, when the follow-up says
 * nothing else ("and for the applied practice stage?") and the previous question named a stage
 * by its words; undefined otherwise.
 */
function withStageSwapped(question: string, previous: string): string | undefined {
  const named = EN_NAMED_STAGE.exec(question);
  const before = EN_NAMED_STAGE.exec(previous);
  if (!named || !before || named[1]!.trim().toLowerCase() === before[1]!.trim().toLowerCase()) return undefined;
  if (question.replace(named[0], " ").replace(EN_STAGE_FOLLOW_UP_WORDS, "").length > 0) return undefined;
  return `${previous.slice(0, before.index)}${named[0]}${previous.slice(before.index + before[0].length)}`;
}

/** A place in a list ("最后一个", "第三个", "the first", "the last"), whatever the noun after it. */
const PLACE_WORD = /最后一个|最後一個|第\s*[一二三四五六七八九十\d]{1,3}\s*个|\b(?:first|second|third|fourth|fifth|last)\b/iu;

/**
 * Whether a question asks for something by its place (an ordinal of its own, or a place word)
 * inside what was discussed: it points inside ("里面", "in there") or names no field term itself.
 */
function asksByPlaceIn(question: string, ownOrdinal: boolean): boolean {
  if (!ownOrdinal && !PLACE_WORD.test(question)) return false;
  return INSIDE_IT.test(question) || findGlossaryMatches(withoutDetailQuestions(question)).length === 0;
}

/**
 * "那下一阶段呢?" / "and the next one?" after "第三阶段学什么" (a stage by its place or its name,
 * asked without a direction of its own): the previous question about the stage one step on
 * ("第4阶段学什么", "入门阶段之后要多久"); a detail the follow-up asks itself ("那下一阶段要多久?")
 * comes along. Undefined when the follow-up moves nowhere, names a topic, or the step leaves the
 * roadmap.
 */
function movedOn(question: string, previous: string, byPlace: boolean): string | undefined {
  const direction = sequenceIntent(question);
  // "and the projects for the stage right after that one?" after a question about the first
  // stage's projects names nothing the previous question did not: it only moves.
  const own = withoutWordsOf(previous, withoutSequenceWords(question).replace(EN_STAGE_WORDS, " "));
  if (!direction || sequenceIntent(previous) || namesSomething(own)) return undefined;
  const stepped = byPlace ? stepByPlace(previous, direction) : stepByName(previous, direction);
  if (stepped === undefined) return undefined;
  const asked = withoutSequenceWords(question.replace(ZH_LEAD, "").replace(EN_LEAD, "")).replace(/^[\s?？]+|[\s?？]+$/gu, "");
  return withoutDetailQuestions(asked) !== asked ? `${asked} ${stepped}` : stepped;
}

/** `text` without the Latin words and glossary terms `previous` also uses (compared case-insensitively). */
function withoutWordsOf(previous: string, text: string): string {
  const before = previous.toLowerCase();
  let rest = text.replace(LATIN_WORD, (word) =>
    new RegExp(`(?<![a-z0-9])${escapeRegExp(word.toLowerCase())}`, "u").test(before) ? " " : word,
  );
  for (const match of findGlossaryMatches(rest)) if (before.includes(match.surface.toLowerCase())) rest = rest.replace(match.surface, " ");
  return rest;
}

/** The question with its stage ordinal moved one step ("第三阶段" → "第4阶段"); undefined past either end. */
function stepByPlace(previous: string, direction: "next" | "previous"): string | undefined {
  let left = false;
  const stepped = replaceStageOrdinals(previous, (ordinal) => {
    const to = moved(ordinal, direction);
    left ||= to === "";
    return to;
  });
  return left || stepped === previous ? undefined : stepped;
}

/** The question with the direction after the stage it names ("入门阶段" → "入门阶段之后"): the retriever finds that stage's neighbour. */
function stepByName(previous: string, direction: "next" | "previous"): string | undefined {
  const named = [...previous.matchAll(NAMED_STAGE)].find(
    // Not an ordinal, a demonstrative or a count: "三阶段" in "CSDN那篇三阶段的" is the roadmap's shape.
    (m) => !/^第|[个一几哪这那每各该本零〇一二两三四五六七八九十\d]$/u.test(m[1]!),
  );
  if (!named) return undefined;
  const at = named.index + named[0].length;
  return `${previous.slice(0, at)}${direction === "next" ? "之后" : "之前"}${previous.slice(at)}`;
}

/** A stage by its name ("入门阶段", "0x20 应用篇"): its name is the characters before 阶段 or 篇, no particle among them. */
const NAMED_STAGE = /((?:(?![的之里在中与和及])\p{Script=Han}){2,8}?)(?:阶段|篇)/gu;

/** "那一段", "这个阶段", "that stage": the stage the conversation is at. */
const STAGE_DEMONSTRATIVE = /[这那该][一个]?\s*(?:阶段|段|步)|\b(?:this|that)\s+(?:stage|phase|step|part)\b/iu;

/** Words of "and the next one?" / "what about the stage after?" that name no topic. */
const EN_STAGE_WORDS =
  /\b(?:the|a|one|ones|stage|stages|phase|phases|step|steps|part|parts|level|move|moving|go|going|on|to|comes?|right|just|immediately|straight|it|that|this)\b/giu;

/**
 * "那高阶的呢?" / "中间那个呢" after "推荐的初级项目是啥": a modifier with 的 or a demonstrative
 * leaves out the noun it describes, which is the previous topic's last word (高阶的 → 高阶项目).
 */
function withElidedNoun(phrase: string, topic: string, question: string): string {
  const modifier = /^(\p{Script=Han}+?)的?$/u.exec(phrase)?.[1];
  if (!modifier || !new RegExp(`${modifier}\\s*(?:的|那个|这个|那种|这种)`, "u").test(question)) return phrase;
  const words = tokenizeForSearch(topic).filter((t) => /^\p{Script=Han}{2,}$/u.test(t));
  const head = words.at(-1);
  return head && topic.endsWith(head) && !modifier.endsWith(head) ? `${modifier}${head}` : phrase;
}
