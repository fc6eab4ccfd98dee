import { escapeRegExp } from "../text/escapeRegExp.js";
import { ignoreCaseTester } from "../text/ignoreCaseTest.js";
import { inGates, patternGates, PATTERNS_PER_GATE, type PatternGate } from "../text/patternStarts.js";
import { mayMatchGated } from "../text/questionGate.js";
import { recentlyComputed } from "../text/recentlyComputed.js";
import { rememberedWhileUsed } from "../text/recentlyUsed.js";
import { detailGateStarts } from "./detailGateStarts.js";
import { CN_NUMBER, DETAIL_RULES, type DetailKind } from "./detailRules.js";
import { countedWithModifiers, partsCounted, seriesCountsAsked } from "./enumeratedCounts.js";
import { findGlossaryMatches } from "./glossary.js";
import { listItems } from "./listItems.js";
import { questionDates } from "./questionDates.js";
import { withoutMatches, withoutStatedAmounts, withoutStatedCounts } from "./statedAmounts.js";

/**
 * The kinds of detail a question can ask for (a price, a date, a duration, a count, a person …)
 * and whether a passage's text holds one: what a question asks is read by its class, not by its
 * wording. confidence.ts marks an answer low when the passages about its subject hold none;
 * the offline answer prefers the sentence that holds it.
 */

export type { DetailKind } from "./detailRules.js";

/**
 * "How many X" / 多少X / 几X: the unit asked for (人, 页, bit, 参数, pages, experts …). A count is
 * present only as a number next to that unit, so a passage with some other number does not count.
 */
interface CountUnit {
  unit: string;
  latin: boolean;
  /** The Chinese noun counted whole (框架 of 几个框架), when longer than its unit. */
  noun?: string;
  /** Things a roadmap enumerates (方向, 原则, 步): a list of them answers the count. */
  enumerable?: boolean;
}

/** A kind of work after 多少 and a modifier ending in 的: its amount is a share of all such work. */
const SHARE_OF_WORK = /^\p{Script=Han}{1,6}的\s*(?:活儿?|工作|脑力劳动|体力劳动|劳动|事情?|任务|岗位|崗位|职位|職位|工种|工種)/u;

function countUnitAsked(question: string): CountUnit | undefined {
  if (/百分之多少|多少\s*%|多少\s*比例|几成|幾成|what percent|\bpercentage\b/i.test(question)) return { unit: "%", latin: false };
  // 哪几/好几/这几 mean "which ones" / "several" / "these", 第几 "which (ordinal)", 只看几个/就几个
  // (also a verb apart: 只看几个例子), 短短几行/寥寥几句/区区几个 "just a few": not "how many".
  let zh = /(?<![哪好这這那第只就短寥区區])(?<![只就]\p{Script=Han})(?:多少|几|幾)\s*(个|個)?\s*([A-Za-z]+|\p{Script=Han}{1,10})/u.exec(
    question,
  );
  // 推荐几个 / 想 follow 几个: the object of a request is "a few", not "how many".
  if (zh && REQUEST_VERB_BEFORE.test(question.slice(0, zh.index))) zh = null;
  if (zh && severalDescribed(question, zh.index, zh[0])) zh = null;
  // "能顶替多少动脑子的活", "会取代多少重复性的岗位": how much of a kind of work, answered by a share (80%).
  if (zh?.[2] && SHARE_OF_WORK.test(zh[2])) return { unit: "%", latin: false };
  const noun = zh?.[2]?.split(/[的了呢吗嗎啊呀吧，,。？?！!、]/u)[0] ?? "";
  // "Colab notebooks 总共有几个？": 个 ends the question, and what it counts was named before it.
  const before = zh && /^[个個]$/u.test(noun) ? countedBefore(question.slice(0, zh.index)) : undefined;
  if (before) return before;
  // 有几份路线推荐了它: the roadmaps themselves are counted, by which of them name it, not by a number in one.
  if (DOCUMENTS_COUNTED.test(noun)) return undefined;
  const first = Array.from(noun)[0];
  // "有几个跟 AI 有关": after the classifier comes a preposition or verb, not a noun; 个 is the unit.
  const unit = zh?.[1] && first && CLAUSE_WORD.test(first) ? "个" : /^[A-Za-z]/.test(noun) ? noun : first;
  if (unit && !/^[月年天周週久的了呢吗嗎啊呀钱錢号號]$/u.test(unit) && !/^(?:hours?|days?|weeks?|months?|years?)$/i.test(unit)) {
    const latin = /^[A-Za-z]/.test(unit);
    const enumerable = latin ? ENUMERABLE_LATIN.test(unit) : ENUMERABLE_NOUN.test(noun) || enumeratedByClassifier(noun);
    const whole = !latin && unit === first && Array.from(noun).length >= 2 ? { noun } : {};
    return { unit, latin, ...whole, ...(enumerable ? { enumerable } : {}) };
  }
  // "How many of the top 20 jobs were AI-related": a share of a set, counted as 个 in the documents' Chinese.
  if (/\bhow many of\b/i.test(question)) return { unit: "个", latin: false };
  // A hyphenated modifier or a rate is not what is counted: "how many hands-on projects" counts projects,
  // "how many weekly hours" hours.
  const en = /\bhow many\s+(?:[a-z]+-[a-z-]+\s+|(?:weekly|daily|monthly|yearly|annual|hourly)\s+)?([a-z]+)/i.exec(question);
  const head = en?.[1];
  if (head && !/^(days|weeks|months|hours|hrs?|mins?|years)$/i.test(head)) {
    const unit = head.replace(/e?s$/i, "");
    return { unit, latin: true, ...(ENUMERABLE_LATIN.test(unit) ? { enumerable: true } : {}) };
  }
  return undefined;
}

/**
 * The thing a bare 几个 counts, named right before it ("Colab notebooks 总共有几个", "实战项目一共有几个"):
 * a Latin word, or the Chinese noun after the last particle or pointer (的, 里, 那份 …), four
 * characters at most. Its count is a number beside it ("3 个 notebook"), not any "N 个" of the
 * passage ("课程分为三个部分" counts the course's parts).
 */
function countedBefore(head: string): CountUnit | undefined {
  const match = COUNTED_BEFORE.exec(head);
  if (!match) return undefined;
  if (match[1]) {
    const unit = match[1].toLowerCase().replace(/(?:e?s)$/u, "");
    return { unit, latin: true, ...(ENUMERABLE_LATIN.test(unit) ? { enumerable: true } : {}) };
  }
  const noun = Array.from(match[2]!.split(/[的里裡中上了在那这這份篇个個说說]/u).pop() ?? "")
    .slice(-4)
    .join("");
  if (Array.from(noun).length < 2) return undefined;
  const enumerable = ENUMERABLE_NOUN.test(noun) || enumeratedByClassifier(noun);
  return { unit: Array.from(noun)[0]!, latin: false, noun, ...(enumerable ? { enumerable } : {}) };
}

/** The noun before a bare 几个, and the words that may stand between: 总共, 一共, 加起来, 有. */
const COUNTED_BEFORE =
  /(?:([A-Za-z][A-Za-z-]{2,})|(\p{Script=Han}+?))\s*(?:总共|總共|一共|共|总计|總計|合计|合計|加起来|加起來)?\s*(?:有|是)?\s*$/u;

/**
 * Things a roadmap enumerates, counted by listing them: by their classifier (几条, 几种, 几步, 几块)
 * or by the noun (几个方向, 几个阶段, 几个原则).
 */
const ENUMERABLE_CLASSIFIER = /^[条條种種类類步项項路招门門块塊点點]/u;
const ENUMERABLE_NOUN = /方向|阶段|階段|部分|原则|原則|方法|做法/u;
/**
 * 几条, 几种, 几步 alone, or before a thing a roadmap lists (几条建议, 几门课, 几条学习路径设计原则): a
 * list answers. Before something a roadmap never lists (几条评论, 几种语言的字幕) the classifier counts that.
 */
function enumeratedByClassifier(noun: string): boolean {
  const match = ENUMERABLE_CLASSIFIER.exec(noun);
  if (!match) return false;
  const rest = noun.slice(match[0].length);
  return rest === "" || ENUMERABLE_NOUN.test(rest) || LISTED_THING.test(rest);
}

/** What a roadmap's lists hold: advice, steps, courses, books, projects, resources, pitfalls. */
const LISTED_THING =
  /(?:建议|建議|技巧|要点|要點|步骤|步驟|坑|课|課|书|書|项目|項目|专案|專案|资源|資源|资料|資料|论文|論文|工具|框架|路线|路線|技术|技術|能力|场景|場景|岗位|崗位|平台|网站|網站|例子)/u;

/** The same things in English ("几个 part", "how many sections"), by the unit word. */
const ENUMERABLE_LATIN = /^(?:parts?|sections?|stages?|phases?|steps?|directions?|principles?|modules?|chapters?|tracks?)$/iu;

/**
 * 几 in a clause that asks nothing, before the one that asks ("同时几万人在用，这块该学啥？", "多开几台，
 * 哪篇讲了？"): "several", described, not "how many". A count asked ends the question or is had
 * (有几个方向，分别是什么 / 一共几集，每集多长 still ask it).
 */
function severalDescribed(question: string, at: number, matched: string): boolean {
  if (matched.startsWith("多少")) return false;
  const rest = question.slice(at);
  const end = rest.search(/[，,；;。？?！!]/u);
  if (end < 0 || /[？?！!]/u.test(rest[end]!)) return false;
  const start = Math.max(...["，", ",", "；", ";", "。", "？", "?", "！", "!"].map((mark) => question.lastIndexOf(mark, at))) + 1;
  const clause = question.slice(start, at + end);
  return !/[有共吗嗎呢啊呀吧]/u.test(clause) && /[？?]|哪|啥|什么|什麼|怎么|怎麼|吗|嗎/u.test(rest.slice(end));
}

/** The documents as what is counted (几份路线, 幾篇文章, 多少份清单): retrieval's sources answer it. */
const DOCUMENTS_COUNTED = /^[份篇](?:学习)?(?:路线|路線|文章|清单|清單|资料|資料|roadmap)/iu;

/** A verb of asking for some (推荐, 找, 订阅, 举 "name a few", follow) right before 几个. */
const REQUEST_VERB_BEFORE = /(?:推荐|推薦|找|订阅|訂閱|关注|關注|挑|选|選|列|列出|举|舉|\bfollow|\bsubscribe to)\s*$/iu;

/** Characters that start a clause, not a noun: 跟/和/与 (with), 是 (is), 在 (at), 被, 能, 会 … */
const CLAUSE_WORD = /^[跟和与與同是在被能会會要有都就还還也]$/u;

/**
 * What detailPresent reads of a question, remembered for recent questions: the offline answer
 * checks every candidate sentence for the asked detail, and each check read the question again
 * (the unit it asks, the durations it states) and built its patterns anew.
 */
const RECENT_QUESTIONS = 64;
const rememberedCountUnit = recentlyComputed(RECENT_QUESTIONS, (question: string) => countUnitAsked(question) ?? null);

/** A count's pattern, by its unit. */
const countPattern = recentlyComputed(RECENT_QUESTIONS, (key: string): RegExp => {
  const latin = key.startsWith("l");
  const u = escapeRegExp(key.slice(1));
  return latin
    ? new RegExp(`\\d[\\d,.]*\\s*(?:[a-z-]+\\s+){0,2}${u}|${u}\\w*\\s*[:=：]?\\s*\\d`, "i")
    : key === "z%"
      ? /\d\s*%|百分之/u
      : new RegExp(`[0-9０-９一二三四五六七八九十百千万萬亿億两兩]+\\s*%?\\s*(?:个|個)?\\s*${u}`, "u");
});

function countPresent(unit: CountUnit, texts: readonly string[], question: string): boolean {
  const pattern = countPattern(`${unit.latin ? "l" : "z"}${unit.unit}`);
  // How many directions, principles or steps: a list of them answers by enumerating, and so does
  // the document's own count of its parts ("分为三个部分" for "分成几块").
  if (unit.enumerable && texts.some((text) => listItems(text) !== undefined || partsCounted(text))) return true;
  // "实战项目一共有几个": a series 实战项目一/二/三 counts them (enumeratedCounts.ts).
  if (seriesCountsAsked(question, texts)) return true;
  // "至少掌握一个大模型应用框架": a number and 个 before the noun and its modifiers (enumeratedCounts.ts).
  if (unit.noun !== undefined && texts.some((text) => countedWithModifiers(unit.noun!, text))) return true;
  // "12 个 Colab notebooks": a Chinese count before a Latin noun and its modifiers.
  if (unit.latin && texts.some((text) => latinCountedInChinese(unit.unit).test(text))) return true;
  // "How many projects per stage": the documents count them in Chinese (1 - 2 个实战项目), by the glossary's names.
  if (unit.latin) {
    const names = chineseNamesOf(unit.unit);
    if (names.length > 0 && texts.some((text) => names.some((name) => countedWithModifiers(name, text)))) return true;
  }
  return texts.some((text) => pattern.test(text));
}

/** The glossary's Chinese names of an English unit word (project → 项目, 实战项目), as the question or its plural spells it. */
const chineseNamesOf = recentlyComputed(RECENT_QUESTIONS, (unit: string): string[] => {
  const matches = [...findGlossaryMatches(unit, { learnerPhrases: false }), ...findGlossaryMatches(`${unit}s`, { learnerPhrases: false })];
  return [...new Set(matches.flatMap((match) => match.entries.flatMap((entry) => entry.zh)))];
});

const latinCountedInChinese = recentlyComputed(
  RECENT_QUESTIONS,
  (unit: string) => new RegExp(`${CN_NUMBER}+\\s*(?:个|個)\\s*(?:[A-Za-z-]+\\s+){0,2}${escapeRegExp(unit)}`, "iu"),
);

const DURATION_UNITS: { asked: RegExp; present: string }[] = [
  // A video's or a recording's length is its running time: minutes, hours or episodes, never the
  // months a plan gives for studying beside it; asked in the video's clause or as the next clause
  // ("那个视频讲的是哪篇论文？多长时间？").
  {
    asked:
      /(?:视频|視頻|影片|录像|錄像|录播|錄播|\bvideos?\b|\brecordings?\b)(?:[^，,。？?！!学學]{0,8}|[^。！!学學]{0,24}?[，,？?]\s*(?:它|那|这|這)?\s*(?:大概|大约|大約|一共|总共|總共|有)?\s*)(?:多长|多長|多久|几分钟|幾分鐘|多少分钟|多少分鐘|\bhow long\b)|\bhow long\b[^?？]{0,30}\b(?:videos?|recordings?)\b/i,
    present: "分钟|分鐘|小时|小時|集|minutes?|mins?|hours?|hrs?|episodes?",
  },
  {
    asked: /几个?小时|幾個?小時|多少(?:个)?小时|多少小時|(?:几|幾|多少)\s*[个個]?\s*(?:钟头|鐘頭)|\bhow many (?:hours|hrs?)\b/i,
    present: "小时|小時|hours?|hrs?|h\\b",
  },
  { asked: /几天|幾天|多少天|\bhow many days\b/i, present: "天|日|days?" },
  { asked: /几周|幾週|幾周|几个星期|幾個星期|\bhow many weeks\b/i, present: "周|週|星期|weeks?" },
  { asked: /\bhow many months\b/i, present: "个月|個月|月|months?" },
  { asked: /\bhow many years\b/i, present: "年|years?" },
];

/**
 * A duration asked in a named unit ("how many hours per week", "几个小时") is present only as a
 * number with that unit: a passage giving months does not say how many hours.
 */
function durationUnitAsked(question: string): RegExp | undefined {
  const unit = DURATION_UNITS.find((u) => u.asked.test(question));
  return unit ? new RegExp(`${CN_NUMBER}+\\s*(?:[-~～到至]\\s*${CN_NUMBER}+\\s*)?(?:个|個)?\\s*(?:${unit.present})`, "i") : undefined;
}
const rememberedDurationUnit = recentlyComputed(RECENT_QUESTIONS, (question: string) => durationUnitAsked(question) ?? null);

/** What a duration's unit starts with (小时, 分钟, 星期, 个月 …), read as a count's unit ("minutes" is read as "minut": the count's unit loses its -es). */
const TIME_UNIT_START = /^(?:[小时時分秒星周週天日月年钟鐘个個]|hours?|hrs?|minut(?:es?)?|mins?|days?|weeks?|months?|years?)$/iu;

const MONTH_ASKED = /几月|幾月|哪个月|哪個月|哪月|\b(?:which|what) month\b/i;
/** The day asked (哪天, 几号, "what day", "the exact date"): a year or a month alone does not give it. */
const DAY_ASKED =
  /哪一?天|哪一?日(?!本)|几号|幾號|具体日期|具體日期|确切日期|確切日期|\b(?:what|which) day\b|\bexact date\b|\bon what date\b/i;
const DAY_PRESENT =
  /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|(?<!\d)(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)|\d{1,2}\s*月\s*\d{1,2}\s*[日号號]|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/i;
const MONTH_PRESENT =
  /(?<![0-9])(?:1[0-2]|0?[1-9]|[一二三四五六七八九十]|十[一二])\s*月(?!\s*[-~～到至])|(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;

/** The question without the words that ask for a kind of detail ("要花几个月", "how long"): what is left names the topic. */
export function withoutDetailQuestions(question: string): string {
  return recentlyWithoutDetailQuestions(question);
}

/**
 * The evidence focus asks this of the question and of each of its terms (glossary labels recur).
 * Only the patterns the gate leaves open are replaced: most questions ask no detail, and 22
 * global replaces (`iu`, no twins) were most of the evidence focus.
 */
const recentlyWithoutDetailQuestions = recentlyComputed(1024, (question: string) => {
  // Gate by gate, each over its own rules in their order: the rules' words are taken out in turn.
  let text = question;
  const everywhere = askedEverywhereByGate();
  askedPatternGates().forEach((gate, g) => {
    text = gate.replaceInTurn(text, everywhere[g]!, " ");
  });
  return text;
});

/**
 * Each rule's `asked` pattern, global, made once (on first use, when every rule is in), by gate: the
 * evidence focus asks this of the question and of each of its terms, ~15 patterns each time.
 * A global pattern starts over at 0 in every replace, so one copy serves every call.
 */
let askedPatterns: readonly (readonly RegExp[])[] | undefined;

function askedEverywhereByGate(): readonly (readonly RegExp[])[] {
  // Grouped as patternGates groups the rules: gate g's patterns, in order.
  askedPatterns ??= inGates(DETAIL_RULES.map((rule) => new RegExp(rule.asked.source, `${rule.asked.flags.replace("g", "")}g`)));
  return askedPatterns;
}

/**
 * The last question's kinds: one request asks this of the same question in retrieval, the
 * confidence check and the offline answer (each of ~15 patterns over the question).
 */
let lastAsked: { question: string; kinds: readonly DetailKind[] } | undefined;

/** The kinds of detail a question asks for (usually none, sometimes one). */
export function detailsAsked(question: string): DetailKind[] {
  if (lastAsked?.question !== question) lastAsked = { question, kinds: kindsAsked(question) };
  // A copy: callers may filter or push onto what they get.
  return [...lastAsked.kinds];
}

/**
 * Each rule's tests (ignoreCaseTest.ts: a third of the rules are `iu` patterns, which V8 runs
 * several times slower than their `i` twins on a plain question), made once, when every rule is in.
 */
interface RuleTests {
  kind: DetailKind;
  asked: (text: string) => boolean;
  /** Remembered per text: the offline answer checks the same top passages' sentences question after question. */
  present: (text: string) => boolean;
}

/**
 * Texts whose `present` answer each rule remembers: the sentences and passage texts of a few
 * dozen recent answers. Without them a duration question ran the rule's pattern over each of its
 * candidate sentences, though the same sentences came back from question to question.
 */
const TEXTS_REMEMBERED_PER_RULE = 1024;
let ruleTests: readonly RuleTests[] | undefined;
/**
 * Which rules' `asked` patterns can match a question at all, from one pass over its characters
 * (patternStarts.ts): a question holds the first characters of a match of a few of them, and the
 * others are not run. Rule k is bit k % PATTERNS_PER_GATE of gate ⌊k / PATTERNS_PER_GATE⌋ (patternGates).
 */
let askedGates: readonly PatternGate[] | undefined;

/** The gates over the rules' `asked` patterns, made with their tests. */
function askedPatternGates(): readonly PatternGate[] {
  detailRuleTests();
  return askedGates!;
}

function detailRuleTests(): readonly RuleTests[] {
  if (ruleTests?.length !== DETAIL_RULES.length) {
    ruleTests = DETAIL_RULES.map((rule) => ({
      kind: rule.kind,
      asked: ignoreCaseTester(rule.asked),
      present: rememberedWhileUsed(TEXTS_REMEMBERED_PER_RULE, ignoreCaseTester(rule.present)),
    }));
    askedGates = patternGates(
      DETAIL_RULES.map((rule) => rule.asked),
      detailGateStarts,
    );
  }
  return ruleTests;
}

/**
 * "每段标了几个月的那份 roadmap", "每段都标了月份的路线": the durations a roadmap states, said to name
 * it by its shape (roadmapReference.ts), not a duration asked.
 */
const SHAPE_DESCRIPTION =
  /(?:标了|标着|写了|写着|给了|注明了?|标注了?)\s*(?:几个月|多久|多长时间|时长|月份)\s*的(?=\s*(?:那份|那篇|那个|这份|这篇)?\s*(?:roadmap|路线|路线图|指南|文章|帖子|博客|清单|计划|学习路线|guide|plan|post))/giu;

/** Whether SHAPE_DESCRIPTION can match a text at all, from the question's shared reading (questionGate.ts). */
const mayDescribeShape = mayMatchGated(SHAPE_DESCRIPTION);

/**
 * Mandarin's colloquial question words (啥, 四川话 啥子, 咋, 咋个, 武汉话 么样) mean 什么 and 怎么, in which every
 * rule is written: "要啥 GPU 规格" asks hardware as "要什么 GPU 规格" does. Cantonese's (咩, 點樣) are
 * read as standard before this (text/cantoneseWords.ts); these are standard characters, kept in the
 * learner's text elsewhere and read so only to tell what kind of detail is asked.
 */
const COLLOQUIAL_ASKING = /[啥咋]|好[久多]|么样/u;
const COLLOQUIAL_WHAT = /啥子|啥/gu;
// Wuhan's 么样 is 怎么 ("要么样配置"), not the 么样 inside 怎么样 or 这么样.
const COLLOQUIAL_HOW = /咋个|咋|(?<![怎这這那什])么样/gu;
/**
 * Southwestern Mandarin's (Sichuan, Chongqing, Wuhan) 好久 and 好多 ending a question ask how long and
 * how much ("要学好久撒？", "一个月好多钱？"); in standard Mandarin, "要学好久吗" asks of the length too.
 */
const COLLOQUIAL_HOW_LONG = /好久(?=\s*[啊撒嘛哦呀喃哟哇吗嗎咯啰囉噻嘞哈]?\s*(?:[？?]|$))/gu;
const COLLOQUIAL_HOW_MUCH = /好多(?=\s*\p{Script=Han}{0,3}?\s*[啊撒嘛哦呀喃哟哇吗嗎咯啰囉噻嘞哈]?\s*(?:[？?]|$))/gu;

function kindsAsked(learners: string): DetailKind[] {
  const asked = COLLOQUIAL_ASKING.test(learners)
    ? learners
        .replace(COLLOQUIAL_WHAT, "什么")
        .replace(COLLOQUIAL_HOW, "怎么")
        .replace(COLLOQUIAL_HOW_LONG, "多久")
        .replace(COLLOQUIAL_HOW_MUCH, "多少")
    : learners;
  const question = mayDescribeShape(asked) ? asked.replace(SHAPE_DESCRIPTION, " ") : asked;
  const rules = detailRuleTests();
  const mayMatch = askedPatternGates().map((gate) => gate.mayMatch(question));
  let kinds = rules
    .filter((rule, k) => (mayMatch[Math.floor(k / PATTERNS_PER_GATE)]! & (1 << (k % PATTERNS_PER_GATE))) !== 0 && rule.asked(question))
    .map((rule) => rule.kind);
  // "多久更新一次" asks a rate, not a length of time.
  if (kinds.includes("frequency")) kinds = kinds.filter((kind) => kind !== "duration");
  // A parameter value already names its unit, and so does a duration (多少小时 is no count of
  // 小); any other count is checked too, beside a duration ("几集？每集多长").
  const unit = countUnitAsked(question);
  if (
    unit &&
    !kinds.includes("setting") &&
    !(kinds.includes("duration") && TIME_UNIT_START.test(unit.unit)) &&
    // 几岁 asks an age, not a count of 岁.
    !(kinds.includes("age") && /^[岁歲]/u.test(unit.unit))
  )
    kinds.push("count");
  return kinds;
}

/** Whether any of the texts holds a token of that kind of detail (count: as asked in `question`). */
export function detailPresent(kind: DetailKind, texts: readonly string[], question = ""): boolean {
  // A link's address states nothing but where to download it: a tracking query's "^v100^" is no
  // GPU, courses.d2l.ai/zh-v2/ no edition, …/posts/2023-06-23-agent/ no date the text gives.
  if (kind !== "download" && kind !== "code") texts = withoutLinkAddresses(texts);
  if (kind === "duration") texts = withoutStatedDurations(texts, question);
  if (kind === "date") texts = withoutStatedMonths(texts, question);
  if (kind === "price") texts = withoutStatedAmounts(texts, question);
  if (kind === "count") texts = withoutStatedCounts(texts, question);
  const unit = kind === "duration" ? (rememberedDurationUnit(question) ?? undefined) : undefined;
  if (unit) return texts.some((text) => unit.test(text));
  // "几月份发的" asks for a month: a year alone does not say it.
  if (kind === "date" && DAY_ASKED.test(question)) return texts.some((text) => DAY_PRESENT.test(text));
  if (kind === "date" && MONTH_ASKED.test(question)) return texts.some((text) => MONTH_PRESENT.test(text));
  if (kind === "count") {
    const unit = rememberedCountUnit(question);
    return unit === null || countPresent(unit, texts, question);
  }
  const rule = detailRuleTests().find((r) => r.kind === kind)!;
  return texts.some((text) => rule.present(text));
}

/** Dates and years in a passage: 2024-09-05, 2024年9月5日, 2024/9, 20240905, 2024. */
const TEXT_DATE = /(?<!\d)((?:19|20)\d{2})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*\d{1,2}\s*日?)?|(\d{2})\d{2}(?!\d))?/gu;

/**
 * "The post from September 2024 says …, by what year?": a date in the month the question states,
 * or that month's year alone, is what the question already gave (the post's own date), not the
 * date it asks for.
 */
function withoutStatedMonths(texts: readonly string[], question: string): readonly string[] {
  const months = new Set(questionDates(question));
  // "那篇 2023 年发的文章后来更新到什么时候": a year the question states alone is what it knows too,
  // unless it asks which month of it.
  const statedYears = MONTH_ASKED.test(question) ? [] : [...question.matchAll(STATED_YEAR)].map((m) => m[1]!);
  if (months.size === 0 && statedYears.length === 0) return texts;
  const years = new Set([...[...months].map((m) => m.slice(0, 4)), ...statedYears]);
  const wholeYears = new Set(statedYears);
  return texts.map((text) =>
    text.replace(TEXT_DATE, (date, year: string, month?: string, compact?: string) => {
      const asked = month ?? compact;
      return wholeYears.has(year) || (asked ? months.has(`${year}-${asked.padStart(2, "0")}`) : years.has(year)) ? " " : date;
    }),
  );
}

const LINK_ADDRESS = /\bhttps?:\/\/[^\s)>\]]+/giu;

function withoutLinkAddresses(texts: readonly string[]): readonly string[] {
  return texts.some((text) => text.includes("://")) ? texts.map((text) => text.replace(LINK_ADDRESS, " ")) : texts;
}
/** A year written alone in a question (2023 年, in 2023), not the year of a month it names. */
const STATED_YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d|\s*(?:年|[-/.])\s*\d{1,2}(?!\d)|\s*年\s*[一二三四五六七八九十]+\s*月)/gu;

const STATED_DURATION = /(\d+(?:\.\d+)?)\s*(?:个|個)?\s*(小时|小時|hours?|天|days?|周|週|weeks?|月|months?|年|years?)/giu;

/**
 * "那 20 小时里，微调部分占几个小时": a length of time the question itself states is what it knows,
 * not its answer; the same number with the same unit in a passage does not count.
 */
function withoutStatedDurations(texts: readonly string[], question: string): readonly string[] {
  return withoutMatches(texts, statedDurationPatterns(question));
}

/** The patterns of the durations a question states (global, each starts over at 0 in every replace). */
const statedDurationPatterns = recentlyComputed(RECENT_QUESTIONS, (question: string): readonly RegExp[] =>
  [...question.matchAll(STATED_DURATION)].map(
    (m) => new RegExp(`(?<![\\d.])${m[1]!.replace(".", "\\.")}\\s*(?:个|個)?\\s*${unitClass(m[2]!)}`, "giu"),
  ),
);

function unitClass(unit: string): string {
  if (/小时|小時|hour/iu.test(unit)) return "(?:小时|小時|hours?)";
  if (/天|day/iu.test(unit)) return "(?:天|days?)";
  if (/周|週|week/iu.test(unit)) return "(?:周|週|weeks?)";
  if (/月|month/iu.test(unit)) return "(?:个月|個月|月|months?)";
  return "(?:年|years?)";
}
