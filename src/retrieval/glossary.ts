import glossaryData from "./glossary.json" with { type: "json" };
import {
  findEnglishLearnerPhrases,
  findGappedHanLearnerPhrases,
  hanLearnerPhrases,
  splitPhraseFirsts,
  type LatinWords,
  type SplitStarts,
} from "./learnerPhrases.js";
import { findLooseLearnerPhrases, loosePairs, type HeldPairs } from "./looseLearnerPhrases.js";
import { recentlyComputed } from "../text/recentlyComputed.js";
import { loadTaiwanPhrases, mainlandPhrases, type RegionalPhrase } from "../text/script.js";
import { UnitTrie } from "../text/unitTrie.js";

/** One concept of the field, named in both languages (see glossary.json). */
export interface GlossaryEntry {
  en: readonly string[];
  zh: readonly string[];
  /** Narrower or broader terms that help recall but are not synonyms (LoRA → 参数高效微调). */
  related: readonly string[];
  /** Only an English name expands (Andrew Ng → 吴恩达); the Chinese name is searched as it is. */
  englishOnlyExpands?: boolean;
  /** A person of the field: a passage naming one says who (confidence.ts's "who" check). */
  person?: boolean;
}

/** A glossary term found in a text. `start`/`end` index the original text. */
export interface GlossaryMatch {
  surface: string;
  start: number;
  end: number;
  entries: readonly GlossaryEntry[];
  /** Found loosely (learnerPhrases.ts findLooseLearnerPhrases): its span also holds words it did not match. */
  loose?: true;
}

interface RawEntry {
  en: string[];
  zh: string[];
  related?: string[];
  englishOnlyExpands?: boolean;
  person?: boolean;
}

// Declared before the tables below are built from them at load.
/** Two Han characters; with a key of two units, each one unit (no surrogate). */
const HAN_PAIR = /^\p{Script=Han}{2}$/u;
const HAN = /\p{Script=Han}/u;
/** The last walk's arrays (walk), reused. */
let scratch: Walked | undefined;

export const GLOSSARY: readonly GlossaryEntry[] = (glossaryData.entries as RawEntry[]).map((raw) =>
  Object.freeze({
    en: Object.freeze([...raw.en]),
    zh: Object.freeze([...raw.zh]),
    related: Object.freeze([...(raw.related ?? [])]),
    ...(raw.englishOnlyExpands ? { englishOnlyExpands: true } : {}),
    ...(raw.person ? { person: true } : {}),
  }),
);

interface TermIndexEntry {
  /** Lowercased term. */
  key: string;
  entries: GlossaryEntry[];
}

/** Every glossary term once (lowercased), with the entries it names. */
const GLOSSARY_TERMS: ReadonlyMap<string, readonly GlossaryEntry[]> = (() => {
  const byKey = new Map<string, GlossaryEntry[]>();
  for (const entry of GLOSSARY) {
    for (const term of [...entry.en, ...entry.zh]) {
      const list = byKey.get(term.toLowerCase()) ?? [];
      if (!list.includes(entry)) list.push(entry);
      byKey.set(term.toLowerCase(), list);
    }
  }
  return byKey;
})();

/** The glossary's own terms, without the learners' phrases (the evidence score reads these). */
const GLOSSARY_KEYS = sortedTerms(GLOSSARY_TERMS);

/** The glossary's terms and the learners' Chinese phrases: what a question is scanned with. */
const TERM_KEYS = sortedTerms(withLearnerPhrases(GLOSSARY_TERMS));

function withLearnerPhrases(glossary: ReadonlyMap<string, readonly GlossaryEntry[]>): Map<string, readonly GlossaryEntry[]> {
  const byKey = new Map(glossary);
  const glossaryOnly = compileScan({ glossary: GLOSSARY_KEYS });
  for (const { entry, phrase } of hanLearnerPhrases()) {
    const key = phrase.toLowerCase();
    // A glossary term keeps the glossary's meaning: the glossary is the curated vocabulary.
    if (glossary.has(key)) continue;
    // A longer everyday phrase shadows the glossary terms inside it ("压缩模型" over "压缩"):
    // it stands for their concepts too, so their expansions are not lost.
    const entries = byKey.get(key) ?? glossaryScanOf(phrase, walk(glossaryOnly, phrase.toLowerCase())).flatMap((m) => m.entries);
    byKey.set(key, entries.includes(entry) ? entries : [...entries, entry]);
  }
  return byKey;
}

function sortedTerms(byKey: ReadonlyMap<string, readonly GlossaryEntry[]>): TermIndexEntry[] {
  return [...byKey.entries()]
    .map(([key, entries]) => ({ key, entries: [...new Set(entries)] }))
    .sort((a, b) => b.key.length - a.key.length);
}

/**
 * One pass over a question for every vocabulary read by its units: the glossary's terms, those
 * with the learners' Chinese phrases, the Han character pairs of the loose learners' phrases
 * (looseLearnerPhrases.ts) and OpenCC's Taiwan phrases (script.ts mainlandPhrases), all in one
 * compiled trie (unitTrie.ts). Walking it from each position of the lowercased text gives each
 * consumer its hits: the longest glossary term and the longest term on word boundaries (each
 * scan then takes them left to right, non-overlapping), the pairs in text order, the Taiwan
 * phrases. Each consumer used to walk the text itself, the glossary twice (with and without the
 * learners' phrases), through `Map`s keyed by numbers past the small-integer range.
 */
interface QuestionScan {
  trie: UnitTrie;
  /** Per node: the index of the term (terms) or glossary term (glossary) ending there, else −1. */
  term: Int32Array;
  glossary: Int32Array;
  /** Per node at depth 2: the loose phrases' pair id (looseLearnerPhrases.ts), else −1. */
  pair: Int32Array;
  /** Per node: the index of the Taiwan phrases (taiwan) whose lowercased form ends there, else −1. */
  taiwan: Int32Array;
  /** Per node at depth 1: 1 where a split learners' phrase starts (learnerPhrases.ts splitPhraseFirsts). */
  splitFirst: Uint8Array;
  terms: readonly TermIndexEntry[];
  glossaryTerms: readonly TermIndexEntry[];
  taiwanPhrases: readonly (readonly RegionalPhrase[])[];
  /** Whether the pairs are in the trie (every pair is two Han units outside the surrogates: see compileScan). */
  pairs: boolean;
  /** Whether the Taiwan phrases are in the trie. */
  regional: boolean;
  /** Whether the split phrases' first characters are in the trie. */
  splits: boolean;
}

function compileScan(vocabulary: {
  glossary: readonly TermIndexEntry[];
  terms?: readonly TermIndexEntry[];
  pairs?: ReadonlyMap<string, number>;
  taiwan?: ReadonlyMap<string, string>;
  splitFirsts?: readonly string[];
}): QuestionScan {
  const trie = new UnitTrie(8192);
  const ends = {
    term: new Map<number, number>(),
    glossary: new Map<number, number>(),
    pair: new Map<number, number>(),
    taiwan: new Map<number, number>(),
  };
  // Keys are distinct within each vocabulary: a node ends at most one key of each.
  const terms = vocabulary.terms ?? [];
  for (let index = 0; index < vocabulary.glossary.length; index++) {
    const key = vocabulary.glossary[index]!.key;
    if (key.length > 0) ends.glossary.set(trie.add(key), index);
  }
  for (let index = 0; index < terms.length; index++) {
    const key = terms[index]!.key;
    if (key.length > 0) ends.term.set(trie.add(key), index);
  }
  // A pair is held where the question's Han runs have it (looseLearnerPhrases.ts): two Han
  // characters of one unit each are in one run wherever they stand side by side, so the walk
  // finds exactly those. A pair with a surrogate could straddle a run's end: then none are walked.
  const pairs = [...(vocabulary.pairs ?? [])].every(([key]) => key.length === 2 && HAN_PAIR.test(key));
  if (pairs) for (const [key, id] of vocabulary.pairs ?? []) ends.pair.set(trie.add(key), id);
  const taiwanPhrases: RegionalPhrase[][] = [];
  for (const [taiwan, mainland] of vocabulary.taiwan ?? []) {
    // By the lowercased form, as the walk reads the text; a hit is checked against the text itself.
    const node = trie.add(taiwan.toLowerCase());
    let group = ends.taiwan.get(node);
    if (group === undefined) {
      group = taiwanPhrases.push([]) - 1;
      ends.taiwan.set(node, group);
    }
    taiwanPhrases[group]!.push({ taiwan, mainland });
  }
  // findSplitHanLearnerPhrases reads one unit per position: a first character of two units never matches there.
  const splitNodes = (vocabulary.splitFirsts ?? []).filter((first) => first.length === 1).map((first) => trie.add(first));
  const splitFirst = new Uint8Array(trie.size);
  for (const node of splitNodes) splitFirst[node] = 1;
  const byNode = (map: Map<number, number>) => {
    const array = new Int32Array(trie.size).fill(-1);
    for (const [node, value] of map) array[node] = value;
    return array;
  };
  return {
    trie,
    term: byNode(ends.term),
    glossary: byNode(ends.glossary),
    pair: byNode(ends.pair),
    taiwan: byNode(ends.taiwan),
    splitFirst,
    terms,
    glossaryTerms: vocabulary.glossary,
    taiwanPhrases,
    pairs: pairs && vocabulary.pairs !== undefined,
    regional: vocabulary.taiwan !== undefined,
    splits: vocabulary.splitFirsts !== undefined,
  };
}

let questionScan: QuestionScan | undefined;

/**
 * The compiled scan, built at the first question (~15 ms, and ~30 ms for the loose phrases' table
 * it reads, which the first question built before): not at index load, which a server's start
 * to ready waits for.
 */
function fullScan(): QuestionScan {
  return (questionScan ??= compileScan({
    glossary: GLOSSARY_KEYS,
    terms: TERM_KEYS,
    pairs: loosePairs(),
    taiwan: loadTaiwanPhrases().byPhrase,
    splitFirsts: splitPhraseFirsts(),
  }));
}

/** What one walk over a lowercased text found; arrays by position, reused from walk to walk. */
interface Walked {
  scan: QuestionScan;
  /** The text whose lowercase this walk is, once walked() has asked for it (none after a bare walk). */
  text: string | undefined;
  lower: string;
  /** Per start position: the end of the longest term / glossary term there on word boundaries, else 0; and its index. */
  termEnd: Int32Array;
  termAt: Int32Array;
  glossaryEnd: Int32Array;
  glossaryAt: Int32Array;
  /** The loose phrases' pairs in text order: their ids and starts. */
  pairs: { count: number; ids: Int32Array; starts: Int32Array };
  /** Taiwan phrase hits (start ascending, then end descending): start, end, group. */
  regional: { count: number; starts: Int32Array; ends: Int32Array; groups: Int32Array };
  /** Where a split learners' phrase's first character stands, ascending. */
  splits: SplitStarts;
  /** The lowercased text's Latin words (runs of ASCII letters and digits), in order. */
  latin: LatinWords;
}

/**
 * The walk: from each position, down the trie as far as some key continues. Its arrays are
 * scratch, valid until the next walk: each consumer reads what it needs before another runs.
 */
function walk(scan: QuestionScan, lower: string): Walked {
  const n = lower.length;
  if (!scratch || scratch.termEnd.length < n) {
    const size = Math.max(256, n * 2);
    scratch = {
      scan,
      text: undefined,
      lower,
      termEnd: new Int32Array(size),
      termAt: new Int32Array(size),
      glossaryEnd: new Int32Array(size),
      glossaryAt: new Int32Array(size),
      pairs: { count: 0, ids: new Int32Array(size), starts: new Int32Array(size) },
      regional: { count: 0, starts: new Int32Array(size), ends: new Int32Array(size), groups: new Int32Array(size) },
      splits: { count: 0, starts: new Int32Array(size) },
      latin: { count: 0, starts: new Int32Array(size), ends: new Int32Array(size) },
    };
  }
  const walked = scratch;
  walked.scan = scan;
  walked.text = undefined;
  walked.lower = lower;
  const { trie, term, glossary, pair, taiwan, splitFirst } = scan;
  const { termEnd, termAt, glossaryEnd, glossaryAt, pairs, regional, splits, latin } = walked;
  pairs.count = 0;
  regional.count = 0;
  splits.count = 0;
  latin.count = 0;
  let inWord = false;
  for (let start = 0; start < n; start++) {
    termEnd[start] = 0;
    glossaryEnd[start] = 0;
    const unit = lower.charCodeAt(start);
    if (isWordUnit(unit) !== inWord) {
      inWord = !inWord;
      if (inWord) latin.starts[latin.count] = start;
      else latin.ends[latin.count++] = start;
    }
    let node = trie.root(unit);
    if (splitFirst[node] === 1) splits.starts[splits.count++] = start;
    const firstHit = regional.count;
    for (let i = start; node !== 0;) {
      const end = i + 1;
      const t = term[node]!;
      if (t >= 0 && onWordBoundaries(lower, start, end)) {
        termEnd[start] = end;
        termAt[start] = t;
      }
      const g = glossary[node]!;
      if (g >= 0 && onWordBoundaries(lower, start, end)) {
        glossaryEnd[start] = end;
        glossaryAt[start] = g;
      }
      if (end - start === 2 && pair[node]! >= 0) {
        pairs.ids[pairs.count] = pair[node]!;
        pairs.starts[pairs.count++] = start;
      }
      const r = taiwan[node]!;
      if (r >= 0) {
        regional.starts[regional.count] = start;
        regional.ends[regional.count] = end;
        regional.groups[regional.count++] = r;
      }
      if (++i >= n) break;
      node = trie.child(node, lower.charCodeAt(i));
    }
    // Longest first at each start, as mainlandPhrases reads its windows.
    for (let a = firstHit, b = regional.count - 1; a < b; a++, b--) {
      const end = regional.ends[a]!;
      regional.ends[a] = regional.ends[b]!;
      regional.ends[b] = end;
      const group = regional.groups[a]!;
      regional.groups[a] = regional.groups[b]!;
      regional.groups[b] = group;
    }
  }
  if (inWord) latin.ends[latin.count++] = n;
  return walked;
}

/** The walk over a text, the last one's when it was over the same text. */
function walked(text: string): Walked {
  const scan = fullScan();
  // By the text first: lowercasing a Chinese question is a Unicode pass, and one request asks ~3 times.
  if (scratch?.scan === scan && scratch.text === text) return scratch;
  const lower = text.toLowerCase();
  const found = scratch?.scan === scan && scratch.lower === lower ? scratch : walk(scan, lower);
  found.text = text;
  return found;
}

/** The glossary terms (with the learners' phrases, or the glossary's own) left to right, longest first, non-overlapping. */
function scanOf(text: string, walked: Walked, kind: "term" | "glossary"): GlossaryMatch[] {
  const ends = kind === "term" ? walked.termEnd : walked.glossaryEnd;
  const at = kind === "term" ? walked.termAt : walked.glossaryAt;
  const terms = kind === "term" ? walked.scan.terms : walked.scan.glossaryTerms;
  const matches: GlossaryMatch[] = [];
  const n = walked.lower.length;
  let position = 0;
  while (position < n) {
    const end = ends[position]!;
    if (end > 0) {
      matches.push({ surface: text.slice(position, end), start: position, end, entries: terms[at[position]!]!.entries });
      position = end;
    } else {
      position++;
    }
  }
  return matches;
}

function glossaryScanOf(text: string, walked: Walked): GlossaryMatch[] {
  return scanOf(text, walked, "glossary");
}

/** The glossary's terms with the learners' Chinese phrases in a text, as the walk finds them, before the other learners' matchers join in. */
export function walkedTermMatches(text: string): GlossaryMatch[] {
  return scanOf(text, walked(text), "term");
}

/** The loose phrases' pairs one walk finds in a text (a copy): what findGlossaryMatches hands findLooseLearnerPhrases. */
export function walkedLoosePairs(text: string): HeldPairs | undefined {
  const walk = walked(text);
  if (!walk.scan.pairs) return undefined;
  const { count, ids, starts } = walk.pairs;
  return { count, ids: ids.slice(0, count), starts: starts.slice(0, count) };
}

/** The split phrases' first characters one walk finds in a text (a copy): what findGlossaryMatches hands findGappedHanLearnerPhrases. */
export function walkedSplitStarts(text: string): SplitStarts | undefined {
  const walk = walked(text);
  if (!walk.scan.splits) return undefined;
  return { count: walk.splits.count, starts: walk.splits.starts.slice(0, walk.splits.count) };
}

/** The Latin words one walk finds in a text (a copy), when findEnglishLearnerPhrases may read them (else undefined). */
export function walkedLatinWords(text: string): LatinWords | undefined {
  const walk = walked(text);
  if (!latinAligned(text, walk.lower)) return undefined;
  const { count, starts, ends } = walk.latin;
  return { count, starts: starts.slice(0, count), ends: ends.slice(0, count) };
}

/** The lowercased text's Latin words one walk finds (a copy): what findGlossaryMatches hands findLooseLearnerPhrases. */
export function walkedLowerLatinWords(text: string): LatinWords {
  const { count, starts, ends } = walked(text).latin;
  return { count, starts: starts.slice(0, count), ends: ends.slice(0, count) };
}

/**
 * Taiwan vocabulary in a text and its Mainland words: script.ts mainlandPhrases, read off the
 * question's walk. The same phrases in the same order (start ascending, then longest first, each
 * Taiwan word once): a lowercased text keeps every unit's position (no code point's lowercase is
 * shorter, so equal lengths mean every one kept its length), and a hit is checked against the
 * text itself. A text whose lowercase is longer (İ) is read by mainlandPhrases.
 */
export function findMainlandPhrases(text: string): RegionalPhrase[] {
  const scan = fullScan();
  if (!scan.regional || !HAN.test(text)) return mainlandPhrases(text);
  const { regional, lower } = walked(text);
  if (lower.length !== text.length) return mainlandPhrases(text);
  const found: RegionalPhrase[] = [];
  for (let k = 0; k < regional.count; k++) {
    const start = regional.starts[k]!;
    const end = regional.ends[k]!;
    for (const phrase of scan.taiwanPhrases[regional.groups[k]!]!) {
      if (phrase.taiwan.length !== end - start || !text.startsWith(phrase.taiwan, start)) continue;
      if (!found.some((f) => f.taiwan === phrase.taiwan)) found.push({ taiwan: phrase.taiwan, mainland: phrase.mainland });
    }
  }
  return found;
}

/**
 * Matches of recent texts: one request reads the same question's terms in query analysis,
 * expansion, the dictionary, the evidence score and the name check. Cleared when full.
 */
const RECENT_TEXTS = 2048;
/**
 * By the text itself, one map per kind of scan: a question's string keeps its hash, where a key
 * made by prefixing it was a new string to hash at every call (~8 a search).
 */
const recentMatches = recentlyComputed(RECENT_TEXTS, (text: string): readonly GlossaryMatch[] => Object.freeze(withEnglishPhrases(text)));
const recentGlossaryMatches = recentlyComputed(RECENT_TEXTS, (text: string): readonly GlossaryMatch[] =>
  Object.freeze(glossaryScanOf(text, walked(text))),
);

/**
 * Glossary terms in a text: longest match first, left to right, non-overlapping; latin matching
 * is case-insensitive and only on word boundaries ("RAG" in "RAG是什么" but not in "storage").
 * With the learners' phrases unless `learnerPhrases: false`. The result is frozen and shared
 * with later callers asking about the same text.
 */
export function findGlossaryMatches(text: string, options: { learnerPhrases?: boolean } = {}): readonly GlossaryMatch[] {
  return options.learnerPhrases === false ? recentGlossaryMatches(text) : recentMatches(text);
}

function withEnglishPhrases(text: string): GlossaryMatch[] {
  const walk = walked(text);
  let matches = scanOf(text, walk, "term");
  const loose = findLooseLearnerPhrases(text, walk.scan.pairs ? walk.pairs : undefined, walk.latin);
  const gapped = findGappedHanLearnerPhrases(text, walk.scan.splits ? walk.splits : undefined);
  // The text's own Latin words are the lowercased text's where every unit kept its place and
  // none became a Latin letter (only the Kelvin sign does: K → k; questionWords.test.ts).
  const english = findEnglishLearnerPhrases(text, latinAligned(text, walk.lower) ? walk.latin : undefined);
  // English learner phrases match on stems (learnerPhrases.ts). One that spans whole terms
  // ("AI newsletter" over "AI") replaces them and keeps their concepts, as a longer Chinese
  // phrase does; one that cuts into a term is left out.
  for (const phrase of [...english, ...gapped, ...loose]) {
    const overlapping = matches.filter((m) => m.start < phrase.end && phrase.start < m.end);
    if (overlapping.some((m) => m.start < phrase.start || m.end > phrase.end)) continue;
    // A glossary term keeps the glossary's meaning ("deep learning" is not its learners' phrase too).
    if (overlapping.some((m) => m.start === phrase.start && m.end === phrase.end)) continue;
    const entries = [...new Set([...overlapping.flatMap((m) => m.entries), ...phrase.entries])];
    matches = [...matches.filter((m) => !overlapping.includes(m)), { ...phrase, entries }].sort((a, b) => a.start - b.start);
  }
  return matches;
}

function latinAligned(text: string, lower: string): boolean {
  return lower.length === text.length && !text.includes("\u212a");
}

/** Whether the term lower[start, end) stands on latin word boundaries. */
function onWordBoundaries(lower: string, start: number, end: number): boolean {
  if (isWordUnit(lower.charCodeAt(start)) && start > 0 && isWordUnit(lower.charCodeAt(start - 1))) return false;
  if (isWordUnit(lower.charCodeAt(end - 1)) && end < lower.length && isWordUnit(lower.charCodeAt(end))) return false;
  return true;
}

/** [a-z0-9] after lowercasing (WORD_CHAR, case-insensitive: the text is lowercased, but İ's lowercase keeps an "i"). */
function isWordUnit(unit: number): boolean {
  return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a);
}

/** All names of an entry's concept, both languages, then its related terms. */
export function termsOf(entry: GlossaryEntry, options: { related?: boolean } = {}): string[] {
  return [...entry.en, ...entry.zh, ...(options.related === false ? [] : entry.related)];
}
