import { stemmer } from "stemmer";
import { recentlyComputed } from "../text/recentlyComputed.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import learnerPhraseData from "./learnerPhrases.json" with { type: "json" };
import learnerPhraseTokenData from "./learnerPhraseTokens.json" with { type: "json" };
import type { GlossaryEntry, GlossaryMatch } from "./glossary.js";

/**
 * The learners'-words layer (learnerPhrases.json): everyday phrases ("瞎编", "making stuff up")
 * that stand for a concept the documents name with a term (幻觉). An entry's names are the
 * documents' terms only, so expansion searches those and never the other everyday phrases.
 *
 * Chinese phrases match like glossary terms (glossary.ts puts them in its term table), and a
 * phrase of two words or more also with a few Han characters between its words ("模型变小" in
 * "模型太大了怎么变小"), never across 的, punctuation or a space. English
 * phrases match word by word on Porter stems, leaving out articles, so "made stuff up" and "the
 * model makes stuff up" both find "make stuff up": learners inflect, the vocabulary cannot list
 * every form. Most of a phrase's pieces in any order also match, loosely (looseLearnerPhrases.ts).
 */

interface RawLearnerEntry {
  /** The concept's names as the documents write them. */
  docTerms: string[];
  /** Everyday words learners use for it instead (Simplified Chinese, and English of several words). */
  phrases: string[];
}

const HAN = /\p{Script=Han}/u;

export const LEARNER_ENTRIES: readonly { entry: GlossaryEntry; phrases: readonly string[] }[] = (
  learnerPhraseData.entries as RawLearnerEntry[]
).map((raw) => ({
  entry: Object.freeze({
    en: Object.freeze(raw.docTerms.filter((t) => !HAN.test(t))),
    zh: Object.freeze(raw.docTerms.filter((t) => HAN.test(t))),
    related: Object.freeze([] as string[]),
  }),
  phrases: Object.freeze([...raw.phrases]),
}));

const LEARNER_ENTRY_SET: ReadonlySet<GlossaryEntry> = new Set(LEARNER_ENTRIES.map((l) => l.entry));

/** Whether an entry comes from the learners'-words layer rather than the curated glossary. */
export function isLearnerEntry(entry: GlossaryEntry): boolean {
  return LEARNER_ENTRY_SET.has(entry);
}

/** The Chinese phrases of each entry: they go into the glossary's term table. */
export function hanLearnerPhrases(): { entry: GlossaryEntry; phrase: string }[] {
  return LEARNER_ENTRIES.flatMap(({ entry, phrases }) => phrases.filter((p) => HAN.test(p)).map((phrase) => ({ entry, phrase })));
}

const ARTICLES = new Set(["a", "an", "the"]);
const LATIN_WORD = /[a-z0-9]+/gi;

interface StemmedWord {
  stem: string;
  start: number;
  end: number;
}

/**
 * Where a text's Latin words (LATIN_WORD's matches: runs of ASCII letters and digits) start and
 * end, in order, as the question scan's walk finds them (glossary.ts).
 */
export interface LatinWords {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
}

function stemmedWords(text: string, latin?: LatinWords): StemmedWord[] {
  const words: StemmedWord[] = [];
  const add = (start: number, end: number) => {
    const word = text.slice(start, end).toLowerCase();
    if (!ARTICLES.has(word)) words.push({ stem: stemOf(word), start, end });
  };
  if (latin) for (let k = 0; k < latin.count; k++) add(latin.starts[k]!, latin.ends[k]!);
  else for (const m of text.matchAll(LATIN_WORD)) add(m.index, m.index + m[0].length);
  return words;
}

/** A word's Porter stem, remembered: it depends on the word alone, and questions reuse their words. */
export const stemOf = recentlyComputed(8192, (word: string) => stemmer(word));

interface StemmedPhrase {
  stems: readonly string[];
  entries: GlossaryEntry[];
}

/**
 * The English phrases' stems (articles left out), read from learnerPhraseTokens.json (written
 * ahead of time by `scripts/build-learner-phrase-tokens.ts`): stemming them took ~12 ms of every
 * server's start. A phrase the file lacks is stemmed here as before; the test fails while stale.
 */
const WRITTEN_STEMS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(learnerPhraseTokenData.stems));

const phraseStems = (phrase: string): readonly string[] => WRITTEN_STEMS.get(phrase) ?? stemmedWords(phrase).map((w) => w.stem);

/** Each English phrase's stems: what learnerPhraseTokens.json holds beside the Chinese phrases' tokens. */
export function learnerPhraseStemsTable(): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (const { phrases } of LEARNER_ENTRIES)
    for (const phrase of phrases) if (!HAN.test(phrase)) table[phrase] = stemmedWords(phrase).map((w) => w.stem);
  return table;
}

/** English phrases by their first stem, longest first; one phrase of several entries keeps them all. */
const LATIN_PHRASES: ReadonlyMap<string, readonly StemmedPhrase[]> = (() => {
  const byKey = new Map<string, StemmedPhrase>();
  for (const { entry, phrases } of LEARNER_ENTRIES) {
    for (const phrase of phrases) {
      if (HAN.test(phrase)) continue;
      const stems = phraseStems(phrase);
      if (stems.length === 0) continue;
      const key = stems.join(" ");
      const known = byKey.get(key);
      if (known) {
        if (!known.entries.includes(entry)) known.entries.push(entry);
      } else byKey.set(key, { stems, entries: [entry] });
    }
  }
  const byFirst = new Map<string, StemmedPhrase[]>();
  for (const phrase of byKey.values()) {
    const list = byFirst.get(phrase.stems[0]!) ?? [];
    list.push(phrase);
    byFirst.set(phrase.stems[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return byFirst;
})();

/** English learner phrases in a text: longest first, left to right, non-overlapping. */
export function findEnglishLearnerPhrases(text: string, latin?: LatinWords): GlossaryMatch[] {
  if (LATIN_PHRASES.size === 0 || !/[a-z]/i.test(text)) return [];
  const words = stemmedWords(text, latin);
  const matches: GlossaryMatch[] = [];
  let i = 0;
  while (i < words.length) {
    const found = LATIN_PHRASES.get(words[i]!.stem)?.find((p) => p.stems.every((stem, j) => words[i + j]?.stem === stem));
    if (found) {
      const start = words[i]!.start;
      const end = words[i + found.stems.length - 1]!.end;
      matches.push({ surface: text.slice(start, end), start, end, entries: found.entries });
      i += found.stems.length;
    } else i++;
  }
  return matches;
}

/** Characters a gapped phrase may stretch by: an adverb or particle or two (模型太大了怎么变小). */
const GAP_SLACK = 6;
/** What may stand between a phrase's words: Han characters, but not 的 ("调用哪家的模型" is not "调用模型"), no break. */
const PLAIN_GAP = /^[^\s\p{P}\p{S}的a-z0-9]*$/u;

/** Characters that carry no topic in a learner's phrase: particles, pronouns, light verbs, question words. */
const FUNCTION_CHARACTERS = /^[的地得了着过想要会能可让把被给个些么什啥吗呢吧啊呀这那它他她我你都也还就再很太更最和与跟及或]*$/u;

interface GappedPhrase {
  pieces: readonly string[];
  length: number;
  entries: GlossaryEntry[];
}

/**
 * The search tokens of the Chinese phrases, read from learnerPhraseTokens.json (written ahead of
 * time by `scripts/build-learner-phrase-tokens.ts`): tokenizing the ~2,900 phrases took the first
 * question ~30 ms with the tokenizer warm, ~100 ms cold. A phrase the file lacks (added since) is
 * tokenized here as before; tests/retrieval/learnerPhrases.test.ts fails while the file is stale.
 */
const WRITTEN_TOKENS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(learnerPhraseTokenData.tokens));

const phraseTokens = (phrase: string): readonly string[] => WRITTEN_TOKENS.get(phrase) ?? tokenizeForSearch(phrase);

/** Each Chinese phrase's search tokens: what learnerPhraseTokens.json holds. */
export function learnerPhraseTokensTable(): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (const { phrases } of LEARNER_ENTRIES) for (const phrase of phrases) if (HAN.test(phrase)) table[phrase] = tokenizeForSearch(phrase);
  return table;
}

/**
 * Chinese phrases of two words or more, by their first word: learners put words between them
 * ("模型变小" as "模型…变小一点"), as English inflects.
 */
let gappedPhrases: ReadonlyMap<string, readonly GappedPhrase[]> | undefined;

function gappedPhraseTable(): ReadonlyMap<string, readonly GappedPhrase[]> {
  if (gappedPhrases) return gappedPhrases;
  const byKey = new Map<string, GappedPhrase>();
  for (const { entry, phrases } of LEARNER_ENTRIES) {
    for (const phrase of phrases) {
      if (!HAN.test(phrase)) continue;
      const tokens = phraseTokens(phrase).filter((t) => Array.from(t).length >= 2);
      const pieces = tokens.filter((t) => !tokens.some((other) => other !== t && other.includes(t)));
      // The words must make up the phrase, less function characters: "一次塞很多字" is not
      // "一次…很多" once 塞 and 字 fall out, while "听懂用户要什么" is still "听懂…用户".
      const rest = pieces.reduce((text, piece) => text.replace(piece, ""), phrase.toLowerCase());
      if (pieces.length < 2 || !FUNCTION_CHARACTERS.test(rest)) continue;
      const key = pieces.join(" ");
      const known = byKey.get(key);
      if (known) {
        if (!known.entries.includes(entry)) known.entries.push(entry);
      } else byKey.set(key, { pieces, length: phrase.length, entries: [entry] });
    }
  }
  const byFirst = new Map<string, GappedPhrase[]>();
  for (const phrase of byKey.values()) byFirst.set(phrase.pieces[0]!, [...(byFirst.get(phrase.pieces[0]!) ?? []), phrase]);
  gappedPhrases = byFirst;
  return byFirst;
}

/**
 * Two-character phrases by their first character: a verb-object compound splits around an aspect
 * marker, a quantity or 的 (踩坑 as 踩了很多坑, 踩过哪些坑, 最常踩的坑; 跑分 as 跑个分), which Chinese grammar allows
 * for such words (离合词) and no other word order would produce.
 */
let splitPhrases: ReadonlyMap<string, readonly { second: string; entries: GlossaryEntry[] }[]> | undefined;

function splitPhraseTable(): ReadonlyMap<string, readonly { second: string; entries: GlossaryEntry[] }[]> {
  if (splitPhrases) return splitPhrases;
  const byFirst = new Map<string, { second: string; entries: GlossaryEntry[] }[]>();
  for (const { entry, phrases } of LEARNER_ENTRIES) {
    for (const phrase of phrases) {
      const chars = Array.from(phrase);
      if (chars.length !== 2 || !chars.every((c) => HAN_CHARACTER.test(c))) continue;
      const list = byFirst.get(chars[0]!) ?? [];
      const known = list.find((p) => p.second === chars[1]);
      if (known) {
        if (!known.entries.includes(entry)) known.entries.push(entry);
      } else list.push({ second: chars[1]!, entries: [entry] });
      byFirst.set(chars[0]!, list);
    }
  }
  splitPhrases = byFirst;
  return byFirst;
}

const HAN_CHARACTER = /^\p{Script=Han}$/u;
/**
 * What may split a verb-object compound: an aspect marker, then a quantity or a question word; or
 * 的 making the verb a clause on its object ("最常踩的坑", "踩过的坑": the pits one steps into).
 */
const SPLIT = /^(?:[了过過着著])?(?:的(?=\p{Script=Han}))?(?:哪些|什么|什麼|啥|几个|幾個|几次|幾次|多少|很多|不少|一些|好多|个|個)?/u;

/** The first characters of the split phrases (the question scan walks them: glossary.ts). */
export function splitPhraseFirsts(): string[] {
  return [...splitPhraseTable().keys()];
}

/** Positions of a lowercased text, ascending: where a walk found a first character of splitPhraseFirsts. */
export interface SplitStarts {
  count: number;
  starts: Int32Array;
}

function findSplitHanLearnerPhrases(text: string, walked?: SplitStarts): GlossaryMatch[] {
  const table = splitPhraseTable();
  const matches: GlossaryMatch[] = [];
  // Every position, or only those where the question scan's walk met a first character.
  const positions = walked ? walked.count : text.length - 2;
  for (let k = 0; k < positions; k++) {
    const i = walked ? walked.starts[k]! : k;
    if (i >= text.length - 2) break;
    const phrases = table.get(text[i]!);
    if (!phrases) continue;
    const gap = SPLIT.exec(text.slice(i + 1, i + 6))![0];
    if (gap.length === 0) continue;
    const end = i + 1 + gap.length + 1;
    const found = phrases.find((p) => text[end - 1] === p.second);
    if (found) matches.push({ surface: text.slice(i, end), start: i, end, entries: found.entries });
  }
  return matches;
}

/** Chinese learner phrases whose words appear in order with a little between them. */
export function findGappedHanLearnerPhrases(text: string, splitStarts?: SplitStarts): GlossaryMatch[] {
  if (!HAN.test(text)) return [];
  const table = gappedPhraseTable();
  const lower = text.toLowerCase();
  const matches: GlossaryMatch[] = [...findSplitHanLearnerPhrases(lower, splitStarts)];
  for (const first of new Set(tokenizeForSearch(text))) {
    const phrases = table.get(first);
    if (!phrases) continue;
    // Where the first word is, found once for all the phrases it starts.
    const starts: number[] = [];
    for (let start = lower.indexOf(first); start >= 0; start = lower.indexOf(first, start + 1)) starts.push(start);
    for (const phrase of phrases) {
      for (const start of starts) {
        let end = start + first.length;
        let ok = true;
        for (let p = 1; p < phrase.pieces.length; p++) {
          const piece = phrase.pieces[p]!;
          const at = lower.indexOf(piece, end);
          if (at < 0 || at + piece.length - start > phrase.length + GAP_SLACK || !PLAIN_GAP.test(lower.slice(end, at))) {
            ok = false;
            break;
          }
          end = at + piece.length;
        }
        if (ok) {
          matches.push({ surface: text.slice(start, end), start, end, entries: phrase.entries });
          break;
        }
      }
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}
