import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument, DocumentMetadata, Section } from "../corpus/types.js";
import { escapeRegExp } from "../text/escapeRegExp.js";
import { ignoreCaseTester } from "../text/ignoreCaseTest.js";
import { isEverydayWord } from "../text/everydayWords.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import { findGlossaryMatches, type GlossaryEntry, type GlossaryMatch } from "./glossary.js";
import { isFiller } from "./questionWords.js";
import { roadmapSteps } from "./roadmapNavigator.js";
import { parseNumber } from "./stageReference.js";
import { isListItemStage, stageOf } from "./stageOutline.js";

/**
 * What a roadmap looks like from its recovered outline, so a learner can name it by its shape or
 * origin instead of its title: "the one with 7 stages", "the plan that gives months per stage",
 * "the GitHub one", "那个指南". Nothing here is typed per document: every feature is read from
 * the document (its stage headings, its text, its first lines, its title).
 */
export interface RoadmapProfile {
  doc: CorpusDocument;
  /** The learning stages in reading order (the longest stage sequence, its "…阶段/篇" steps). */
  stages: Section[];
  /** How many times the text gives a duration (2-3 个月, 6 weeks). */
  durations: number;
  /** How many stage headings carry a duration ("一、原理学习阶段(2-3 个月)"). */
  stageDurations: number;
  /** The spans its stage headings give, as durationSpans writes them ("2-3m"). */
  stageSpans?: ReadonlySet<string>;
  /** Latin words of where it lives: hosts and labels named in its first lines or front matter. */
  origin: Set<string>;
  /** Title tokens no other roadmap's title has. */
  distinctTitleTokens: Set<string>;
  /**
   * The whole title quoted or pointed at in a question ("《大模型学习路径指南》", "大模型学习路径指南里的
   * 第二阶段"), for a title with a word of its own. A title written plainly may be the learner's own
   * words: "大模型学习路线有哪些阶段" asks about roadmaps in general.
   */
  titleReference?: RegExp;
  /**
   * The title's longest Han run, which every match of titleReference holds as written (Han
   * characters have no case): a question without it is not tested against the pattern. Every
   * question is checked against every roadmap's title, hundreds of patterns at scale.
   */
  titleLiteral?: string;
  /**
   * Whether no other roadmap uses the title as a phrase of its own, asked only once a question
   * holds the title (a scan of every other roadmap's text, remembered): with hundreds of roadmaps,
   * checking every title up front would read every text once per roadmap.
   */
  titleIsOwn: () => boolean;
  /** What its stage headings call a stage: "stage" (阶段, stage, phase) or "part" (篇, 章, part). */
  stageWord: StageWord | undefined;
  /** Year-month stamps in its first lines (front-matter date, "Created:", "更新时间"), as "2024-09". */
  dates: Set<string>;
  /** It draws a diagram: box-drawing characters or a mermaid block ("the one with the boxes and arrows"). */
  diagram?: boolean;
  /** It is clearly the shortest of the roadmaps (the next is SIZE_GAP times as long): "the short blog post", "短博客". */
  shortest?: boolean;
  /** Most of its lines are links, clearly more than any other roadmap's: "the reading list", "那份清单". */
  readingList?: boolean;
  /** Its stages are the items of a numbered list standing for its outline ("1. 微调", "2. RAG"): "the one with four directions". */
  listItems?: boolean;
}

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
  const noDocument = !SAYS_DOCUMENT.test(question) && !OTHER_DOCUMENT_WORDS.test(question);
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
/** Words for a document SAYS_DOCUMENT leaves out: a copy (份), a collection (汇总), a post as an issue. */
const OTHER_DOCUMENT_WORDS = /份|汇总|彙整|资料|資料|\bissues?\b|\bone\b/iu;

/** The shortest roadmap is "the short one" when the next shortest is at least this many times its length. */
const SIZE_GAP = 1.3;
/** "短博客", "那篇短文", "the short blog post", "the shortest one": a document named by its length. */
const SHORT_DOCUMENT =
  /短博客|短博文|短文|短的那[篇份个]|那篇短|篇幅(?:最|很|比较)?短|最短的|\bshort(?:est)?\s+(?:[a-z-]+\s+){0,2}?(?:blog|post|article|guide|one|piece|list|roadmap|doc|note)s?\b/iu;

/** Lines with a link, of a text's non-empty lines. */
function linkShare(text: string): number {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  return lines.length === 0 ? 0 : lines.filter((line) => /https?:\/\//u.test(line)).length / lines.length;
}
/** A reading list: at least this share of its lines are links … */
const READING_LIST_SHARE = 0.3;
/** … and at least this many times the next roadmap's share. */
const READING_LIST_GAP = 2;

/** The roadmap that is clearly a list of links to read, if one is. */
function readingListOf(documents: readonly CorpusDocument[]): CorpusDocument | undefined {
  if (documents.length < 2) return undefined;
  const [first, second] = documents.map((doc) => ({ doc, share: linkShare(doc.text) })).sort((a, b) => b.share - a.share);
  return first!.share >= READING_LIST_SHARE && first!.share >= READING_LIST_GAP * second!.share ? first!.doc : undefined;
}

/** The roadmaps' lengths in characters: which one, if any, is clearly the shortest. */
function shortestOf(documents: readonly CorpusDocument[]): CorpusDocument | undefined {
  if (documents.length < 3) return undefined;
  const bySize = [...documents].sort((a, b) => a.text.length - b.text.length);
  return bySize[1]!.text.length >= SIZE_GAP * bySize[0]!.text.length ? bySize[0] : undefined;
}

const ASCII_DIGIT = /\d/;
const DURATION = /\d+\s*(?:-\s*\d+\s*)?(?:个月|周|天|小时|months?|weeks?)/giu;
/** A span of months or weeks, one number or a range ("2-3 个月", "3–4 months", "6 周"). */
const SPAN = /(\d+)\s*(?:[-–—~～到至]\s*(\d+)\s*)?(个月|月|months?|周|星期|weeks?)/giu;

/** The spans of months or weeks a text gives, each as "2-3m" / "6-6w": the same span however it is written. */
export function durationSpans(text: string): string[] {
  // Every span starts with a digit: a question without one (most) gives none, without the global pattern's pass.
  if (!ASCII_DIGIT.test(text)) return [];
  return [...text.matchAll(SPAN)].map(([, from, to, unit]) => `${from}-${to ?? from}${/周|星期|week/iu.test(unit!) ? "w" : "m"}`);
}

const NAMED_STAGE = /(阶段|篇|stage|phase)\s*([(（][^)）]*[)）])?\s*$/iu;
/** Lines at the top of a file that say where it was published (Link: …, front matter). */
const HEAD_LINES = 12;
const ORIGIN_NOISE = new Set([
  "issues",
  "blob",
  "tree",
  "link",
  "comments",
  "author",
  "labels",
  "created",
  "title",
  "date",
  "updated",
  "tags",
  "img",
]);

/** `isCorpusSubject`: a glossary concept most of the corpus names (sharedSubjectWords). */
export function roadmapProfiles(
  documents: readonly CorpusDocument[],
  chunks: readonly Chunk[],
  isCorpusSubject: (entry: GlossaryEntry) => boolean = () => false,
): RoadmapProfile[] {
  const roadmaps = documents.filter((d) => d.kind === "roadmap");
  const shortest = shortestOf(roadmaps);
  const readingList = readingListOf(roadmaps);
  const titleTokens = roadmaps.map((d) => new Set(tokenizeForSearch(d.title)));
  const titleConcepts = roadmaps.map((d) => findGlossaryMatches(d.title, { learnerPhrases: false }));
  return roadmaps.map((doc, i) => {
    const others = titleTokens.filter((_, j) => j !== i);
    const shared = sharedSubjectWords(
      titleConcepts[i]!,
      titleConcepts.filter((_, j) => j !== i),
      isCorpusSubject,
    );
    const distinct = new Set([...titleTokens[i]!].filter((t) => !others.some((o) => o.has(t)) && !shared.has(t) && saysWhichTitle(t)));
    const stages = stagesOf(doc, chunks);
    return {
      doc,
      stages,
      durations: doc.text.match(DURATION)?.length ?? 0,
      stageDurations: stages.filter((s) => new RegExp(DURATION.source, "iu").test(s.heading)).length,
      stageSpans: new Set(stages.flatMap((s) => durationSpans(s.heading))),
      origin: originOf(doc.text, doc.metadata),
      distinctTitleTokens: distinct,
      ...(distinct.size > 0 && doc.title.trim().length > 0 ? titleReferenceOf(doc.title) : {}),
      titleIsOwn: once(() => !roadmaps.some((other) => other !== doc && other.text.includes(doc.title))),
      stageWord: stageWordOf(stages.map((s) => s.heading).join(" ")),
      dates: datesOf(`${JSON.stringify(doc.metadata ?? {})}\n${doc.text}`),
      ...(DRAWING.test(doc.text) ? { diagram: true } : {}),
      ...(doc === shortest ? { shortest: true } : {}),
      ...(doc === readingList ? { readingList: true } : {}),
      ...(stages.length > 0 && stages.every((s) => isListItemStage(s.heading)) ? { listItems: true } : {}),
    };
  });
}

/**
 * The words a title names the corpus's subject by, when another title names it in other words:
 * 大语言模型 and LLM are the 大模型 of the other titles, so "the llm-course" or "NLP" (→ 自然语言处理:
 * 语言) names no roadmap by its title. Only the subject: 学习路线 is 学习路径 in the glossary, but a
 * learner quoting "大模型学习路线" means that title.
 */
function sharedSubjectWords(
  own: readonly GlossaryMatch[],
  others: readonly (readonly GlossaryMatch[])[],
  isCorpusSubject: (entry: GlossaryEntry) => boolean,
): Set<string> {
  const words = new Set<string>();
  for (const match of own) {
    const subject = match.entries.filter(isCorpusSubject);
    if (others.some((title) => title.some((m) => m.entries.some((entry) => subject.includes(entry)))))
      for (const token of tokenizeForSearch(match.surface)) words.add(token);
  }
  return words;
}

/**
 * Whether a title word can tell a learner's question which document it means: not a stage word
 * (every stage question says 阶段), a number (stage counts are read as counts), a demonstrative
 * ("看完这篇你就懂了": every 这篇 question would name that post) or an everyday word (看, 方法).
 */
function saysWhichTitle(token: string): boolean {
  return (
    Array.from(token).length >= 2 &&
    !STAGE_WORDS.some(([, pattern]) => pattern.test(token)) &&
    !/^\d+$/.test(token) &&
    !/^[这那此该本][篇份个本部]$/u.test(token) &&
    !isFiller(token) &&
    !isEverydayWord(token)
  );
}

/**
 * Hosts and path words of the page URLs and labels in the first lines (not images), and "blog"
 * for a post with a static-site generator's front matter (a date with tags or categories): a
 * learner calls that one "the blog post" too, so a question saying only "那篇博客" names no
 * single roadmap when several are blog posts.
 */
function originOf(text: string, metadata: DocumentMetadata | undefined): Set<string> {
  const head = text.split(/\r?\n/).slice(0, HEAD_LINES);
  const words: string[] = [];
  for (const line of head) {
    for (const url of line.match(/https?:\/\/[^\s<>()"'`]+/g) ?? []) {
      if (!/\.(png|jpe?g|gif|svg|webp)$/i.test(url)) words.push(...tokenizeForSearch(url));
    }
    if (/^\W*labels?\b/i.test(line)) words.push(...tokenizeForSearch(line.replace(/^\W*labels?\W*/i, "")));
  }
  if (metadata?.date && (metadata.tags?.length || metadata.categories?.length)) words.push("blog");
  // The platform its editor's marks tell (the corpus stage reads them before cleaning cuts them out).
  if (metadata?.platform) words.push(metadata.platform);
  return new Set(words.filter((t) => /^[a-z][a-z0-9]+$/.test(t) && !ORIGIN_NOISE.has(t)));
}

type StageWord = "stage" | "part";
const STAGE_WORDS: [StageWord, RegExp][] = [
  ["stage", /阶段|\bstages?\b|\bphases?\b/iu],
  ["part", /篇|章|\bparts?\b|\bchapters?\b|\bsections?\b/iu],
];
/** Which kind of stage word a text uses, when it uses exactly one kind. */
export function stageWordOf(text: string): StageWord | undefined {
  const found = STAGE_WORDS.filter(([, pattern]) => pattern.test(text)).map(([word]) => word);
  return found.length === 1 ? found[0] : undefined;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const month = (year: string, m: string) => `${year}-${m.padStart(2, "0")}`;

/** Year-month stamps in the front matter and first lines: 2024-09-05, 2023-06-27T…, 20241018, 2024年9月. */
function datesOf(text: string): Set<string> {
  const head = text
    .split(/\r?\n/)
    .slice(0, HEAD_LINES + 1)
    .join("\n");
  const out = new Set<string>();
  for (const m of head.matchAll(/\b(20\d{2})(?:[-/.年]\s*(\d{1,2})|(\d{2})\d{2}\b)/gu)) {
    const mm = m[2] ?? m[3]!;
    if (Number(mm) >= 1 && Number(mm) <= 12) out.add(month(m[1]!, mm));
  }
  return out;
}

/** Year-month references in a question: "2024年9月", "2024-09", "Sept 2024", "September of 2024", "二〇二四年九月". */
export function questionDates(question: string): string[] {
  const out: string[] = [];
  // Each pattern below needs a year, written 20xx or 二〇/二零…: most questions have none, and the
  // last pattern is a case-insensitive Unicode alternation, slow on every question (ignoreCaseTest.ts).
  if (!question.includes("20") && !question.includes("二〇") && !question.includes("二零")) return out;
  for (const m of question.matchAll(/(20\d{2})\s*(?:年|[-/.])\s*(\d{1,2})(?!\d)/gu)) out.push(month(m[1]!, m[2]!));
  // Written in Chinese numerals: 二〇二四年九月, 2024年九月, 二〇二四年9月.
  for (const m of question.matchAll(
    /(20\d{2}|二[〇零][〇零一二三四五六七八九]{2})\s*年\s*(十[一二]?|[一二三四五六七八九]|\d{1,2})\s*月/gu,
  )) {
    if (/^\d+$/.test(m[1]!) && /^\d+$/.test(m[2]!)) continue; // read above
    const year = [...m[1]!].map((digit) => String(parseNumber(digit))).join("");
    out.push(month(year, String(parseNumber(m[2]!))));
  }
  const named =
    /\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?,?\s+(?:of\s+)?(20\d{2})\b|\b(20\d{2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)/giu;
  for (const m of question.matchAll(named)) {
    const name = (m[1] ?? m[4]!).toLowerCase().slice(0, 3);
    out.push(month(m[2] ?? m[3]!, String(MONTHS.indexOf(name) + 1)));
  }
  return out;
}

const DATE_TOKEN =
  /^(?:(?:19|20)\d{2}|[年月]|月份|\d{1,2}|[一二三四五六七八九十]{1,3}月?份?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)$/iu;

/**
 * Months a question names without a full year ("九月那篇", "9月份的博客", "24年9月那篇", "the September
 * post"), as "01"…"12". Not a stage's month ("第 6 月"), a span ("1-2月") or a count (个月); May and
 * March only capitalised (the verbs may, march).
 */
export function questionMonths(question: string): string[] {
  const out: string[] = [];
  if (question.includes("月"))
    for (const m of question.matchAll(/(?<![\d第\-–~～到至]\s*)(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月/gu)) {
      const n = /^\d+$/u.test(m[1]!) ? Number(m[1]) : parseNumber(m[1]!);
      if (n !== undefined && n >= 1 && n <= 12) out.push(String(n).padStart(2, "0"));
    }
  for (const m of question.matchAll(ENGLISH_MONTH)) {
    const name = m[1]!;
    if (/^(?:may|march)$/u.test(name)) continue; // lower-case: the verbs
    // "May I ask …": the verb, capitalised at the start of a sentence.
    if (name === "May" && /^\s+(?:i|we|you|he|she|they|it)\b/iu.test(question.slice(m.index + m[0].length))) continue;
    out.push(String(MONTHS.indexOf(name.toLowerCase().slice(0, 3)) + 1).padStart(2, "0"));
  }
  return out;
}

const ENGLISH_MONTH =
  /\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?/gi;

/** Whether one of the months a question names is the month of one of the profile's dates ("YYYY-MM"). */
function namesMonthOf(months: readonly string[], profile: RoadmapProfile): boolean {
  if (months.length === 0) return false;
  for (const date of profile.dates) if (months.includes(date.slice(5, 7))) return true;
  return false;
}

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
  const short = profile.shortest ? SHORT_DOCUMENT.exec(question) : null;
  if (short) for (const token of tokenizeForSearch(short[0])) if (/^(?:短|short|shortest)$/iu.test(token)) tokens.add(token);
  for (const token of profile.distinctTitleTokens) if (namesTitle(token, terms)) tokens.add(token);
  // The date's own tokens as the question wrote them: 2024, 年, 9, 月, sept.
  if (questionDates(question).some((d) => profile.dates.has(d)) || namesMonthOf(questionMonths(question), profile))
    for (const token of tokenizeForSearch(question)) if (DATE_TOKEN.test(token)) tokens.add(token);
  return [...tokens];
}

/** The longest stage sequence; when some of its steps are named stages (…阶段), only those. */
function stagesOf(doc: CorpusDocument, chunks: readonly Chunk[]): Section[] {
  let longest: readonly Section[] = [];
  const groupsSeen = new Set<number | undefined>();
  for (const section of doc.outline) {
    const stage = stageOf(doc.outline, section);
    if (!stage || stage.index !== section.index) continue;
    // Every stage of one sibling group has the same steps: compute them once per group.
    if (groupsSeen.has(stage.parent)) continue;
    groupsSeen.add(stage.parent);
    const steps = roadmapSteps(doc, chunks, stage);
    if (steps.length > longest.length) longest = steps;
  }
  const named = longest.filter((s) => NAMED_STAGE.test(s.heading.trim()));
  // A copy: the steps are the navigator's cached list, shared by every question.
  return named.length >= 2 ? named : [...longest];
}

const COUNT_PATTERNS = [
  /([零〇一二两三四五六七八九十\d]{1,3})\s*(?:个)?\s*(?:大)?(?:阶段|段|步|部分|篇|章节|stages?\b|phases?\b)/giu,
  /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+(?:stages?|steps?|phases?|parts?|levels?|chapters?|sections?)\b/giu,
];
/**
 * Counts of a list's items ("四个方向", "四条路子", "four approaches", "the four-item list", "4 numbered
 * steps"): a roadmap whose stages are the items of a numbered list (corpus/leadingList.ts) is
 * described so. Such a count says less than a count of stages (four ways of doing anything): it
 * names the roadmap alone only when said of a document (SAYS_DOCUMENT), else adds to other naming words.
 */
const LIST_COUNT_PATTERNS = [
  // "列了四点", "分四条": a count of points a text lists, never a clock's hour (四点钟, 四点半).
  /(?:列|分|讲|写)了?\s*([零〇一二两三四五六七八九十\d]{1,2})\s*(?:点|条)(?![钟半前后多])/gu,
  /([零〇一二两三四五六七八九十\d]{1,2})\s*(?:个|条|種|种|类|項|项)\s*(?:大)?(?:方向|路子|路线|路|做法|方法|方式|玩法|方案|选择|条目|点)/gu,
  /\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)(?:\s+numbered)?[\s-]+(?:items?|directions?|approach(?:es)?|ways?|routes?|paths?|options?|points?|numbered\s+steps?)\b/giu,
];

/** Item counts a question states ("四个方向", "four approaches"), never ordinals ("第四个"). */
function statedItemCounts(question: string): number[] {
  return countsStated(question, LIST_COUNT_PATTERNS);
}

/**
 * A count right after a course, a book, a project or a video counts its parts ("那门课三个部分",
 * "the course's three parts"), not the roadmap's stages.
 */
const OTHER_THING_BEFORE =
  /(?:课|課|课程|課程|书|書|项目|項目|视频|視頻|影片|教程|course'?s?|book'?s?|project'?s?|video'?s?)\s*(?:的|has|with|in)?\s*$/iu;

/** The counts of two or more the patterns' first group reads in a question, never an ordinal (第…). */
function countsStated(question: string, patterns: readonly RegExp[]): number[] {
  const counts: number[] = [];
  for (const pattern of patterns) {
    for (const match of question.matchAll(pattern)) {
      const at = match.index ?? 0;
      if (question[at - 1] === "第" || OTHER_THING_BEFORE.test(question.slice(Math.max(0, at - 12), at))) continue;
      const n = parseNumber(match[1]!);
      if (n !== undefined && n >= 2) counts.push(n);
    }
  }
  return counts;
}

/**
 * A question that describes a roadmap by giving each stage a duration ("每个阶段都标了几个月的那份",
 * "the one with months per stage"); a plain "how long" question is about content, not shape.
 */
const STAGE_DURATION_QUESTION =
  /(每个?阶段|各个?阶段|每一阶段|每段).{0,12}(个月|几个月|多久|时间|时长|周期)|(个月|时间|时长|周期).{0,8}(每个?阶段|各个?阶段)|\b(each|per|every)\s+(stage|phase|step)\b.{0,30}\b(months?|weeks?|duration|time)|\b(months?|weeks?|duration|time(frame)?s?|how long)\b.{0,30}\b(each|per|every)\s+(stage|phase|step)\b/iu;

/** A function that computes its value on the first call and returns it after. */
function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}

function titleReferenceOf(title: string): Pick<RoadmapProfile, "titleReference" | "titleLiteral"> {
  const literal = (title.trim().match(/\p{Script=Han}+/gu) ?? []).reduce<string | undefined>(
    (longest, run) => (longest === undefined || run.length > longest.length ? run : longest),
    undefined,
  );
  return { titleReference: titleReference(title), ...(literal ? { titleLiteral: literal } : {}) };
}

/** The title in quotes or book-title marks, or followed by a word that points into a document (里, 那篇, 的第…). */
function titleReference(title: string): RegExp {
  const escaped = escapeRegExp(title.trim());
  return new RegExp(`[《“「"'‘]\\s*${escaped}|${escaped}\\s*(?:[》”」"'’]|里|中|上|这|那|的第|文章|一文)`, "iu");
}

/** Box-drawing characters (┌─┐ │ ▶ arrows drawn in text) or a mermaid diagram. */
const DRAWING = /[\u2500-\u257F]{3}|```mermaid/u;
/** A question that names a roadmap by its drawing: "画了流程图的那篇", "the one with boxes and arrows". */
const DIAGRAM_QUESTION =
  /流程图|流程圖|框图|框圖|示意图|示意圖|图示|圖示|方框|箭头|箭頭|\bdiagrams?\b|\bflow\s?charts?\b|\bboxes\b|\barrows\b|\bascii\b/iu;

/** A question that names a roadmap as a list of things to read: "那份清单", "the reading list", "书单". */
const READING_LIST_QUESTION =
  /清单|清單|书单|書單|资料汇总|資料彙整|资料合集|資料合集|\b(?:reading|resource|link)\s+lists?\b|\blists?\s+of\s+(?:links|resources|readings|papers)\b/iu;

/** "那篇", "文章": words for the document itself, whatever its stages are called (文章 is no 章, chapter). */
const DOCUMENT_WORDS = /[这那此该本哪]\s*篇|文章/gu;
/** A word for a document, in either language: a count beside it describes the document. */
const SAYS_DOCUMENT =
  /篇|文章|博客|部落格|路线|路線|清单|清單|笔记|筆記|指南|帖子|\b(?:blog|post|article|list|guide|roadmap|notes?|write-?up)\b/iu;

/** The text of each stage count a question states ("三个阶段", "three-stage"). */
function countExpressions(question: string): string[] {
  return COUNT_PATTERNS.flatMap((pattern) =>
    [...question.matchAll(pattern)].filter((m) => question[(m.index ?? 0) - 1] !== "第").map((m) => m[0]),
  );
}

/**
 * A stage word of COUNT_PATTERNS, with their flags: every count either finds holds one, so a
 * question without any (most) states no count (through the twin on a plain one, ignoreCaseTest.ts).
 */
const mayStateCount = ignoreCaseTester(/段|步|部分|篇|章节|stage|phase|step|part|level|chapter|section/iu);

/** Stage counts a question states ("7个阶段", "three stages"), never ordinals ("第三阶段"). */
export function statedStageCounts(question: string): number[] {
  return mayStateCount(question) ? countsStated(question, COUNT_PATTERNS) : [];
}

// Both `iu`, asked of every question a retrieval reads: through their twins (ignoreCaseTest.ts).
const asksStageDurations = ignoreCaseTester(STAGE_DURATION_QUESTION);
const asksForDiagram = ignoreCaseTester(DIAGRAM_QUESTION);

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
  const counts = statedStageCounts(question);
  const itemCounts = statedItemCounts(question);
  const saysDocument = itemCounts.length > 0 && SAYS_DOCUMENT.test(question);
  const asksDuration = asksStageDurations(question);
  const dates = questionDates(question);
  const months = dates.length > 0 ? [] : questionMonths(question);
  const spans = [...new Set(durationSpans(question))];
  // The stage word of the count itself ("three-stage article … the section near the end": stage),
  // else of the question less its document words ("三阶段那篇文章": the article is no 篇 or 章).
  const askedWord =
    counts.length > 0
      ? (stageWordOf(countExpressions(question).join(" ")) ?? stageWordOf(question.replace(DOCUMENT_WORDS, " ")))
      : undefined;
  // Asked of the question once, and only when some roadmap draws a diagram.
  let asksDiagram: boolean | undefined;
  let namedShort: boolean | undefined;
  const scored = profiles.map((profile) => {
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
    // With a stated count, "每个阶段要学几个月" asks the durations; it describes the roadmap only without one.
    if (asksDuration && counts.length === 0) score += profile.stageDurations >= 2 ? 2 : profile.durations >= 2 ? 1 : 0;
    for (const word of profile.origin)
      if ((terms.has(word) && !namesResourcePlace(word, question)) || ORIGIN_IN_CHINESE[word]?.test(question)) score += 2;
    if (profile.diagram && (asksDiagram ??= asksForDiagram(question))) score += 2;
    if (profile.readingList && READING_LIST_QUESTION.test(question)) score += 2;
    // Length is relative and vague: it tells two blog posts apart, it names no roadmap alone.
    if (profile.shortest && (namedShort ??= SHORT_DOCUMENT.test(question))) score += 1;
    // A publication month names one document more surely than a host or label word.
    if (dates.some((d) => profile.dates.has(d))) score += 3;
    // A month alone ("九月那篇") names the document published in it, when no full date was given.
    else if (namesMonthOf(months, profile)) score += 2;
    for (const token of profile.distinctTitleTokens) if (namesTitle(token, terms)) score += 1;
    // The whole title ("大模型学习路径指南"), when one of its words is its own: a title another
    // title wholly contains ("学习路径") names nothing by itself.
    const mayName = profile.titleLiteral === undefined || question.includes(profile.titleLiteral);
    if (mayName && profile.titleReference?.test(question) && profile.titleIsOwn()) score += 2;
    return { profile, score };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best < 2) return undefined;
  const top = scored.filter((s) => s.score === best);
  return top.length === 1 ? top[0]!.profile : undefined;
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
