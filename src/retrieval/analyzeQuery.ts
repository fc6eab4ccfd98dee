import { ignoreCaseTester } from "../text/ignoreCaseTest.js";
import { detectLanguage } from "../text/language.js";
import { questionMemo } from "../text/questionMemo.js";
import { AFTER_POSTPOSITIONS, BEFORE_POSTPOSITIONS, FINISHING_VERBS, NEXT_CUES, PREVIOUS_CUES, cuePattern } from "../text/questionCues.js";
import { expandQuery } from "./expandQuery.js";
import { findGlossaryMatches } from "./glossary.js";
import { EN_FILLER, ZH_FILLER, isFiller } from "./questionWords.js";
import type { QueryAnalysis } from "./types.js";
import { mayMatchGated } from "../text/questionGate.js";

/**
 * What a question asks: its language, whether it asks what comes after/before something in a
 * learning path, the topic it is about and the glossary expansions of its field terms.
 *
 * The topic is the part of the question left when the sequence words, question words and filler
 * are taken out ("学完 LoRA 之后该学什么?" → "LoRA"; "what should I learn after fine-tuning" →
 * "fine-tuning"). It is always a verbatim substring of the question, so callers can substitute it.
 * It is found for any question (a follow-up may borrow it), but only sequence questions use it
 * for roadmap navigation.
 */
export function analyzeQuery(question: string): QueryAnalysis {
  return { ...questionShape(question), expansions: expandQuery(question) };
}

/** analyzeQuery without the expansions, for a caller that expands the question its own way (the retriever). */
export function questionShape(question: string): Omit<QueryAnalysis, "expansions"> {
  const sequence = sequenceIntent(question);
  const topic = extractTopic(question);
  return {
    language: detectLanguage(question),
    sequence,
    ...(topic ? { topic } : {}),
  };
}

const NEXT_PATTERNS = cuePattern(NEXT_CUES);
const PREVIOUS_PATTERNS = cuePattern(PREVIOUS_CUES);

/** Whether each cue pattern can match a text at all, from the question's shared reading (questionGate.ts). */
const NEXT_GATES = NEXT_PATTERNS.map(mayMatchGated);
const PREVIOUS_GATES = PREVIOUS_PATTERNS.map(mayMatchGated);

function countMatches(patterns: RegExp[], gates: readonly ((text: string) => boolean)[], text: string): number {
  return patterns.reduce((sum, pattern, k) => sum + (gates[k]!(text) ? (text.match(pattern)?.length ?? 0) : 0), 0);
}

/**
 * Uses of the cue words that do not ask what comes next in a path:
 *   - everything finished (全部学完, 整套学完 … 要多久): a total, asked with a duration;
 *   - a condition reached (大到一定程度以后, 堆到某个量级以后, 模型够大之后): what happens then, not what to learn;
 *   - 以后/之后 before a why (上线以后为啥跑不快): the cause of what happens then, not what comes next;
 *   - 以后/之后 as "in the future" before a modal verb (以后想做科研, agent 以后能顶掉…), unless
 *     what follows asks what to learn, and 以后 after a person (我以后专门负责…): their future, not a path's; 以前/之前 as "previously" (以前没有的, 以前完全不会的, 之前聊过的).
 */
const WHOLE_PATH = /(?:全部|整套|整个|全都|统统)\s*(?:学完|看完|读完|做完|学好|过完|走完)/gu;

/** "全部学完要多久", "总共要多久", "how long in total": the whole path, not one stage of it. */
export function asksForTotal(question: string): boolean {
  return new RegExp(WHOLE_PATH.source, "u").test(question) || /总共|一共|总计|\bin total\b|\baltogether\b/iu.test(question);
}

const NOT_SEQUENCE = [
  WHOLE_PATH,
  /(?:(?:一定|某个|某种|某一)\s*(?:程度|量级|规模|量)|临界点|够大|足够大|大了|变大|够多|变强)\s*(?:以后|之后)/gu,
  /(?:以后|之后)(?=\s*(?:想|能|会|可以|还能|还会)(?![^？?，,]*学))/gu,
  /(?:以后|之后)(?=\s*\p{Script=Han}{0,3}?(?:为啥|为什么|为何|怎么会))/gu,
  /(?<=[我你他她咱])\s*(?:以后|将来)/gu,
  /(?:以前|之前)(?=\s*(?:完全|根本|压根|从来|都|也|还)?\s*(?:没|不|从没|从来)|\s*\p{Script=Han}{1,2}过的)/gu,
];
const NOT_SEQUENCE_GATES = NOT_SEQUENCE.map(mayMatchGated);

/** "next" or "previous" by which kind of cue the question has more of (ties go to "next"). */
export function sequenceIntent(question: string): "next" | "previous" | null {
  return recentSequenceIntents(question);
}

/**
 * sequenceIntent of the last few requests' texts (questionMemo.ts): an ask with a conversation reads
 * the same question's and the same previous turn's up to five times (the question's shape, the
 * follow-up's reading, the stage moves), each a run of some twenty cue patterns over the text.
 */
const recentSequenceIntents = questionMemo((question: string): "next" | "previous" | null => {
  const cues = NOT_SEQUENCE.reduce((text, pattern, k) => (NOT_SEQUENCE_GATES[k]!(text) ? text.replace(pattern, " ") : text), question);
  const next = countMatches(NEXT_PATTERNS, NEXT_GATES, cues);
  const previous = countMatches(PREVIOUS_PATTERNS, PREVIOUS_GATES, cues);
  if (previous > next) return "previous";
  if (next > 0) return "next";
  return null;
});

/** Segments made only of these are not a topic ("阶段" in "入门阶段之后是什么阶段"). */
const GENERIC_NOUNS = new Set(["阶段", "stage", "stages", "step", "steps", "phase", "phases", "部分", "章节", "环节"]);

/**
 * Filler phrases by their first UTF-16 unit (its code), longest first within each, so a position
 * reads only its own: by code, since `question[position]` made a one-unit string to look up at
 * every position of every question (a new one for each Han character).
 */
const ZH_FILLER_BY_FIRST_UNIT = (() => {
  const groups = new Map<number, string[]>();
  for (const filler of [...ZH_FILLER].sort((a, b) => b.length - a.length)) {
    if (filler.length === 0) continue;
    const first = filler.charCodeAt(0);
    groups.set(first, [...(groups.get(first) ?? []), filler]);
  }
  return groups;
})();
const PUNCTUATION = /[\s\p{P}\p{S}]/u;
/** A closing quote or bracket: what /^[」』”’"'》〉】)）]$/u matches, one unit of the Basic Multilingual Plane, read by a set lookup. */
const CLOSING_QUOTES: ReadonlySet<string> = new Set(["」", "』", "”", "’", '"', "'", "》", "〉", "】", ")", "）"]);
const isClosingQuote = (text: string) => text.length === 1 && CLOSING_QUOTES.has(text);

const WHITESPACE = /\s/u;

const TRAILING_GENERIC_NOUN = /(?<=\S)\s+(?:stages?|steps?|phases?|parts?)$/iu;
/**
 * Last units the trailing noun can end on: e, s, p or t in either case, or ſ, which `iu` folds to s
 * (no other character folds to one of them). A segment ending otherwise is returned without
 * running the pattern, which cutSegments asked of every segment of every question.
 */
const GENERIC_NOUN_ENDS: ReadonlySet<string> = new Set(["e", "E", "s", "S", "p", "P", "t", "T", "ſ"]);

/** A segment without a trailing generic noun ("RAG stage", mixed "接入开发 stage"), which names no topic either. */
function withoutTrailingGenericNoun(text: string): string {
  return GENERIC_NOUN_ENDS.has(text.slice(-1)) ? text.replace(TRAILING_GENERIC_NOUN, "") : text;
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The longest Chinese filler phrase starting at `position` and ending by `limit`, if any; `code`: the unit there. */
function fillerAt(question: string, position: number, limit: number, code: number): string | undefined {
  const fillers = ZH_FILLER_BY_FIRST_UNIT.get(code);
  if (fillers !== undefined)
    for (const filler of fillers) if (position + filler.length <= limit && question.startsWith(filler, position)) return filler;
  if (code === THAT_UNIT && position + 1 < limit && OPENING_THAT.test(question.slice(Math.max(0, position - 1), position + 2))) return "那";
  return undefined;
}
const THAT_UNIT = "那".charCodeAt(0);

/**
 * Where the Latin word starting at `position` ends: the end of what the sticky pattern
 * `[A-Za-z0-9][A-Za-z0-9'’+#.-]*` matched there (the caller checked the first unit), read unit by
 * unit, without a match array.
 */
function latinWordEnd(question: string, position: number): number {
  let end = position + 1;
  while (end < question.length) {
    const code = question.charCodeAt(end);
    if (!(
      isAsciiAlphanumeric(code) ||
      code === 0x27 ||
      code === 0x2019 ||
      code === 0x2b ||
      code === 0x23 ||
      code === 0x2e ||
      code === 0x2d
    ))
      break;
    end += 1;
  }
  return end;
}

/** A word without its trailing dots: what word.replace(/[.]+$/, "") gives, with no pattern run on a word that ends otherwise. */
function withoutTrailingDots(word: string): string {
  let end = word.length;
  while (end > 0 && word.charCodeAt(end - 1) === 0x2e) end -= 1;
  return end === word.length ? word : word.slice(0, end);
}

/**
 * "那入门学完以后…", "……？那缺点呢", "那 LangChain 前一个阶段是啥": a 那 opening the question or a
 * clause, before a word rather than a measure word (那篇, 那段, 那个 point at something), says
 * "then", not what about. Before a Latin word or a space it is never part of the topic either.
 */
const OPENING_THAT =
  /^[\s\p{P}]?那(?:(?![一篇段份套个個些本门門种種部里裡边邊时時么麼样樣块塊条條位次章节節])\p{Script=Han}|[\sA-Za-z0-9])$/u;

/** 把 / 将 (把握, 将来 aside): the disposal marker of "把 LoRA 学完", "将微调搞明白", by their units. */
const DISPOSAL_MARKERS: ReadonlyMap<number, string> = new Map(["把", "将"].map((marker) => [marker.charCodeAt(0), marker]));

/**
 * A disposal marker right before a glossary term or a Latin word ("把LoRA学完之后", "先把 python 学好"):
 * it says what the learner did with the topic, and is no part of it. Only there, so that 把握, 一把,
 * 将来 and 将近 keep their character.
 */
function disposalMarkerAt(
  question: string,
  position: number,
  limit: number,
  protectedSpans: ReadonlyMap<number, unknown>,
): string | undefined {
  const marker = DISPOSAL_MARKERS.get(question.charCodeAt(position));
  if (marker === undefined) return undefined;
  let next = position + 1;
  while (next < limit && WHITESPACE.test(question[next]!)) next += 1;
  if (next >= limit) return undefined;
  return protectedSpans.has(next) || isAsciiAlphanumeric(question.charCodeAt(next)) ? marker : undefined;
}

/** What a single UTF-16 unit of a question is, outside glossary terms, Latin words and filler phrases. */
const KEEP = 1;
const SPACE = 2;
const DROP = 3;
/** By unit: 0 until first met, then KEEP, SPACE or DROP (the WHITESPACE and PUNCTUATION tests of that one unit, once). */
const UNIT_KINDS = new Uint8Array(0x10000);

function unitKind(question: string, position: number): number {
  const unit = question.charCodeAt(position);
  let kind = UNIT_KINDS[unit]!;
  if (kind === 0) {
    const char = question[position]!;
    UNIT_KINDS[unit] = kind = WHITESPACE.test(char) ? SPACE : PUNCTUATION.test(char) ? DROP : KEEP;
  }
  return kind;
}

/** Cue words a sequence topic follows ("学完 LoRA", "after fine-tuning") or precedes ("LoRA 之后"). */
const CUES_BEFORE_TOPIC = new Set([...FINISHING_VERBS, "掌握了", "完成", "after", "before", "先学"]);
const CUES_AFTER_TOPIC = new Set([...AFTER_POSTPOSITIONS, ...BEFORE_POSTPOSITIONS, ...FINISHING_VERBS, "后", "前"]);
/** "X 的下一阶段", "X 的上一篇": a step to a neighbour, after 的, is the step from the segment before it. */
const STEP_AFTER_POSSESSIVE = new Set([...NEXT_CUES.zh, ...PREVIOUS_CUES.zh].filter((cue) => /^(?:下|上|前一|后一)/u.test(cue)));

/** A stretch of a question, by its UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

const NO_SPANS: readonly Span[] = [];

interface Segment {
  text: string;
  /** Right after or right before a sequence cue: most likely what a sequence question is about. */
  nextToCue: boolean;
}

/**
 * Segments of recent questions: one request reads a question's segments for its topic, the
 * re-ranker's bigrams and the evidence terms. Callers only read them.
 */
const recentSegments = new Map<string, readonly Segment[]>();
const MAX_RECENT_SEGMENTS = 16;

function segmentsOf(question: string): readonly Segment[] {
  let segments = recentSegments.get(question);
  if (segments === undefined) {
    segments = cutSegments(question);
    if (recentSegments.size >= MAX_RECENT_SEGMENTS) recentSegments.delete(recentSegments.keys().next().value!);
    recentSegments.set(question, segments);
  }
  return segments;
}

const BRACKETED_TAG = /【([^】\s]{1,8})】/gu;

/**
 * Runs of kept pieces (whitespace inside a run is kept: "Transformer 架构"), as substrings. The
 * question is read as pieces, left to right: a glossary term kept whole, a Latin word (dropped when
 * it is filler), a Chinese filler phrase (dropped), else one unit: whitespace, punctuation (dropped)
 * or kept. Consecutive kept units are taken as one piece: appended one by one or at once, they make
 * the same segment.
 */
function cutSegments(question: string, removed: readonly Span[] = NO_SPANS): Segment[] {
  // By start (the first span found there), read at every position: a piece kept whole.
  const protectedSpans = new Map<number, { surface: string; end: number }>();
  for (const match of findGlossaryMatches(question))
    if (!isFiller(match.surface) && !protectedSpans.has(match.start)) protectedSpans.set(match.start, match);
  // A tag quoted in 【】 ("那个【必看】是什么意思") is the documents' own word, whatever filler it holds.
  if (question.includes("【"))
    for (const tag of question.matchAll(BRACKETED_TAG)) {
      const start = tag.index + 1;
      if (!protectedSpans.has(start)) protectedSpans.set(start, { surface: tag[1]!, end: start + tag[1]!.length });
    }
  const segments: Segment[] = [];
  let current = "";
  let pendingSpace = "";
  let afterCue = false;
  // A cue seen since the last kept word: "学完了 RAG" still has RAG right after 学完.
  let cueBefore = false;
  const close = (nextToCue: boolean) => {
    const text = withoutTrailingGenericNoun(current.trim());
    if (text.length > 0 && !GENERIC_NOUNS.has(text.toLowerCase())) segments.push({ text, nextToCue });
    current = "";
    pendingSpace = "";
  };
  // A segment a closing quote ended ("「应用实践」之后"): the quote sits between it and its cue. Or
  // 的 ("前沿研究阶段的下一阶段"), when the cue is a step to a neighbour (STEP_AFTER_POSSESSIVE).
  let quoted = false;
  let possessive = false;
  const keep = (text: string) => {
    if (!current) afterCue = cueBefore;
    cueBefore = false;
    quoted = false;
    possessive = false;
    current += (current ? pendingSpace : "") + text;
    pendingSpace = "";
  };
  const drop = (text: string) => {
    const lower = text.toLowerCase();
    const cueAfter = CUES_AFTER_TOPIC.has(lower);
    if (current) {
      close(afterCue || cueAfter);
      quoted = isClosingQuote(text);
      possessive = text === "的";
    } else if ((quoted && cueAfter) || (possessive && STEP_AFTER_POSSESSIVE.has(lower))) {
      segments.at(-1)!.nextToCue = true;
      quoted = false;
      possessive = false;
    } else {
      possessive = (quoted || possessive) && text === "的";
      quoted &&= isClosingQuote(text);
    }
    if (CUES_BEFORE_TOPIC.has(lower)) cueBefore = true;
  };
  // Where the kept units not yet taken as a piece start (-1: none).
  let keptFrom = -1;
  let position = 0;
  // The next removed span, and where it starts: no word or filler phrase reads into it.
  let next = 0;
  let limit = removed[0]?.start ?? question.length;
  while (position < question.length) {
    if (position >= limit) {
      // A removed span reads as the one space that stands for it in the text without it. No piece
      // reads into a span (words and filler phrases stop at it; the guard leaves no kept term
      // across one), but should one ever, the walk still goes on past the span instead of looping.
      if (keptFrom >= 0) {
        keep(question.slice(keptFrom, position));
        keptFrom = -1;
      }
      pendingSpace += " ";
      position = Math.max(position, removed[next]!.end);
      next += 1;
      limit = removed[next]?.start ?? question.length;
      continue;
    }
    const span = protectedSpans.get(position);
    const code = question.charCodeAt(position);
    // Only an ASCII letter or digit can start a Latin word: no regex run at the other positions.
    const filler =
      span || isAsciiAlphanumeric(code)
        ? undefined
        : (fillerAt(question, position, limit, code) ?? disposalMarkerAt(question, position, limit, protectedSpans));
    const kind = span || filler || isAsciiAlphanumeric(code) ? 0 : unitKind(question, position);
    if (kind === KEEP) {
      if (keptFrom < 0) keptFrom = position;
      position += 1;
      continue;
    }
    if (keptFrom >= 0) {
      keep(question.slice(keptFrom, position));
      keptFrom = -1;
    }
    if (span) {
      keep(span.surface);
      position = span.end;
    } else if (isAsciiAlphanumeric(code)) {
      // The word up to the limit (a removed span), without trailing dots ("RAG..." is RAG).
      const word = withoutTrailingDots(question.slice(position, Math.min(latinWordEnd(question, position), limit)));
      if (EN_FILLER.has(word.toLowerCase()) || isEnglishProForm(question, position, word)) drop(word);
      else keep(word);
      position += word.length;
    } else if (filler) {
      drop(filler);
      position += filler.length;
    } else {
      if (kind === SPACE) pendingSpace += question[position]!;
      else drop(question[position]!);
      position += 1;
    }
  }
  if (keptFrom >= 0) keep(question.slice(keptFrom));
  if (current) close(afterCue);
  return segments;
}

/** "that one", "the other ones": the noun left out after a determiner, which points back and names nothing. */
const DETERMINER_BEFORE = /\b(?:that|this|the|which|each|every|another|same|other|last|first|next|previous)\s+$/iu;

/** "right before", "just after": a word that only sharpens the sequence cue after it. */
const CUE_AFTER = /^\s+(?:before|after)\b/iu;

/**
 * A Latin word that stands for something said elsewhere or only sharpens a cue: "one(s)" after a
 * determiner ("the stage before that one", but "one service for all models" keeps its word), and
 * "right" / "just" before "before" / "after". As topics they would be looked for in the roadmaps.
 */
function isEnglishProForm(question: string, position: number, word: string): boolean {
  const lower = word.toLowerCase();
  if (lower === "one" || lower === "ones") return DETERMINER_BEFORE.test(question.slice(Math.max(0, position - 10), position));
  if (lower === "right" || lower === "just") return CUE_AFTER.test(question.slice(position + word.length, position + word.length + 8));
  return false;
}

/** The question's content words: what is left once sequence cues, question words and filler are out. */
export function contentSegments(question: string): string[] {
  return segmentsOf(question).map((s) => s.text);
}

/**
 * contentSegments of the question with `removed` taken out, each span left as one space (the
 * evidence terms read the words besides the glossary terms: abstention.ts), in one walk over the
 * question instead of a scan and a walk over a second text. The glossary terms and learners'
 * phrases kept are the question's own scan's, away from the spans; undefined when one of those
 * overlaps a span without being it (a learners' phrase around a glossary term), since the text
 * left could then hold phrases the question's scan did not. `removed`: ascending, disjoint.
 */
export function contentSegmentsWithout(question: string, removed: readonly Span[]): string[] | undefined {
  for (const match of findGlossaryMatches(question))
    for (const span of removed)
      if (span.start < match.end && match.start < span.end && (span.start !== match.start || span.end !== match.end)) return undefined;
  return cutSegments(question, removed).map((s) => s.text);
}

/**
 * The topic: among the remaining segments that name something (a glossary term or a latin
 * token, else at least two characters), the first one next to a sequence cue ("应用篇之后",
 * "after the 入门阶段"), else the first naming a field term or a capitalized name, else the
 * first with a Latin word, else the first.
 */
export function extractTopic(question: string): string | undefined {
  const named = withAppositionsJoined(
    segmentsOf(question).map((s) => ({ ...s, text: withoutTrailingDemonstrative(withoutRoadmapShape(s.text)) })),
  ).filter((s) => s.text.length >= 2 || /[A-Za-z]/.test(s.text));
  // "第 6 个月以后呢", "after month 6": a point in time next to the cue orders by the calendar, and
  // names no topic to place; elsewhere a detail asked is only passed over ("How many months … before
  // moving on?" is about what follows it).
  if (named.find((s) => s.nextToCue && isAskedDetail(s.text))) return undefined;
  const segments = named.filter((s) => !isAskedDetail(s.text));
  // A field term or a written name (TensorFlow, CS224n) names the topic before a plain English word
  // does ("which techniques … design agent systems").
  // A word for the document itself (路线图, 指南, roadmap) is which text, not what about it: "哪篇路线图提到了
  // MoE" is about MoE.
  const names = (s: Segment) =>
    findGlossaryMatches(s.text).some((m) => !DOCUMENT_NAME.test(m.surface)) ||
    /[A-Z]/.test(s.text.replace(DOCUMENT_BY_ORIGIN, "").replace(MATERIALS_LANGUAGE, ""));
  const latin = (s: Segment) => /[A-Za-z]{2,}/.test(s.text);
  // "Does the English/Chinese reading list have anything on agents?": the segments that describe the
  // document (its languages, "reading list") say which text; the topic is in the others when any.
  const about = segments.filter((s) => !describesDocument(s.text) && !MATERIALS_LANGUAGE_ONLY.test(s.text));
  const candidates = about.length > 0 ? about : segments;
  const topic = segments.find((s) => s.nextToCue) ?? candidates.find(names) ?? candidates.find(latin) ?? candidates[0];
  // "Who wrote the GitHub reading list?": a lone English word beside the document ("wrote", "updated")
  // is what is asked of it; the document is what the question is about, and what "it" in the next
  // question ("and when was it last updated?") stands for.
  if (topic && !topic.nextToCue && LONE_ENGLISH_WORD.test(topic.text) && !names(topic)) {
    const document = segments.find((s) => describesDocument(s.text) && names(s));
    if (document) return document.text;
  }
  return topic?.text;
}

const LONE_ENGLISH_WORD = /^[a-z]+$/u;

/** "这个阶段" alone, after a stage's name: it names that stage again ("「核心技术解析」这个阶段的下一阶段"). */
const POINTING_STAGE = /^(?:这|那|這|此|该|該)(?:一|个|個)?(?:阶段|階段|段|篇|部分|步)$/u;

/** Segments with a pointing stage word folded into the segment before it, which keeps its place by the cue. */
function withAppositionsJoined(segments: readonly Segment[]): Segment[] {
  const joined: Segment[] = [];
  for (const segment of segments) {
    const before = joined.at(-1);
    if (before && POINTING_STAGE.test(segment.text))
      joined[joined.length - 1] = { ...before, nextToCue: before.nextToCue || segment.nextToCue };
    else joined.push(segment);
  }
  return joined;
}

/**
 * A segment that is only what the question asks of its topic: a span of time ("how many months",
 * "how long", 多久, "by month five", 第 5 个月) or the kind of answer it wants ("the first
 * recommendation", "any tips"). It says nothing of where in a roadmap to look: placed as a topic,
 * "months" landed at the stage whose heading states months ("一、原理学习阶段(2-3 个月)").
 */
const EN_NUMBER_WORD = "(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve)";
const ASKED_DETAIL = new RegExp(
  `^(?:(?:how\\s+(?:many|much|long)|by|in|within|around|until|till|after|for)\\s+)*(?:${EN_NUMBER_WORD}\\s+)?(?:(?:months?|weeks?|days?|hours?|hrs|years?)(?:\\s+${EN_NUMBER_WORD})?|how\\s+long|long|recommendations?|suggestions?|tips?|advice|picks?)$` +
    "|^(?:要|得|学|學|花|需要)*(?:第?\\s*[\\d一二两三四五六七八九十几幾多]{0,3}\\s*[个個]?\\s*(?:月|周|週|星期|礼拜|禮拜|小时|小時|钟头|鐘頭|天|年)|多久|多长时间|多長時間|多少时间|多少時間|时长|時長|时间|時間)$",
  "iu",
);
const isAskedDetail = ignoreCaseTester(ASKED_DETAIL);

/**
 * A roadmap named by its stage count or as a document ("五阶段指南里", "那个五阶段的指南里", "分七段的那份路线",
 * "那篇指南中") says which document, not what about it: the topic is what follows
 * ("五阶段指南的应用实践阶段" → 应用实践阶段). Never an ordinal: "第三阶段" starts with 第, and a
 * bare "三阶段" (which may mean stage 3) stays. The topic is still a verbatim substring.
 */
const DOCUMENT_WORD = "(?:学习)?(?:指南|路线图?|路径|清单|文章|计划|规划|教程|方法论)";
/** English words for a kind of document (a reading list is a list). */
const EN_DOCUMENT_NOUNS = "blog|post|article|list|guide|roadmap|notes";
/** "the Hexo blog", "that CSDN article": a document named by where it lives, whose capital says which text, not what about it. */
const DOCUMENT_BY_ORIGIN = new RegExp(`\\b[A-Z][\\w.-]*\\s+(?:${EN_DOCUMENT_NOUNS}|site|page)s?\\b`, "gu");
/** The languages a document is written in, which learners name it by ("the English/Chinese list"). */
const MATERIALS_LANGUAGES = "English|Chinese|bilingual";
const MATERIALS_LANGUAGE = new RegExp(`\\b(?:${MATERIALS_LANGUAGES})\\b`, "gu");
const MATERIALS_LANGUAGE_ONLY = new RegExp(`^(?:${MATERIALS_LANGUAGES})$`, "u");
/** An English segment that names a kind of document ("Chinese reading list have", "the five-stage guide"). */
const DESCRIBES_DOCUMENT = new RegExp(`\\b(?:${EN_DOCUMENT_NOUNS})s?\\b`, "iu");
/** `iu`, read on each segment of every question: through its twin (ignoreCaseTest.ts). */
const describesDocument = ignoreCaseTester(DESCRIBES_DOCUMENT);
/** A glossary term that only names a kind of document. */
const DOCUMENT_NAME = new RegExp(
  `^(?:${DOCUMENT_WORD}|roadmaps?|guides?|tutorials?|learning (?:path|roadmap)|study plan|curriculum)$`,
  "iu",
);
const ROADMAP_REFERENCES = [
  new RegExp(
    `^(?:[那这][份篇个张])?分?[零〇一二两三四五六七八九十\\d]{1,3}\\s*个?\\s*大?(?:阶段|段|步|部分|篇|章节?|stages?|phases?|steps?)\\s*的?\\s*(?:[那这][份篇个张])?${DOCUMENT_WORD}?(?:里面?|中|上)?的?\\s*`,
    "iu",
  ),
  new RegExp(`^[那这][份篇个张]${DOCUMENT_WORD}(?:里面?|中|上)?的?\\s*`, "u"),
  // "CSDN那篇三阶段的", "ninehills 那份清单里": a document named by where it lives, then maybe its
  // shape ("LoRA 那个" is the thing itself: 个 and 张 need a document word after them).
  new RegExp(
    `^[A-Za-z][A-Za-z0-9.\\-]*\\s*(?:上|的)?\\s*(?:[那这][份篇]${DOCUMENT_WORD}?|[那这][个张]${DOCUMENT_WORD})(?:里面?|中|上)?的?\\s*(?:分?[零〇一二两三四五六七八九十\\d]{1,3}\\s*个?\\s*大?(?:阶段|段|步|部分|篇|章节?)\\s*的?\\s*)?`,
    "u",
  ),
  new RegExp(`^${DOCUMENT_WORD}(?:里面?|中|上)的?\\s*`, "u"),
  // "five-stage guide 里入门阶段": an English roadmap reference, then where in it.
  new RegExp(
    `^(?:(?:the|that|this)\\s+)?(?:[A-Za-z]+\\s+)?(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[\\s-](?:stages?|phases?|steps?|parts?)(?:\\s+(?:plan|roadmap|guide|one|article|post|list|path|blog))?\\s*(?:里面?|中|上)\\s*(?:的\\s*)?`,
    "iu",
  ),
  // "CSDN三阶段那篇 API", "GitHub 三章的清单里": where it lives, then its shape, then a word pointing at
  // the document (without one, "RAG 三个阶段" may be RAG's own).
  new RegExp(
    `^[A-Za-z][A-Za-z0-9.\\-]*\\s*(?:上|的)?\\s*分?[零〇一二两三四五六七八九十\\d]{1,3}\\s*个?\\s*大?(?:阶段|段|步|部分|篇|章节?)\\s*的?\\s*(?:[那这][份篇个张]${DOCUMENT_WORD}?|${DOCUMENT_WORD})(?:里面?|中|上)?的?\\s*`,
    "u",
  ),
];
/**
 * "微调跟私有化部署那段", "微调那块", "RAG 这部分": the demonstrative points at the part the topic
 * names; the topic is what comes before it.
 */
const TRAILING_DEMONSTRATIVE = /\s*[那这该][一]?[个個]?\s*(?:阶段|段|块|塊|部分|部份|环节|環節)$/u;

function withoutTrailingDemonstrative(segment: string): string {
  const rest = segment.replace(TRAILING_DEMONSTRATIVE, "");
  return rest.length >= 2 ? rest : segment;
}

/** What makes a count a document's shape rather than a stage ("三阶段之后" may mean stage 3). */
const SHAPE_MARK = /^分|个|[那这]|指南|路线|路径|清单|文章|计划|规划|教程|[里中上]\s*$/u;

/**
 * "the seven-stage plan", "CSDN three-phase one", "that 5-step guide": an English roadmap named by
 * its stage count names the document, whatever word follows; so does "每个阶段" ("each stage"), said
 * of its shape ("每个阶段后面标了几个月的路线").
 */
const EN_ROADMAP_REFERENCE =
  /^(?:(?:the|that|this)\s+)?(?:[A-Za-z]+\s+)?(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[\s-](?:stages?|phases?|steps?|parts?|levels?)(?:\s+(?:plan|roadmap|guide|one|article|post|list|path|blog|version|thing))?$/iu;
const EVERY_STAGE = /^(?:每|各)\s*(?:个|一)?\s*(?:阶段|段|步|部分|篇|章节?)$/u;

function withoutRoadmapShape(segment: string): string {
  if (EN_ROADMAP_REFERENCE.test(segment) || EVERY_STAGE.test(segment)) return "";
  for (const pattern of ROADMAP_REFERENCES) {
    const reference = pattern.exec(segment)?.[0];
    if (reference && SHAPE_MARK.test(reference)) return segment.slice(reference.length);
  }
  return segment;
}
