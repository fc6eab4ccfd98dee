import { isEverydayWord } from "../text/everydayWords.js";
import type { GeneralIdf } from "../text/generalIdf.js";
import { isEnglishStopWord, NOUN_TAGS, taggedChineseWords, tokenizeForSearch, type TaggedWord } from "../text/tokenize.js";
import { FIELD_WORD_MIN_PASSAGES } from "./fieldWordSupport.js";
import { GLOSSARY } from "./glossary.js";
import { isPlanLevelWord, saysOnlyLevelOrTime } from "./learnerLevel.js";
import { FIELD_KEYNESS, fieldKeyness, isFieldLatinWord } from "./offFieldSubject.js";
import { outsideSubjectsIn } from "./outsideSubjects.js";
import { asksWayToLearn } from "./studyRequest.js";
import type { TermStatistics } from "./termStatistics.js";

/**
 * What a request for a way to learn asks the way *to*: the trade a learner changes to (转行做会计,
 * 转职当空服员), the thing a route, a tutorial or a beginner's book is of (React 前端的入门路线,
 * 考研数学入门书), what they "get into", "become" or switch careers into, and what a roadmap is for ("get into marathon
 * running", "a roadmap for learning chess"). The learner names the plan's target there, in so many words, and the rest of the question
 * describes the plan (从入门到进阶, "beginner training roadmap, month by month", 先看什么书): words any
 * plan for anything uses, which the roadmaps use too, so the passages share them whatever the target.
 * A target outside the field (a subject of the outside-subject lexicons, or words no document and no
 * vocabulary of the field knows: 空服员, 新媒体运营, React) is what the question is about, and the
 * roadmaps do not answer it (confidence.ts: low at best). A target holding a field word (转行做大模型
 * 算法, 大模型入门路线, "get into LLMs") is the field's.
 *
 * Beside studiedThing.ts, which reads the word next to a level or a verb of studying (摄影新手, 学做饭)
 * as an unknown name unless the question names a field concept anywhere: here only the target's own
 * words are weighed, so the plan's field words (进阶, "training") do not make it the field's, and a
 * target the lexicons name counts though the documents' words surround it.
 */

/** A target that points back to what was said (这块, 这行, 那个方向, 它). */
const POINTS_BACK = /^(?:这|那|此|该|它|其)/u;
/** Chinese: the trade changed to, after 转行 / 转职 (and 做 / 当 / 成为 / 去). */
const CHANGE_TO = /(?:转行|转职|转岗|改行)(?:去|到)?(?:做|当|成为|干)?([^，。？！；,.?!;：:]+)/gu;
/**
 * Chinese: the thing a route, a tutorial or a book is of, written right before it (X 的入门路线, X入门书).
 * Not 入门 alone: 入门篇 and 入门之前 name a roadmap's stage; not 书 alone: 纸质书, 中文书 are kinds of book.
 */
const WAY_OF = /([^，。？！；,.?!;：:、]{2,}?)的?(?:(?:入门|学习)?(?:路线图?|路径|教程)|入门书)/gu;
/** English: what is got into, learnt or become, and what a roadmap, course or book is for. */
const ENGLISH_TARGET =
  /\b(?:get(?:ting)?\s+into|becom(?:e|ing)\s+(?:an?\s+)?|(?:switch(?:ing)?|chang(?:e|ing)|mov(?:e|ing)|transition(?:ing)?|pivot(?:ing)?)\s+(?:(?:my\s+)?careers?\s+)?(?:in)?to\s+|(?:roadmaps?|paths?|guides?|courses?|tutorials?|books?)\s+(?:for|to|on)\s+(?:learning\s+|getting\s+into\s+|becoming\s+(?:an?\s+)?)?)\s*([a-z][a-z0-9+#.' -]*)/giu;

/** Where a Chinese target ends: a word that starts the rest of the request (有没有 …, 的学习路线). */
const CHINESE_TARGET_END =
  /(?:，|有没有|有啥|有什么|有推荐|的话|要先|该怎么|怎么|需要|应该|想|的?(?:入门|学习|路线|教程|课程|书|准备|计划)).*$/u;
/** Where an English target ends: a word that starts the rest of the request. */
const ENGLISH_TARGET_END =
  /\s+(?:as|from|in|with|and|or|any|like|for|if|so|but|is|are|should|what|which|how|where|when|roadmap|path|guide|course|tutorial|book|plan)\b.*$/iu;

/**
 * Words each pattern needs in a text to match it, looked for before the pattern is run: WAY_OF's lazy
 * group tried every start of every question, and ENGLISH_TARGET every position of a Chinese one.
 * CHANGE_TO needs one of its verbs, WAY_OF one of its route words (路线图 holds 路线), ENGLISH_TARGET
 * one of its head words as written in the (lowercased) text, unless the text holds ſ or K (U+212A),
 * the only characters besides Latin letters that `iu` folds to a Latin letter.
 */
const CHANGE_VERBS = ["转行", "转职", "转岗", "改行"];
const ROUTE_WORDS = ["路线", "路径", "教程", "入门书"];
const ENGLISH_HEADS = [
  "get",
  "becom",
  "switch",
  "chang",
  "mov",
  "transition",
  "pivot",
  "roadmap",
  "path",
  "guide",
  "course",
  "tutorial",
  "book",
];
const FOLDS_TO_LETTER = /[\u017f\u212a]/;
const holdsOne = (text: string, words: readonly string[]) => words.some((word) => text.includes(word));

/** The study targets a question names (Simplified, as searched). */
export function studyTargets(query: string): string[] {
  const text = query.toLowerCase();
  const targets: string[] = [];
  if (holdsOne(text, CHANGE_VERBS))
    for (const match of text.matchAll(CHANGE_TO)) {
      const target = match[1]!.replace(CHINESE_TARGET_END, "");
      // "想转行做这块": a word pointing back (这块, 这行, 那个方向) names the conversation's subject, not one of its own.
      if (!POINTS_BACK.test(target.trim())) targets.push(target);
    }
  if (holdsOne(text, ROUTE_WORDS))
    for (const match of text.matchAll(WAY_OF)) {
      const target = thingNamed(match[1]!);
      if (target) targets.push(target);
    }
  // A sentence's full stop ends the target too ("switching careers into nursing. Is there …").
  if (holdsOne(text, ENGLISH_HEADS) || FOLDS_TO_LETTER.test(text))
    for (const match of text.matchAll(ENGLISH_TARGET)) targets.push(match[1]!.replace(ENGLISH_TARGET_END, "").replace(/[.\s]+$/u, ""));
  return targets.map((target) => target.trim()).filter((target) => target.length > 0);
}

/** A phrase's words in order: a Han run's as jieba tags them, a Latin name as one word (tagged "eng"). */
function taggedWords(phrase: string): TaggedWord[] {
  return (phrase.match(/\p{Script=Han}+|[^\p{Script=Han}\s]+/gu) ?? []).flatMap((piece) =>
    /\p{Script=Han}/u.test(piece) ? [...taggedChineseWords(piece)] : [{ word: piece, tag: "eng" }],
  );
}

/** Words that open the request before its target: 另外, 想学, 从 …, 推荐. */
const OPENER = /^(?:另外|顺便|还有|想|想要|打算|准备|从|学|学习|自学|关于|了解|推荐|一下|请问)$/u;

/** Tags of a thing's name: nouns, Latin names and words of place in a thing (前端, 后端). */
const NAME_TAGS: ReadonlySet<string> = new Set([...NOUN_TAGS, "eng", "f"]);

/**
 * The thing a route or a book is of, from the words before it: those after the last opener, when
 * each is a noun, a Latin name or a word of place (React 前端, 考研数学). A description of the route
 * ("那份一共七段的", "适合练手的") is no thing's name.
 */
function thingNamed(run: string): string | undefined {
  const words = taggedWords(run);
  let from = 0;
  words.forEach(({ word }, at) => {
    if (OPENER.test(word)) from = at + 1;
  });
  const named = words.slice(from);
  return named.length > 0 && named.every(({ tag }) => NAME_TAGS.has(tag)) ? named.map(({ word }) => word).join(" ") : undefined;
}

/** The resources a target's words are weighed with. */
export interface TargetReading {
  statistics: TermStatistics;
  general: () => GeneralIdf;
}

/**
 * The targets outside the field: each names an outside subject or a word the documents use in
 * passing at most and no vocabulary of the field knows, and none holds a word of the field. Empty
 * when any target is the field's: "想从前端转大模型" asks the field's way.
 */
export function targetsOutsideField(query: string, reading: TargetReading): string[] {
  const outside: string[] = [];
  for (const target of studyTargets(query)) {
    const words = tokenizeForSearch(target).filter((token) => !describesThePlan(token));
    if (words.some((token) => isFieldToken(token, reading))) return [];
    // A thing the documents name, all its words in one passage (腾讯云 of 腾讯云《动手学大模型应用开发》), is theirs to speak of.
    if (reading.statistics.conceptShare([target]) > 0) continue;
    // An English target only by the lexicons: an English word the documents never use is as often a plain one ("from scratch").
    const english = /^[\x20-\x7e]+$/.test(target);
    if (outsideSubjectsIn(target).length > 0 || (!english && words.some((token) => isOffFieldToken(token, reading.statistics))))
      outside.push(target);
  }
  return outside;
}

/**
 * Words that describe a plan for anything, not what it is for: the learner's level and the plan's
 * (新手, 进阶, "advanced"), its time spans (个月, weeks) and the way to learn asked (入门, 教程).
 */
function describesThePlan(token: string): boolean {
  return isPlanLevelWord(token) || saysOnlyLevelOrTime(token) || asksWayToLearn(token);
}

/** A word of the field: a field Latin name, a glossary name, or a word the corpus uses across passages far more than the general language. */
function isFieldToken(token: string, { statistics, general }: TargetReading): boolean {
  if (LATIN.test(token)) return isFieldLatinWord(token);
  if (glossaryWords().has(token)) return true;
  if (statistics.frequency(token) < FIELD_WORD_MIN_PASSAGES) return false;
  return fieldKeyness(token, statistics, general()) >= FIELD_KEYNESS;
}

/**
 * A word the documents use in passing at most (fewer than FIELD_WORD_MIN_PASSAGES passages, as
 * fieldWordSupport.ts reads one) that is no glossary name: a Latin name (React, Figma), or a Chinese
 * word of two characters or more that everyday language does not use all the time (会计, 运营).
 */
function isOffFieldToken(token: string, statistics: TermStatistics): boolean {
  if (statistics.frequency(token) >= FIELD_WORD_MIN_PASSAGES) return false;
  if (LATIN.test(token)) return /^[a-z][a-z'-]+$/.test(token) && !isEnglishStopWord(token) && !isFieldLatinWord(token);
  return /^\p{Script=Han}{2,}$/u.test(token) && !isEverydayWord(token) && !glossaryWords().has(token);
}

const LATIN = /^[a-z0-9]/;

let glossaryValue: ReadonlySet<string> | undefined;

/** The glossary's Chinese names of the field, whole and tokenized. */
function glossaryWords(): ReadonlySet<string> {
  if (glossaryValue) return glossaryValue;
  const words = new Set<string>();
  for (const entry of GLOSSARY)
    for (const name of entry.zh) {
      words.add(name);
      for (const token of tokenizeForSearch(name)) if (token.length >= 2) words.add(token);
    }
  return (glossaryValue = words);
}
