import { Jieba } from "@node-rs/jieba";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { hanRunsOf, isHanCodePoint, isWhitespaceCodePoint } from "./codePointKinds.js";
import { recentlyComputed } from "./recentlyComputed.js";
import { QUESTION_TEXTS_REMEMBERED } from "./questionMemo.js";
import { RecentlyUsed } from "./recentlyUsed.js";
import { convertToSimplified } from "./script.js";
import { isVerbTaggedAsPlace } from "./verbsTaggedAsPlaces.js";

/** The segmenter and its version ("jieba@2.0.2"): what a cut depends on besides this file's rules. */
export const TOKENIZER_ID = `jieba@${(createRequire(import.meta.url)("@node-rs/jieba/package.json") as { version: string }).version}`;

/**
 * Search tokens for mixed Chinese/English text, shared by BM25, the local embedder and query
 * analysis so that documents and questions are cut the same way.
 *
 * - Chinese runs are converted to Simplified characters (see script.ts: 微調 and 微调 are one token),
 *   then go through jieba's search mode (overlapping words: 人工智能 → 人工, 智能, 人工智能).
 * - Latin words are lowercased; technical compounds stay whole (gpt-4, llama-2-7b, c++) and also
 *   give their parts (gpt), so "GPT" finds "GPT-4".
 * - URLs are cut into their meaningful pieces (github, rucaibox, llmsurvey) without the scheme
 *   and the generic host parts (https, www, com); CamelCase pieces are also split when every part
 *   is a real word of 3+ letters (LLMSurvey → llm, survey; but LoRA stays lora).
 * - Punctuation and a small list of function words in both languages are dropped. Question
 *   words (什么, 如何, what) are function words here: they never say what a passage is about.
 */
export function tokenizeForSearch(text: string): string[] {
  // A copy: callers may sort, filter in place or push onto what they get.
  return text.length > MAX_REMEMBERED_JOINED_TEXT ? tokenizeText(text) : rememberedTokens(text).slice();
}

/** tokenizeForSearch's tokens of a text short enough to remember, remembered: never handed out, only copied. */
function rememberedTokens(text: string): readonly string[] {
  const remembered = recentTokens.get(text) ?? recentJoinedTokens.get(text);
  if (remembered) return remembered;
  const tokens = tokenizeText(text);
  if (text.length <= MAX_REMEMBERED_TEXT) recentTokens.set(text, tokens);
  return tokens;
}

/**
 * tokenizeForSearch(parts.join(" ")), made of each part's own (remembered) tokens, and remembered
 * under the joined text: a question and its expansions are tokenized apart by several stages, and
 * joined for the embedder and BM25, which then find the joined text's tokens without cutting it again.
 * Equal because a space ends every piece the tokenizer cuts (addPieces), and NFKC neither composes
 * nor reorders across a space (a starter).
 */
export function tokenizeJoined(parts: readonly string[]): string[] {
  const text = parts.join(" ");
  if (text.length > MAX_REMEMBERED_JOINED_TEXT) return tokenizeText(text);
  return rememberedJoined(text, parts).slice();
}

/**
 * tokenizeJoined(parts), the same tokens by the same reading, for parts whose joined text is new
 * to every request (it holds the question): the text is neither joined nor kept under the joined
 * text, an entry no later request would read that lived on past young-generation collections.
 */
export function tokenizeParts(parts: readonly string[]): string[] {
  let length = parts.length - 1;
  for (const part of parts) length += part.length;
  if (length > MAX_REMEMBERED_JOINED_TEXT) return tokenizeText(parts.join(" "));
  return partsTokens(parts);
}

/**
 * parts.join(" "), its tokens remembered as tokenizeJoined remembers them, for a caller that
 * hands the joined text on (the embedder and BM25 tokenize it) and needs no copy of the tokens.
 */
export function joinedRemembered(parts: readonly string[]): string {
  const text = parts.join(" ");
  if (text.length <= MAX_REMEMBERED_JOINED_TEXT) rememberedJoined(text, parts);
  return text;
}

function rememberedJoined(text: string, parts: readonly string[]): readonly string[] {
  const remembered = recentJoinedTokens.get(text) ?? recentTokens.get(text);
  if (remembered) return remembered;
  const tokens = partsTokens(parts);
  recentJoinedTokens.set(text, tokens);
  return tokens;
}

/** Each part's remembered tokens appended in a loop (every part is short enough): no copy of each, no flatMap. */
function partsTokens(parts: readonly string[]): string[] {
  const tokens: string[] = [];
  for (const part of parts) for (const token of rememberedTokens(part)) tokens.push(token);
  return tokens;
}

/**
 * Tokens of recent short texts. One question is tokenized by several stages of a request (the
 * embedder, BM25, typo and dictionary lookups, sentence selection); remembering short texts makes
 * that one tokenization. Long texts (document chunks at ingest) are not kept.
 */
const MAX_REMEMBERED_TEXT = 256;
/** A question with its expansions (tokenizeJoined) is rarely over 300 characters. */
const MAX_REMEMBERED_JOINED_TEXT = 1024;
const recentTokens = new RecentlyUsed<string, string[]>(1024);
/**
 * Tokens of joined texts (a question with its expansions): read by the stages of one request only,
 * so held for the last few requests (questionMemo.ts says why that matters to the collector), apart
 * from the short texts, whose words recur from question to question.
 */
const recentJoinedTokens = new RecentlyUsed<string, readonly string[]>(QUESTION_TEXTS_REMEMBERED);

function tokenizeText(text: string): string[] {
  const tokens: string[] = [];
  const normalized = text.normalize("NFKC");
  // Per line: jieba and the regexes stay fast and bounded however long the document is. A text
  // without a line break (a question, a term) is its one line, as the split would give it.
  for (const line of normalized.includes("\n") ? normalized.split(/\r?\n/) : [normalized]) {
    if (line.trim() === "") continue;
    addPieces(line, tokens);
  }
  return tokens;
}

/** Han runs are split at this many characters, so a pathological paragraph never reaches jieba whole. */
const MAX_HAN_RUN = 500;

/**
 * The tokens of a line's pieces, in order: Han runs of at most MAX_HAN_RUN characters, and runs
 * of anything else up to whitespace or a Han character. What
 * `/\p{Script=Han}{1,500}|[^\s\p{Script=Han}]+/gu` matches, read code point by code point
 * (codePointKinds.ts): its match objects were most of a question's tokenizing outside jieba.
 */
function addPieces(line: string, out: string[]): void {
  const length = line.length;
  let i = 0;
  while (i < length) {
    const point = line.codePointAt(i)!;
    const start = i;
    if (isHanCodePoint(point)) {
      let characters = 0;
      while (i < length && characters < MAX_HAN_RUN) {
        const next = line.codePointAt(i)!;
        if (!isHanCodePoint(next)) break;
        i += next > 0xffff ? 2 : 1;
        characters++;
      }
      addChineseTokens(line.slice(start, i), out);
    } else if (isWhitespaceCodePoint(point)) {
      i += point > 0xffff ? 2 : 1;
    } else {
      while (i < length) {
        const next = line.codePointAt(i)!;
        if (isHanCodePoint(next) || isWhitespaceCodePoint(next)) break;
        i += next > 0xffff ? 2 : 1;
      }
      addRememberedLatinTokens(line.slice(start, i), out);
    }
  }
}

const CHINESE_STOP_WORDS = new Set([
  "的",
  "了",
  "是",
  "和",
  "与",
  "在",
  "等",
  "及",
  "或",
  "而",
  "也",
  "就",
  "都",
  "着",
  "过",
  "之",
  "其",
  "把",
  "被",
  "对",
  "这",
  "那",
  "这个",
  "那个",
  "这些",
  "那些",
  "一个",
  "一些",
  "我",
  "你",
  "他",
  "她",
  "它",
  "我们",
  "你们",
  "他们",
  "吗",
  "呢",
  "吧",
  "啊",
  "呀",
  "么",
  "嘛",
  "哦",
  "什么",
  "怎么",
  "怎样",
  "怎么样",
  "如何",
  "为什么",
  "哪些",
  "哪个",
  "哪",
  "请问",
]);

const ENGLISH_STOP_WORDS = new Set(
  (
    "a an the of to and or is are was were be been being am in on at for with by as from into onto about it its this that " +
    "these those there here than then so if but not no do does did i me my we our you your he she they them their " +
    "what which who whom whose how why when where can could should would will shall may might must s t d m ll re ve"
  ).split(" "),
);

/** An English function word (the, of, how …) that says nothing about a topic. */
export function isEnglishStopWord(word: string): boolean {
  return ENGLISH_STOP_WORDS.has(word);
}

/** URL pieces that say nothing about the page. */
const URL_NOISE = new Set([
  "http",
  "https",
  "www",
  "com",
  "org",
  "net",
  "cn",
  "io",
  "html",
  "htm",
  "php",
  "aspx",
  "index",
  "md",
  "blob",
  "tree",
  "main",
  "master",
]);

let jieba: Jieba | undefined;
/**
 * The dictionary takes ~150 ms to load: once, on first use, and never mutated after. Its file is
 * read here, not through `@node-rs/jieba/dict`, which also reads the 6 MB idf table nothing here uses.
 */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(readFileSync(createRequire(import.meta.url).resolve("@node-rs/jieba/dict.txt")));
  return jieba;
}

/** Place names jieba's tagger finds in Han text (台北, 上海), of two characters or more. */
export function chinesePlaceNames(text: string): string[] {
  const out: string[] = [];
  for (const run of hanRunsOf(text)) {
    for (const word of placeNamesOfRun(run)) out.push(word);
  }
  return out;
}

/** A word of a Han run with jieba's part-of-speech tag. */
export interface TaggedWord {
  word: string;
  tag: string;
}

/**
 * The words of a Han run in order, each with jieba's part-of-speech tag: what a phrase is made of
 * and how each word is used. A short run's are remembered (recentTaggedRuns): the place-name check
 * and the studied-thing reading tag the same runs of every question.
 */
export function taggedChineseWords(run: string): readonly TaggedWord[] {
  return run.length > MAX_REMEMBERED_RUN ? segmenter().tag(run) : recentTaggedRuns(run);
}

/** Jieba's tags of nouns: common nouns, names of people, places, organisations and other proper nouns, verbal nouns. */
export const NOUN_TAGS: ReadonlySet<string> = new Set(["n", "nr", "nrt", "ns", "nt", "nz", "nw", "vn"]);

/** Nouns jieba's tagger finds in Han text (键盘, 雅思, 报税), of two characters or more. */
export function chineseNouns(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) out.push(...wordsTagged(run, NOUN_TAGS));
  return out;
}

/**
 * Whether a Han word is one pronoun to jieba's tagger (每个, 各个, 某个, 这些: tag "r"): it points
 * at things, and names none of them.
 */
export function isChinesePronoun(word: string): boolean {
  if (!/^\p{Script=Han}{2,}$/u.test(word)) return false;
  const tagged = taggedChineseWords(word);
  return tagged.length === 1 && tagged[0]!.tag === "r";
}

/** The words of two characters or more jieba's tagger gives one of `tags` in a Han run. */
function wordsTagged(run: string, tags: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const { word, tag } of taggedChineseWords(run)) if (tags.has(tag) && Array.from(word).length >= 2) out.push(word);
  return out;
}

const PLACE_TAGS: ReadonlySet<string> = new Set(["ns"]);

function placeNamesOfRun(run: string): string[] {
  return wordsTagged(run, PLACE_TAGS).filter(
    (word) => !REDUPLICATED.test(word) && !isVerbTaggedAsPlace(word) && !(SLANG_PUN.test(run) && run.includes(`${word}住`)),
  );
}

/**
 * 蚌埠住了 is the internet's 绷不住了 ("can't hold it in") spelt with a city's name for its sound: a
 * filler after a question ("…用啥框架啊 蚌埠住了"), not a place the learner asks about.
 */
const SLANG_PUN = /蚌埠住/u;

/**
 * A character said twice (东东, 宝宝) is a colloquial or pet form ("什么东东" is "what thing"), which the
 * tagger takes for a place name; no place is named so.
 */
const REDUPLICATED = /^(\p{Script=Han})\1$/u;

function addChineseTokens(original: string, out: string[]): void {
  if (original.length > MAX_REMEMBERED_RUN) {
    for (const word of chineseTokens(original)) out.push(word);
    return;
  }
  let words = recentRuns.get(original);
  if (!words) {
    words = chineseTokens(original);
    if (recentRuns.size >= MAX_REMEMBERED_RUNS) recentRuns.clear();
    recentRuns.set(original, words);
  }
  for (const word of words) out.push(word);
}

/**
 * Tokens of recent short Han runs. A run's tokens depend on the run alone, and phrases recur from
 * question to question (之后该学什么, 有什么推荐的入门资料, 我是在校研究生) and within documents:
 * remembered, a run skips the Simplified conversion and jieba. Bounded; when full it starts over.
 */
const MAX_REMEMBERED_RUN = 32;
const MAX_REMEMBERED_RUNS = 8192;
const recentRuns = new Map<string, readonly string[]>();

/**
 * jieba's tagged words of recent short Han runs: a run's tags depend on it alone, and the tagger
 * (jieba's HMM, ~2.5 % of a distinct offline ask) ran on every run of every question's name check,
 * while runs recur from question to question as the tokenizer's do (see recentRuns). Frozen: shared
 * by every caller.
 */
const recentTaggedRuns = recentlyComputed<string, readonly TaggedWord[]>(MAX_REMEMBERED_RUNS, (run) => Object.freeze(segmenter().tag(run)));

function chineseTokens(original: string): string[] {
  // Not remembered by the converter: short runs are remembered here, long ones rarely recur.
  const run = convertToSimplified(original);
  if (run.length === 1) return CHINESE_STOP_WORDS.has(run) ? [] : [run];
  return segmenter()
    .cutForSearch(run, true)
    .filter((word) => !CHINESE_STOP_WORDS.has(word));
}

/**
 * A URL, or a technical word: letters/digits joined by - . _ / ' with an optional ++ or #
 * (gpt-4, gpt-3.5-turbo, c++, c#, node.js).
 */
const URL_OR_WORD = /(?:https?:\/\/|www\.)[^\s<>()[\]{}"'`|]+|[\p{L}\p{N}]+(?:[-.+#_/'][\p{L}\p{N}]+)*[+#]*/giu;
const URL_START = /^(?:https?:\/\/|www\.)/i;
/** A bare domain such as github.com or d2l.ai is treated like a URL. */
const BARE_DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|io|cn|ai|dev|edu|gov|co|me)(?:\/|$)/iu;

/**
 * Tokens of recent short Latin pieces (a piece is what lies between whitespace and Han
 * characters: "LoRA", "fine-tuning?", "https://…"). A piece's tokens depend on the piece alone
 * and words recur from question to question (what, should, learn, RAG): remembered, a piece
 * skips the regexes of addLatinTokens. Bounded like the Han runs.
 */
const MAX_REMEMBERED_PIECE = 32;
const MAX_REMEMBERED_PIECES = 8192;
const recentPieces = new Map<string, readonly string[]>();

function addRememberedLatinTokens(piece: string, out: string[]): void {
  if (piece.length > MAX_REMEMBERED_PIECE) {
    addLatinTokens(piece, out);
    return;
  }
  let words = recentPieces.get(piece);
  if (!words) {
    const fresh: string[] = [];
    addLatinTokens(piece, fresh);
    words = fresh;
    if (recentPieces.size >= MAX_REMEMBERED_PIECES) recentPieces.clear();
    recentPieces.set(piece, words);
  }
  for (const word of words) out.push(word);
}

function addLatinTokens(piece: string, out: string[]): void {
  for (const match of piece.matchAll(URL_OR_WORD)) {
    const value = match[0];
    if (URL_START.test(value) || BARE_DOMAIN.test(value)) addUrlTokens(value, out);
    else addWord(value, out, false);
  }
}

function addUrlTokens(url: string, out: string[]): void {
  // The query and fragment are tracking noise far more often than content.
  const withoutScheme = url.replace(/^https?:\/\//i, "").replace(/[?#].*$/, "");
  for (const part of withoutScheme.split(/[^\p{L}\p{N}]+/u)) {
    if (part === "") continue;
    addWord(part, out, true);
  }
}

function addWord(word: string, out: string[], inUrl: boolean): void {
  const lower = word.toLowerCase();
  const parts = splitCompound(lower);
  const isCompound = parts.length > 1;
  if (isCompound) {
    // Keep the compound only when it is a name of its own (gpt-4, llama-2-7b), not a phrase
    // (prompt-engineering), whose parts are the words people search for.
    if (/\p{N}/u.test(lower) && !/^[\p{N}.]+$/u.test(lower)) keep(lower.replace(/'s$/, ""), out, inUrl);
    for (const [i, part] of splitCompound(word).entries()) {
      if (part.toLowerCase() === "s" && i > 0) continue;
      addSimpleWord(part, out, inUrl);
    }
    return;
  }
  addSimpleWord(word, out, inUrl);
}

/** gpt-3.5-turbo → gpt, 3.5, turbo: a dot between digits is a version number, not a separator. */
function splitCompound(word: string): string[] {
  return word.split(/[-_/']+|\.(?!\p{N})|(?<!\p{N})\./u).filter((p) => p !== "");
}

function addSimpleWord(word: string, out: string[], inUrl: boolean): void {
  const lower = word.toLowerCase();
  if (!keep(lower, out, inUrl)) return;
  const camel = camelCaseParts(word);
  if (camel.length > 1) for (const part of camel) keep(part.toLowerCase(), out, inUrl);
}

/** Pushes the token unless it is a stop word (or URL noise); returns whether it was kept. */
function keep(token: string, out: string[], inUrl: boolean): boolean {
  if (token === "" || ENGLISH_STOP_WORDS.has(token)) return false;
  if (inUrl && URL_NOISE.has(token)) return false;
  out.push(token);
  return true;
}

/**
 * LLMSurvey → [LLM, Survey], RUCAIBox → [RUCAI, Box], ChatGPT → [Chat, GPT]. Only when every part
 * has 3+ letters, so names like LoRA, QLoRA, PyTorch and iPhone are not cut into noise.
 */
function camelCaseParts(word: string): string[] {
  // Most words have no inner capital: skip the two rewrites that could not change them.
  if (!/^[A-Za-z]+$/.test(word) || !/[a-z][A-Z]|[A-Z][A-Z][a-z]/.test(word)) return [word];
  const parts = word
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(" ");
  if (parts.length < 2 || parts.some((p) => p.length < 3)) return [word];
  return parts;
}
