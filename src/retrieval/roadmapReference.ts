import { DOCUMENT_NOUN, DOCUMENT_WORDS_LIKE_STAGE_WORDS, SAYS_DOCUMENT } from "../text/documentWords.js";
import { ignoreCaseTwin } from "../text/ignoreCaseTest.js";
import { gatedTest } from "../text/questionGate.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import { openingDescribed, opensWith } from "./openingReference.js";
import { questionDates, questionMonths } from "./questionDates.js";
import { durationSpans, stageWordOf, type RoadmapProfile, type StageWord } from "./roadmapProfile.js";
import { countExpressions, statedItemCounts, statedStageCounts } from "./stageCounts.js";
import { parseNumber } from "./stageReference.js";

/**
 * Which roadmap a question names without its title's exact words: by its shape (how many stages,
 * months per stage, a drawing, a list of links, the shortest), its origin (the host or platform it
 * was published on, "那篇博客"), its date, its own title words or its whole title quoted. Each
 * feature is the profile's (roadmapProfile.ts: read from the document); here the question is read
 * for the words that point at one, and the one that fits best is chosen.
 */

/** Origin words a Chinese question writes in Chinese: "那篇博客" is "the blog post". */
const ORIGIN_IN_CHINESE: Readonly<Record<string, RegExp>> = { blog: /博客|博文|部落格/u };

/**
 * A host a roadmap was published on is also where resources live: "github repo", "GitHub 上的项目",
 * "an exercise set on GitHub" ask for a repository, not for the roadmap posted there. The word
 * names the roadmap unless every time the question writes it, a resource noun follows, or it is
 * the place something sits ("on GitHub", "在 GitHub 上") in a question without a document word.
 */
function namesResourcePlace(word: string, question: string): boolean {
  const at = [...question.matchAll(new RegExp(`\\b${word}\\b|${word}(?=[^a-z0-9]|$)`, "giu"))];
  if (at.length === 0) return false;
  const noDocument = !SAYS_DOCUMENT.test(question);
  return at.every((m) => {
    const after = question.slice((m.index ?? 0) + m[0].length);
    const before = question.slice(0, m.index ?? 0);
    return RESOURCE_AFTER.test(after) || (noDocument && PLACE_BEFORE.test(before));
  });
}

/** Nouns for a resource kept on a host: a repository, a project, its stars, a link. */
const RESOURCE_AFTER =
  /^\s*(?:上的?\s*)?(?:repos?|repositor(?:y|ies)|projects?|links?|stars?|accounts?|项目|專案|仓库|倉庫|链接|連結|账号|帳號)/iu;

/** "on GitHub", "在 GitHub": the host as a place. */
const PLACE_BEFORE = /(?:\b(?:on|from|at)\s+|在\s*)$/iu;

/** "短博客", "那篇短文", "很短的部落格", "the short blog post", "the short 2024 note", "the shortest one": a document named by its length. */
const SHORT_DOCUMENT =
  /短博客|短博文|短文|短的那[篇份个]|那篇短|篇幅(?:最|很|比较)?短|最短的|(?:很|比较|超|蛮|挺|特别)短的?(?:博客|博文|部落格|文章|帖子|笔记|那[篇份个])|\bshort(?:est)?\s+(?:[a-z0-9-]+\s+){0,2}?(?:blog|post|article|guide|one|piece|list|roadmap|doc|note)s?\b/iu;

const DATE_TOKEN =
  /^(?:(?:19|20)\d{2}|[年月]|月份|\d{1,2}|[一二三四五六七八九十]{1,3}月?份?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)$/iu;

/** Whether one of the months a question names is the month of one of the profile's dates ("YYYY-MM"). */
function namesMonthOf(months: readonly string[], profile: RoadmapProfile): boolean {
  if (months.length === 0) return false;
  for (const date of profile.dates) if (months.includes(date.slice(5, 7))) return true;
  return false;
}

/**
 * A title word that is a noun for a kind of document (指南, 清单, 笔记), pointed at as one:
 * "那份指南的第二阶段", "指南里". Only one roadmap's title has it, so the learner names that roadmap
 * by what it is. Not 路线 / 文章 (every roadmap is one), nor English: "the guide" is any of them.
 * "有没有入门指南" asks for a guide, and names none.
 */
function pointsAtKind(token: string, question: string): boolean {
  return KIND_POINTED.get(token)?.test(question) === true;
}

/** Nouns for a particular kind of document a title may end with, each with the pattern that points at it as a document. */
const KIND_POINTED: ReadonlyMap<string, RegExp> = new Map(
  ["指南", "清单", "笔记", "教程", "汇总"].map((noun) => [
    noun,
    new RegExp(`[这那该]\\s*[份篇本个]\\s*${noun}|${noun}\\s*(?:里|中|上|的|说|提)`, "u"),
  ]),
);

/** A title word of one roadmap that the question uses (one character names nothing): referencedRoadmap scores it, namingTokens reports it. */
function namesTitle(token: string, terms: ReadonlySet<string>): boolean {
  return terms.has(token) && token.length >= 2;
}

/** Each index version's naming words, by its profiles array (IndexResources.profiles). */
const namingWordSets = new WeakMap<readonly RoadmapProfile[], ReadonlySet<string>>();

/**
 * Every word referencedRoadmap and namingTokens look up in a question's terms, over all the
 * profiles: their origin words and distinct title tokens. The terms can leave out any other word.
 */
export function namingWords(profiles: readonly RoadmapProfile[]): ReadonlySet<string> {
  let words = namingWordSets.get(profiles);
  if (!words) {
    words = new Set(profiles.flatMap((profile) => [...profile.origin, ...profile.distinctTitleTokens]));
    namingWordSets.set(profiles, words);
  }
  return words;
}

/**
 * The question's tokens that named `profile` (referencedRoadmap): its origin words, its title's own
 * words and the year and month of its date. They say which document, not what is asked about it.
 */
export function namingTokens(question: string, terms: ReadonlySet<string>, profile: RoadmapProfile): string[] {
  const tokens = new Set<string>();
  for (const word of profile.origin) if (terms.has(word)) tokens.add(word);
  for (const word of profile.origin) {
    const chinese = ORIGIN_IN_CHINESE[word]?.exec(question);
    if (chinese) tokens.add(chinese[0]);
  }
  // "短博客": the length words (短, short) say which document.
  const short = profile.shortest ? shortDocumentFor(question).exec(question) : null;
  if (short) for (const token of tokenizeForSearch(short[0])) if (/^(?:短|short|shortest)$/iu.test(token)) tokens.add(token);
  for (const token of profile.distinctTitleTokens) if (namesTitle(token, terms)) tokens.add(token);
  // The date's own tokens as the question wrote them: 2024, 年, 9, 月, sept.
  if (questionDates(question).some((d) => profile.dates.has(d)) || namesMonthOf(questionMonths(question), profile))
    for (const token of tokenizeForSearch(question)) if (DATE_TOKEN.test(token)) tokens.add(token);
  return [...tokens];
}

/**
 * A question that describes a roadmap by giving each stage a duration ("每个阶段都标了几个月的那份",
 * "the one with months per stage"); a plain "how long" question is about content, not shape.
 */
const STAGE_DURATION_QUESTION =
  /(每个?阶段|各个?阶段|每一阶段|每段).{0,12}(个月|几个月|多久|时间|时长|周期)|(个月|时间|时长|周期).{0,8}(每个?阶段|各个?阶段)|\b(each|per|every)\s+(stage|phase|step)\b.{0,30}\b(months?|weeks?|duration|time)|\b(months?|weeks?|duration|time(frame)?s?|how long)\b.{0,30}\b(each|per|every)\s+(stage|phase|step)\b/iu;

/** A question that names a roadmap by its drawing: "画了流程图的那篇", "the one with boxes and arrows". */
const DIAGRAM_QUESTION =
  /流程图|流程圖|框图|框圖|示意图|示意圖|图示|圖示|方框|箭头|箭頭|\bdiagrams?\b|\bflow\s?charts?\b|\bboxes\b|\barrows\b|\bascii\b/iu;

/** A question that names a roadmap as a list of things to read: "那份清单", "the reading list", "书单". */
const READING_LIST_QUESTION =
  /清单|清單|书单|書單|资料汇总|資料彙整|资料合集|資料合集|\b(?:reading|resource|link)\s+lists?\b|\blists?\s+of\s+(?:links|resources|readings|papers)\b/iu;

/**
 * A question that names a roadmap by its table of contents ("有目录的那份", "the guide with a table of
 * contents") or its section of common questions ("FAQ 在最后的那篇", "the one with an FAQ"). A
 * question asking where something is in the table of contents names it too: only one roadmap has one.
 */
const CONTENTS_QUESTION = /目录|目錄|\btable\s+of\s+contents\b|\bToC\b/iu;
const FAQ_QUESTION = /常见问题|常見問題|\bFAQs?\b|\bQ\s*&\s*A\b|frequently\s+asked/iu;

/**
 * A span of time said of a document or a plan of study, right before it: "6-8 个月那个 plan",
 * "3-6个月的那份路线", "the 6-8 month roadmap". Not the learner's own time ("花3-6个月学，有什么路线").
 */
const SPAN_OF_DOCUMENT = new RegExp(
  `\\d\\s*(?:-|~|–|—|到|至)\\s*\\d+\\s*(?:个\\s*)?(?:月|周|星期|months?|weeks?)(?:[- ]long)?\\s*(?:的\\s*)?(?:[那这][个份篇]\\s*)?(?:${DOCUMENT_NOUN}|\\bplans?\\b|计划|规划)`,
  "iu",
);

// All `iu`, asked of every question a retrieval reads: through their twins (ignoreCaseTest.ts), and
// only where the question's shared reading (questionGate.ts) leaves them open.
const asksStageDurations = gatedTest(STAGE_DURATION_QUESTION);

const asksForDiagram = gatedTest(DIAGRAM_QUESTION);

const namesTableOfContents = gatedTest(CONTENTS_QUESTION);

const namesFaqSection = gatedTest(FAQ_QUESTION);

const namesReadingList = gatedTest(READING_LIST_QUESTION);

/** SHORT_DOCUMENT or its twin, for a question: the twin finds the same match. */
const shortDocumentFor = ignoreCaseTwin(SHORT_DOCUMENT);

/**
 * The roadmap a question names by its shape, origin or distinctive title words, when exactly
 * one fits best. `terms` are the question's search tokens and expansions (so "guide" reaches
 * 指南 through the dictionary).
 */
export function referencedRoadmap(
  question: string,
  terms: ReadonlySet<string>,
  profiles: readonly RoadmapProfile[],
): RoadmapProfile | undefined {
  // "是七阶段那篇说的吧？还是别的哪篇？": the learner doubts which document said it; naming one would hide the others.
  if (doubtsDocument(question)) return undefined;
  const described = describedIn(question);
  const scored = profiles.map((profile) => ({
    profile,
    score: shapeScore(profile, described) + publicationScore(profile, described, question, terms),
  }));
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best < 2) return undefined;
  const top = scored.filter((s) => s.score === best);
  return top.length === 1 ? top[0]!.profile : undefined;
}

/**
 * A learner unsure which document said something ("还是别的哪篇说的？", "记不清是哪篇", "or was it another
 * one?"): the roadmap they name is a guess, and the answer should look in every roadmap.
 */
const DOUBTED_DOCUMENT =
  /还是(?:别的|另一|另外一?|其他|其它)哪?(?:一)?(?:篇|份|个|文章|路线)|记不清(?:是)?哪(?:一)?(?:篇|份)|不(?:确定|记得)是哪(?:一)?(?:篇|份)|\bor (?:was it|is it) (?:in )?(?:another|a different|some other) (?:one|roadmap|guide|article|post|list)\b|\bor (?:in )?(?:another|a different) (?:one|roadmap|guide|article|post|list)\b|\bnot sure (?:which|if it was)\b/iu;
const doubtsDocument = gatedTest(DOUBTED_DOCUMENT);

/** What a question says of a roadmap's shape and date, read once for all the profiles (referencedRoadmap). */
interface Description {
  counts: number[];
  itemCounts: number[];
  /** A count said of a document ("列了四点的那篇"), not of anything. */
  saysDocument: boolean;
  asksDuration: boolean;
  dates: string[];
  months: string[];
  spans: string[];
  askedWord: StageWord | undefined;
  /** What the question says a roadmap opens with ("一开头就讲 LoRA 微调的"): each thing's names (openingReference.ts). */
  opening: string[][] | undefined;
  /** Asked of the question once, and only when some roadmap draws a diagram (is a reading list, is the shortest). */
  asksDiagram: () => boolean;
  namesReadingList: () => boolean;
  namesShort: () => boolean;
  spanNamesDocument: () => boolean;
  namesContents: () => boolean;
  namesFaq: () => boolean;
}

/** A number as learners spell it: digits, Chinese numerals (六, 十二) or an English word (six). */
const SPELLED = "[零〇一二两三四五六七八九十]{1,3}|\\d{1,2}|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\\b";
/**
 * A span of months or weeks spelt out ("六到八个月", "三四个月", "six to eight months", "6 to 8 weeks"):
 * the roadmaps write their spans in digits ("6 - 8 个月"), learners as they speak.
 */
const SPELLED_SPAN = new RegExp(
  `(?<![第\\d])(${SPELLED})\\s*(?:[-–—~～到至]|\\bto\\b)?\\s*(${SPELLED})?\\s*(个月|個月|months?|周|週|星期|weeks?)`,
  "giu",
);
const SPELLED_WORD = /[零〇一二两三四五六七八九十]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b|\d\s*to\b/iu;

/** The question with its spelt-out spans in digits ("六到八个月" → "6-8个月"); unchanged when it spells none. */
function spansInDigits(question: string): string {
  if (!SPELLED_WORD.test(question)) return question;
  return question.replace(SPELLED_SPAN, (whole, first: string, second: string | undefined, unit: string) => {
    // "三四个月", "六七个月": two numerals side by side are a range of neighbours.
    const pair = second === undefined && /^[一二两三四五六七八九]{2}$/u.test(first) ? [...first] : undefined;
    const from = parseNumber(pair ? pair[0]! : first);
    const to = pair ? parseNumber(pair[1]!) : second === undefined ? from : parseNumber(second);
    if (from === undefined || to === undefined || (pair && to !== from + 1)) return whole;
    return from === to && !pair ? `${from}${unit}` : `${from}-${to}${unit}`;
  });
}

function describedIn(question: string): Description {
  const spanText = spansInDigits(question);
  const counts = statedStageCounts(question);
  const itemCounts = statedItemCounts(question);
  const dates = questionDates(question);
  let asksDiagram: boolean | undefined;
  let readingList: boolean | undefined;
  let short: boolean | undefined;
  let document: boolean | undefined;
  let contents: boolean | undefined;
  let faq: boolean | undefined;
  return {
    counts,
    itemCounts,
    saysDocument: itemCounts.length > 0 && SAYS_DOCUMENT.test(question),
    asksDuration: asksStageDurations(question),
    dates,
    months: dates.length > 0 ? [] : questionMonths(question),
    spans: [...new Set(durationSpans(spanText))],
    // The stage word of the count itself ("three-stage article … the section near the end": stage),
    // else of the question less its document words ("三阶段那篇文章": the article is no 篇 or 章).
    askedWord:
      counts.length > 0
        ? (stageWordOf(countExpressions(question).join(" ")) ?? stageWordOf(question.replace(DOCUMENT_WORDS_LIKE_STAGE_WORDS, " ")))
        : undefined,
    opening: openingDescribed(question),
    asksDiagram: () => (asksDiagram ??= asksForDiagram(question)),
    namesReadingList: () => (readingList ??= namesReadingList(question)),
    namesShort: () => (short ??= shortDocumentFor(question).test(question)),
    spanNamesDocument: () => (document ??= SPAN_OF_DOCUMENT.test(spanText)),
    namesContents: () => (contents ??= namesTableOfContents(question)),
    namesFaq: () => (faq ??= namesFaqSection(question)),
  };
}

/** How well a roadmap's shape fits the description: its stage count, its list's items, its stages' spans and durations, a drawing, links, length, what it opens with. */
function shapeScore(profile: RoadmapProfile, described: Description): number {
  const { counts, itemCounts, saysDocument, spans, asksDuration, askedWord } = described;
  let score = 0;
  if (counts.includes(profile.stages.length)) {
    score += 2;
    // Two roadmaps with as many stages: the one whose headings use the question's stage word.
    if (askedWord && askedWord === profile.stageWord) score += 1;
  }
  // A count said of a document ("列了四点的那篇", "the post that lists four approaches") describes
  // it; a count alone ("有哪四种方法") may be of anything.
  if (profile.listItems && itemCounts.includes(profile.stages.length)) score += saysDocument ? 2 : 1;
  // Two or more spans its stage headings give ("2-3 months for theory, then 3-4 for integration"):
  // a learner's own time is one span; a roadmap's stages are described by several.
  if (spans.length >= 2 && spans.every((span) => profile.stageSpans?.has(span))) score += 3;
  // A span only this roadmap states, said of a document ("6-8 个月那个 plan", "the 6-8 month
  // roadmap"): it names that roadmap; a span alone ("我有 6-8 个月") is the learner's own time.
  else if (spans.some((span) => profile.distinctSpans?.has(span)) && described.spanNamesDocument()) score += 2;
  // With a stated count, "每个阶段要学几个月" asks the durations; it describes the roadmap only without one.
  if (asksDuration && counts.length === 0) score += profile.stageDurations >= 2 ? 2 : profile.durations >= 2 ? 1 : 0;
  if (profile.diagram && described.asksDiagram()) score += 2;
  if (profile.tableOfContents && described.namesContents()) score += 2;
  if (profile.faq && described.namesFaq()) score += 2;
  if (profile.readingList && described.namesReadingList()) score += 2;
  // Length is relative and vague: it tells two blog posts apart, it names no roadmap alone.
  if (profile.shortest && described.namesShort()) score += 1;
  // What it teaches first ("一开头就讲 LoRA 微调的那篇") names it as surely as its shape.
  if (described.opening && opensWith(profile, described.opening)) score += 2;
  return score;
}

/** How surely a question names a roadmap by where and when it was published, and by its title's words. */
function publicationScore(profile: RoadmapProfile, described: Description, question: string, terms: ReadonlySet<string>): number {
  let score = 0;
  for (const word of profile.origin)
    if ((terms.has(word) && !namesResourcePlace(word, question)) || ORIGIN_IN_CHINESE[word]?.test(question)) score += 2;
  // A publication month names one document more surely than a host or label word.
  if (described.dates.some((d) => profile.dates.has(d))) score += 3;
  // A month alone ("九月那篇") names the document published in it, when no full date was given.
  else if (namesMonthOf(described.months, profile)) score += 2;
  for (const token of profile.distinctTitleTokens) if (namesTitle(token, terms)) score += pointsAtKind(token, question) ? 2 : 1;
  // The whole title ("大模型学习路径指南"), when one of its words is its own: a title another
  // title wholly contains ("学习路径") names nothing by itself.
  const mayName = profile.titleLiteral === undefined || question.includes(profile.titleLiteral);
  if (mayName && profile.titleReference?.test(question) && profile.titleIsOwn()) score += 2;
  return score;
}

/**
 * The words of an expansion that say what kind of thing it is: a Chinese compound's last word
 * (学习路线 is a 路线, 路线图 one too, 学习资料 is 资料). "NLP" → 自然语言处理 or "LLM" → 大语言模型综述
 * names a subject, not a document whose title holds 语言.
 */
export function expansionHeadWords(expansion: string): string[] {
  const tokens = tokenizeForSearch(expansion);
  const last = tokens.at(-1);
  return last === undefined ? [] : tokens.filter((token) => last.includes(token) || expansion.endsWith(token));
}
