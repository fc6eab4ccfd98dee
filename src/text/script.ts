import { createRequire } from "node:module";
// OpenCC's build for conversions into Simplified (tw → cn here, t → cn for the phrase table):
// 109 KB, where its full build, with the Simplified → Traditional phrase tables, is 1.2 MB that
// cost Node 20 ~30–45 ms of CPU at every start. toTraditional loads the other direction itself.
import * as OpenCC from "opencc-js/t2cn";
import { cantoneseAsStandard } from "./cantoneseWords.js";
import { forEachHanRun } from "./codePointKinds.js";
import { questionMemo } from "./questionMemo.js";
import taiwanPhraseData from "./taiwanPhrases.json" with { type: "json" };
import { recentlyComputed } from "./recentlyComputed.js";

/**
 * Traditional → Simplified Chinese, so a question written in 學習路線/微調 finds passages written
 * in 学习路线/微调 (and a Traditional corpus is searched with Simplified questions alike).
 *
 * OpenCC's character-level Taiwan → Mainland table (`tw` → `cn`), not its phrase table (`twp`):
 * the phrase table rewrites vocabulary (資料庫 → 数据库, but also 向量 → 矢量, which is wrong in
 * machine-learning text). Character by character, 向量 stays 向量 and every field term keeps its
 * form; a Simplified or Latin text comes back unchanged.
 */
let converter: ((text: string) => string) | undefined;

export function toSimplified(text: string): string {
  // Fast path: most text is Simplified or Latin; building the converter costs ~20 ms once.
  if (!HAN.test(text)) return text;
  return text.length > MAX_REMEMBERED_TEXT ? simplify(cantoneseAsStandard(text)) : recentlySimplified(text);
}

/**
 * Recent short texts converted: one request converts the same question for the follow-up check,
 * the search form and the answer's script (OpenCC walks it character by character each time).
 * Held for the last few requests only (questionMemo.ts).
 */
const MAX_REMEMBERED_TEXT = 256;
// Written Cantonese's function words read as standard written Chinese first (cantoneseWords.ts: same lengths).
const recentlySimplified = questionMemo((text: string) => simplifyByRuns(cantoneseAsStandard(text)));

/**
 * A text converted Han run by Han run, each short run remembered: the same text as converting it
 * whole, because every key and replacement of the tables this converter uses is made of Han
 * characters only (tests/text/script.test.ts checks it), so no match reaches past a run, and
 * OpenCC steps over any other character one at a time, except an ideographic description
 * character (⿰…, which groups the characters after it): a text with one is converted whole.
 * Runs recur from question to question (之后该学什么, 我是在校研究生), as the tokenizer's do.
 */
const MAX_REMEMBERED_RUN = 32;
const recentlySimplifiedRuns = recentlyComputed(8192, (run: string) => simplify(run));
const IDEOGRAPHIC_DESCRIPTION = /[\u2ff0-\u2fff]/u;

function simplifyByRuns(text: string): string {
  if (IDEOGRAPHIC_DESCRIPTION.test(text)) return simplify(text);
  // The Han runs /\p{Script=Han}+/gu finds, read by a code-point walk (codePointKinds.ts): a
  // replace with a function over that pattern cost more than the runs' lookups. Only a run that
  // converts to something else is copied in; a text with none comes back as it is.
  let converted = "";
  let copiedTo = 0;
  forEachHanRun(text, (start, end) => {
    const run = text.slice(start, end);
    const simplified = run.length > MAX_REMEMBERED_RUN ? simplify(run) : recentlySimplifiedRuns(run);
    if (simplified === run) return;
    converted += text.slice(copiedTo, start) + simplified;
    copiedTo = end;
  });
  return copiedTo === 0 ? text : converted + text.slice(copiedTo);
}

/**
 * toSimplified without remembering the text: for a caller that keeps its own results or converts
 * each text once (the tokenizer's Han runs, every document's at ingest), where remembering only
 * costs an insertion per run. The same text as toSimplified's (tests/text/script.test.ts).
 */
export function convertToSimplified(text: string): string {
  if (!HAN.test(text)) return text;
  const standard = cantoneseAsStandard(text);
  // A run the request's question was converted by (toSimplified reads it run by run) is read from
  // that memo, not walked through OpenCC again: the tokenizer cuts the question's search form, whose
  // Han runs are mostly the question's own. Looked up, never added: ingest's runs would crowd it.
  return recentlySimplifiedRuns.peek(standard) ?? simplify(standard);
}

function simplify(text: string): string {
  // opencc-js ships no types for Converter's return: it is a string → string function.
  const convert = (converter ??= OpenCC.Converter({ from: "tw", to: "cn" }) as (text: string) => string);
  return convert(text);
}

const HAN = /\p{Script=Han}/u;
const HAN_CHARS = /\p{Script=Han}/gu;

let toTraditionalConverter: ((text: string) => string) | undefined;

/**
 * OpenCC's Simplified → Traditional build (its CommonJS one, so it loads synchronously here), on
 * first use: a server converts nothing this way while its Traditional wording comes from
 * traditionalWording.json (answering/prompts.ts), yet every start loaded it with the full build.
 * The same release and converter code as the t2cn build above.
 */
function loadToTraditional(): typeof OpenCC {
  return createRequire(import.meta.url)("opencc-js/cn2t") as typeof OpenCC;
}

/**
 * Simplified → Traditional (OpenCC `cn` → `tw`, character level, the inverse of toSimplified):
 * for the answer's own words when the learner wrote in Traditional characters. Quotes from the
 * documents are never passed through it: citations point at their exact lines.
 */
export function toTraditional(text: string): string {
  if (!HAN.test(text)) return text;
  const convert = (toTraditionalConverter ??= loadToTraditional().Converter({ from: "cn", to: "tw" }) as (text: string) => string);
  return convert(text);
}

/**
 * Whether a text is written in Traditional characters: some of its Han characters have a
 * different Simplified form (學, 習, 調, 麼). A Simplified or Latin text has none.
 */
export function isTraditional(text: string): boolean {
  // The script alone: Cantonese words read as standard ones (toSimplified) say nothing of it.
  if (!HAN.test(text)) return false;
  const simplified = simplifyByRuns(text);
  if (simplified === text) return false;
  const original = Array.from(text.matchAll(HAN_CHARS), (m) => m[0]);
  const converted = Array.from(simplified.matchAll(HAN_CHARS), (m) => m[0]);
  return original.some((char, i) => char !== converted[i]);
}

export interface RegionalPhrase {
  /** The Taiwan word as it appears in the (Simplified) text: 专案, 影片. */
  taiwan: string;
  /** Its Mainland counterpart: 项目, 视频. */
  mainland: string;
}

let taiwanPhrases: TaiwanPhrases | undefined;

/**
 * Taiwan vocabulary in a text and its Mainland words, from OpenCC's Taiwan → Mainland phrase
 * table (TWPhrasesRev, the first dictionary of its `twp` preset), both sides read in Simplified
 * characters: 專案 is 项目, 影片 视频, 部落格 博客. toSimplified converts characters only (the
 * phrase table also turns 向量 into 矢量 and 核心 into 内核), so these are offered as
 * candidates: the retriever keeps one only when the corpus lacks the Taiwan word and uses the
 * Mainland one (HybridRetriever.analyze).
 */
export function mainlandPhrases(simplified: string): RegionalPhrase[] {
  if (!HAN.test(simplified)) return [];
  const table = loadTaiwanPhrases();
  const found: RegionalPhrase[] = [];
  // Per query: only windows whose first two units start some phrase are read further.
  for (let start = 0; start + 1 < simplified.length; start++) {
    if (!table.openings.has(openingOf(simplified, start))) continue;
    for (let end = Math.min(simplified.length, start + table.longest); end >= start + 2; end--) {
      const taiwan = simplified.slice(start, end);
      const mainland = table.byPhrase.get(taiwan);
      if (mainland !== undefined && !found.some((f) => f.taiwan === taiwan)) found.push({ taiwan, mainland });
    }
  }
  return found;
}

interface TaiwanPhrases {
  byPhrase: ReadonlyMap<string, string>;
  /** The first two UTF-16 units of every phrase, as openingOf codes them. */
  openings: ReadonlySet<number>;
  /** The longest phrase, in UTF-16 units. */
  longest: number;
}

/** The two UTF-16 units at `start` as one number: a window is tested without slicing a string to hash. */
function openingOf(text: string, start: number): number {
  return text.charCodeAt(start) * 0x10000 + text.charCodeAt(start + 1);
}

/** Builds the phrase table now (a few ms once), so the first question does not pay for it. */
export function loadTaiwanPhrases(): TaiwanPhrases {
  return (taiwanPhrases ??= buildTaiwanPhrases(taiwanPhraseData));
}

function buildTaiwanPhrases(pairs: readonly (readonly string[])[]): TaiwanPhrases {
  const byPhrase = new Map<string, string>();
  const openings = new Set<number>();
  let longest = 0;
  for (const [from = "", to = ""] of pairs) {
    byPhrase.set(from, to);
    openings.add(openingOf(from, 0));
    longest = Math.max(longest, from.length);
  }
  return { byPhrase, openings, longest };
}

/**
 * The phrase table's pairs read in Simplified characters, in OpenCC's order: what
 * taiwanPhrases.json holds (written ahead of time by `scripts/build-taiwan-phrases.ts`: reading
 * them at start built a second OpenCC converter and converted ~700 phrases, ~35 ms of every
 * server's start). tests/text/script.test.ts checks the file against the installed OpenCC.
 */
export function readTaiwanPhrasePairs(): [string, string][] {
  // opencc-js's preset types do not resolve here (like Converter's return above): read it as data.
  const presets = (OpenCC as unknown as { Locale: { from: Record<string, readonly (readonly unknown[])[] | undefined> } }).Locale;
  const table = presets.from.twp?.[0]?.[0];
  const pairs: [string, string][] = [];
  if (typeof table !== "string") return pairs;
  // Both sides are Traditional; the Mainland side is read with OpenCC's plain t → cn table.
  const mainlandToSimplified = OpenCC.Converter({ from: "t", to: "cn" }) as (text: string) => string;
  for (const pair of table.split("|")) {
    const [taiwan, mainland] = pair.split(" ");
    if (!taiwan || !mainland) continue;
    const from = toSimplified(taiwan);
    const to = mainlandToSimplified(mainland);
    if (from === to || from.length < 2) continue;
    pairs.push([from, to]);
  }
  return pairs;
}
