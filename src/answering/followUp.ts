/**
 * Offline multi-turn: without a model to condense the conversation, a follow-up with no topic of
 * its own ("那之后呢?", "and the other one?", "它之前要学什么") is read in the conversation's
 * setting. This file builds that standalone question, one mechanism, JSON and streamed alike:
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
 *     from a question that already moved ("第一阶段学什么" → "之后呢?" → "再之后呢?": stageMoves.ts).
 * Whether a question reads as a follow-up and what it points back at is followUpCues.ts; a stage by
 * its name moved on from, or looked inside, after a before/after answer is answeredStage.ts; the
 * roadmap a conversation is about is conversationRoadmap.ts; what a question reaches beyond the
 * setting (another roadmap, a new subject, an item of the last list) is followUpScope.ts; the other
 * side of a judgement (优点 → 缺点) is counterparts.ts; a part of a topic whose parts were asked is
 * partsFollowUp.ts.
 */
import { sequenceIntent } from "../retrieval/analyzeQuery.js";
import { withoutDetailQuestions } from "../retrieval/detailKinds.js";
import { findGlossaryMatches } from "../retrieval/glossary.js";
import { saysOnlyLevelOrTime } from "../retrieval/learnerLevel.js";
import { namesMiddleStage } from "../retrieval/middleStage.js";
import { outsideSubjectsIn } from "../retrieval/outsideSubjects.js";
import { statedStageCounts } from "../retrieval/stageCounts.js";
import { replaceStageOrdinals, stageOrdinal } from "../retrieval/stageReference.js";
import { escapeRegExp } from "../text/escapeRegExp.js";
import { simplifiedQuestion } from "../text/taiwanSenses.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import { askedOfCounterpart } from "./counterparts.js";
import {
  EN_LEAD,
  EN_PRONOUN,
  INSIDE_IT,
  ITEM_ORDINAL,
  ITEM_ORDINAL_EN,
  looksLikeFollowUp,
  namesSomething,
  refersOnlyByPosition,
  size,
  STAGE_DEMONSTRATIVE,
  startsOwnSubject,
  STRONG_PRONOUN,
  TOPIC_DEMONSTRATIVE,
  withoutAcknowledgement,
  withoutSequenceWords,
  ZH_LEAD,
  ZH_PRONOUN,
} from "./followUpCues.js";
import { pointsAtListedItem } from "./followUpScope.js";
import { movedFromPickedItem, movedFromSectionCode } from "./itemMoves.js";
import type { NeighbourStage } from "./stageMoves.js";
import { partOfPreviousTopic } from "./partsFollowUp.js";
import { userQuestions } from "./history.js";
import { moved, movedOn, samePlace, stageNamedByName, withStageSwapped } from "./stageMoves.js";
import type { Turn } from "./types.js";

// The English fillers as whole words: "Andrew", "also" and "notebook" hold no "and", "so" or "ok".
const FILLER = /(那么|那|呢|吗|然后|还有|再|接着|此外|另外|\b(?:what about|how about|and|so|also|ok|okay)\b|[?？!！。,.，\s])/giu;

/** Words that make the question a question of its own ("那它推荐什么书?" asks something new). */
const OWN_QUESTION =
  /什么|什麼|哪|怎么|怎樣|怎样|如何|多少|多[长久大高快远]|几|幾|为什么|是否|吗|嗎|\b(?:what|which|how|why|when|where|who|is|are|does|do|can|should)\b/iu;

/** A closing clause that asks the previous question again of the new topic ("那 X 呢，也有吗"). */
const ASKS_ALSO = /[，,]?\s*(?:也|还|同样)(?:有|是|能|要|会|可以|适合|讲|推荐|提到)[^，,。？?]{0,6}[吗嗎][？?]?\s*$/u;

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
  namesStage?: (phrase: string) => boolean,
  neighbourStage?: NeighbourStage,
): string {
  return readConversation(question, history, topicOf, roadmapNamedIn, namesStage, neighbourStage).at(-1)!;
}

/**
 * Each user question of the conversation read in the setting of those before it, `question` last
 * (its retrieval query, carryTopicIntoQuery's). The one before last is the previous turn's query:
 * read here once, for the follow-up that needs it (answeredStage.ts).
 */
export function readConversation(
  question: string,
  history: Turn[],
  topicOf: (question: string) => string | undefined,
  roadmapNamedIn?: (question: string) => string | undefined,
  /** Whether a phrase is a stage's name (Retriever.namesStage): "那基础夯实呢？" names one without 阶段. */
  namesStage?: (phrase: string) => boolean,
  /** The stage beside one named by its name (Retriever.neighbourStage): a second step moves from there. */
  neighbourStage?: NeighbourStage,
): string[] {
  const read = (asked: string, previous: string) =>
    (roadmapNamedIn && inAnotherRoadmap(asked, previous, topicOf, roadmapNamedIn)) ??
    resolve(asked, previous, topicOf, namesStage, neighbourStage);
  const readings: string[] = [];
  for (const asked of [...userQuestions(history), simplifiedQuestion(question.trim())])
    readings.push(readings.length === 0 ? asked : read(withoutAcknowledgement(asked), readings.at(-1)!));
  return readings;
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

function namesRoadmapOrStage(question: string): boolean {
  return stageOrdinal(question) !== undefined || statedStageCounts(question).length > 0;
}

/** Whether the question names a field term the previous question did not. */
function namesNewTerm(question: string, previous: string): boolean {
  const before = previous.toLowerCase();
  return findGlossaryMatches(question).some((m) => !before.includes(m.surface.toLowerCase()));
}

/** "第二个" / "the second one" after a stage question: the noun is left out, the stage is meant. */
const BARE_ZH_ORDINAL = /第\s*([一二两三四五六七八九十\d]{1,3})\s*个(?!\s*(?:阶段|段|步|部分|篇|章|期|[Ss]tage|[Pp]hase|[Ss]tep))/u;
/** The things a roadmap lists within a stage (a question of them counts them, not stages), in each language. */
const LISTED_ZH = "项目|书|教材|课|方向|资源|视频|论文|工具|框架|作业|练习|链接|社区";
const LISTED_EN = "projects?|books?|courses?|tracks?|resources?|videos?|papers?|tools?|frameworks?|links?";
/** Things a roadmap lists within a stage, named by the question before its bare ordinal (实战项目，第一个 / "of its projects, the first one"). */
const COUNTED_NOUN_NAMED = new RegExp(
  String.raw`(?:${LISTED_ZH}|书籍|课程|模型)\s*(?:里|中|里面|当中)?\s*[，,：:]?\s*(?:的)?\s*第\s*[一二两三四五六七八九十\d]|\b(?:${LISTED_EN}|directions?|models?)\b[^?.!]{0,20}\bthe\s+(?:first|second|third|fourth|fifth|last)\b`,
  "iu",
);
/** What may follow a bare ordinal that ends a question: a particle or punctuation. */
const ENDS_QUESTION = String.raw`(?=\s*(?:呢|吗|嘛|嘞|咧|啊|呀|[?？,，。!！]|$))`;
/** "那最后一个呢": the last one, with no noun after it ("最后一个点" is a point of a stage). */
const BARE_ZH_LAST = new RegExp(`最后(?:一)?个${ENDS_QUESTION}`, "u");
/** A bare ordinal that ends the question ("那第一个呢"; not "第一个推荐的课"). */
const BARE_ZH_ORDINAL_ALONE = new RegExp(`${BARE_ZH_ORDINAL.source}${ENDS_QUESTION}`, "u");
/** Lists a stage holds: a question of a stage's books or projects counts those, not stages. */
const LISTED_IN_STAGE = new RegExp(String.raw`${LISTED_ZH}|\b(?:${LISTED_EN})\b`, "iu");
// "and the third?": the noun left out at the end of the question, as "the third one" leaves it out.
const BARE_EN_ORDINAL =
  /\bthe\s+(?:very\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)(?:\s+one\b|(?=\s*(?:[?？.!！,，]|$)))/iu;

/** "that 80% number", "this course": a demonstrative before a noun (not "that is", "that one"). */
const EN_DETERMINER =
  /\b(?:that|this|these|those)\s+(?!(?:is|was|are|were|one|ones|stage|phase|step|part|topic|subject|area)\b)[A-Za-z0-9%]/iu;

/** A choice among alternatives ("哪个更费算力?") that the question itself does not list. */
const CHOICE = /哪个|哪一个|哪种|哪一种|\bwhich\b/iu;
const ALTERNATIVES = /[和跟与或]|还是|\bor\b|\bvs\.?|\bversus\b|[,，、]/iu;
const LATIN_TERM = /^[A-Za-z0-9][A-Za-z0-9 +\-.]*$/;

/** Whether `question` names `topic` itself ("QLoRA" does not name "LoRA"). */
function mentions(question: string, topic: string): boolean {
  if (!LATIN_TERM.test(topic)) return question.includes(topic);
  const escaped = escapeRegExp(topic);
  return new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, "iu").test(question);
}

/** `question` read after `previous` (itself already resolved against the conversation before it). */
function resolve(
  asked: string,
  previous: string,
  topicOf: (question: string) => string | undefined,
  namesStage?: (phrase: string) => boolean,
  neighbourStage?: NeighbourStage,
): string {
  if (startsOwnSubject(asked) || driftsOutside(asked, previous)) return asked;
  // "它前面那个呢" after "第三个是啥": the item one place on in the previous question's list (itemMoves.ts).
  const steppedItem = movedFromPickedItem(asked, previous) ?? movedFromSectionCode(asked, previous);
  if (steppedItem !== undefined) return steppedItem;
  // "那缺点呢？" after "…有什么优点？": the previous question, of the other side.
  const otherSide = askedOfCounterpart(asked, previous);
  if (otherSide !== undefined) return otherSide;
  const part = partOfPreviousTopic(asked, previous, topicOf(previous));
  if (part !== undefined) return part;
  // A short question that names nothing ("要学多久?", "how long?") can only be about the conversation.
  if (!looksLikeFollowUp(asked) && (size(asked) > 8 || namesSomething(asked))) return asked;
  const previousOrdinal = stageOrdinal(previous) !== undefined;
  // "那最后一个呢" after "五阶段指南的入门阶段": a stage named by its name is a place among the stages too,
  // when the previous question asked of the stage itself, not of a list in it (its books, its projects).
  const previousNamedStage = previousOrdinal ? undefined : stageNamedByName(previous);
  const stagePlaced = previousOrdinal || (previousNamedStage !== undefined && !LISTED_IN_STAGE.test(previous));
  // "它的实战项目，第一个是啥？": the question names what it counts, so its ordinal picks one of those, not a stage.
  const stageMeant = stagePlaced && !COUNTED_NOUN_NAMED.test(asked);
  // After a stage named by its name only an ordinal that ends the question is a stage ("那第一个呢"), not
  // one before a noun ("下一章第一个推荐的课", "最后一个点"), which counts things inside a stage.
  const bareOrdinal = previousOrdinal ? BARE_ZH_ORDINAL : BARE_ZH_ORDINAL_ALONE;
  const question = stageMeant
    ? asked.replace(bareOrdinal, "第$1阶段").replace(BARE_ZH_LAST, "最后一个阶段").replace(BARE_EN_ORDINAL, "the $1 stage")
    : asked;
  // "排在当中的那段" is a stage by its place too, read once the roadmap is known (middleStage.ts).
  const ownOrdinal = stageOrdinal(question) !== undefined || namesMiddleStage(question);
  const onFromStage = ownOrdinal ? undefined : movedOn(question, previous, previousOrdinal, neighbourStage);
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
  if (ownOrdinal) {
    setting = replaceStageOrdinals(setting, () => "");
    // The stage the previous question named by its name gives way to the one the follow-up asks by its place.
    if (stageMeant && previousNamedStage) setting = setting.replace(previousNamedStage, " ");
  } else if (bare && !pronoun && previousDirection) setting = replaceStageOrdinals(setting, (o) => moved(o, previousDirection));
  // "那一段具体包含什么" after "X 那段学完之后学啥": the stage that answer gave, so the direction stays.
  const answeredStage =
    previousDirection !== null && !ownOrdinal && sequenceIntent(question) === null && STAGE_DEMONSTRATIVE.test(question);
  if (!answeredStage) setting = withoutSequenceWords(setting);
  // "what comes after that one?" after "how long is the API stage?" asks what comes after, not the
  // previous question's detail ("how long" would be placed as a topic); a follow-up that only
  // moves ("and the next one?") asks that detail again (movedOn).
  if (sequenceIntent(question) !== null && OWN_QUESTION.test(rest)) setting = withoutDetailQuestions(setting);

  // "and for the applied practice stage?" after "how many hours … for the entry stage?": the same
  // question of the stage it names.
  const swapped = withStageSwapped(question, previous, namesStage);
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

/**
 * "那怎么准备公务员考试？" after a question about the field: a subject outside it (outsideSubjects.ts)
 * that the conversation never named is what the question is about, however short it is. Carrying
 * the previous question in would lend it that question's field words, and its answer would look
 * supported; read alone, it is judged as any question about an outside subject. A pronoun or a
 * place ("那它…", "第二个…") still points back, an outside subject the conversation already named
 * ("备考雅思" → "那口语呢") is the conversation's own, and a question with a field term of its own
 * stays in the field.
 */
function driftsOutside(asked: string, previous: string): boolean {
  if (STRONG_PRONOUN.test(asked) || ZH_PRONOUN.test(asked) || stageOrdinal(asked) !== undefined) return false;
  // Most follow-ups name no outside subject: the previous question is read only when this one does.
  const subjects = outsideSubjectsIn(asked);
  if (subjects.length === 0) return false;
  const before = new Set(outsideSubjectsIn(previous));
  // A field term of its own ("the tool the author likes best for finetuning") keeps it in the field;
  // a learner's level or a span of time ("健身新手第一个月") is no field term.
  return (
    subjects.some((subject) => !before.has(subject)) &&
    !findGlossaryMatches(withoutDetailQuestions(asked)).some((match) => !saysOnlyLevelOrTime(match.surface))
  );
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
