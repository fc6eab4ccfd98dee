import type { GlossaryEntry, GlossaryMatch } from "./glossary.js";
import type { LatinWords, SplitStarts } from "./learnerPhrases.js";
import { fnv1a } from "../text/fnv1a.js";
import { mainlandPhrases, type RegionalPhrase } from "../text/script.js";
import { UnitTrie } from "../text/unitTrie.js";

/** Two Han characters; with a key of two units, each one unit (no surrogate). */
const HAN_PAIR = /^\p{Script=Han}{2}$/u;
const HAN = /\p{Script=Han}/u;
/** The last walk's arrays (walk), reused. */
let scratch: Walked | undefined;

/** A term of a vocabulary and the glossary entries it names. */
export interface TermIndexEntry {
  /** Lowercased term. */
  key: string;
  entries: GlossaryEntry[];
}

/**
 * One pass over a question for every vocabulary read by its units: the glossary's terms, those
 * with the learners' Chinese phrases, the Han character pairs of the loose learners' phrases
 * (looseLearnerPhrases.ts), the split learners' phrases' first characters (learnerPhrases.ts) and
 * OpenCC's Taiwan phrases (script.ts mainlandPhrases), all in one compiled trie (unitTrie.ts).
 * Walking it from each position of the lowercased text gives each consumer its hits: the longest
 * glossary term and the longest term on word boundaries (each scan then takes them left to right,
 * non-overlapping), the pairs in text order, the Taiwan phrases, where split phrases start, and the
 * Latin words. Walking the text apart, the consumers read it six times (the glossary twice, with
 * and without the learners' phrases), through `Map`s keyed by numbers past the small-integer range.
 */
export interface QuestionScan {
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

/** What a scan is compiled from. */
export interface ScanVocabulary {
  glossary: readonly TermIndexEntry[];
  terms?: readonly TermIndexEntry[];
  pairs?: ReadonlyMap<string, number>;
  taiwan?: ReadonlyMap<string, string>;
  splitFirsts?: readonly string[];
}

export function compileScan(vocabulary: ScanVocabulary): QuestionScan {
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

/**
 * A compiled scan as written ahead of time (glossary.ts's questionScan.json, by
 * `scripts/build-question-scan.ts`): the trie's arrays and what ends at its nodes, as base64 of
 * little-endian integers, so a server reads the scan instead of compiling it at every start (~50–150
 * ms of Node 20's CPU, session 32). `source` is the key of the vocabulary it was compiled from
 * (scanSourceKey): for any other vocabulary the scan is compiled as before.
 */
export interface WrittenScan {
  source: string;
  nodes: number;
  edges: number;
  /** The root's children: (unit, node) pairs. */
  roots: string;
  /** The trie's table below the root, slot by slot (UnitTrie.arrays). */
  keyNodes: string;
  keyUnits: string;
  children: string;
  /** What ends at a node: (node, value) pairs, every other node −1; splitFirst: the nodes marked 1. */
  term: string;
  glossary: string;
  pair: string;
  taiwan: string;
  splitFirst: string;
  /** Each group's Taiwan phrases, as [taiwan, mainland]. */
  taiwanPhrases: string[][][];
  /** Whether the pairs are in the trie (compileScan). */
  pairs: boolean;
}

/** Bump when WrittenScan or what compileScan makes of a vocabulary changes: a written scan of another format is not read. */
const WRITTEN_SCAN_FORMAT = 1;

/** The key of a vocabulary as compileScan reads it: every key in order, the pairs' ids, the Taiwan phrases, the split phrases' first characters. */
export function scanSourceKey(vocabulary: ScanVocabulary): string {
  const text = JSON.stringify([
    WRITTEN_SCAN_FORMAT,
    vocabulary.glossary.map((term) => term.key),
    vocabulary.terms?.map((term) => term.key) ?? null,
    vocabulary.pairs ? [...vocabulary.pairs] : null,
    vocabulary.taiwan ? [...vocabulary.taiwan] : null,
    vocabulary.splitFirsts ?? null,
  ]);
  return `${fnv1a(text).toString(16)}:${text.length}`;
}

function base64Of(array: Int32Array | Uint16Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");
}

/** Little-endian integers from base64, copied into arrays of their own (a decoded Buffer may sit unaligned in a shared pool). */
function int32sOf(base64: string): Int32Array {
  const bytes = Buffer.from(base64, "base64");
  const array = new Int32Array(bytes.byteLength >> 2);
  new Uint8Array(array.buffer).set(bytes);
  return array;
}

function uint16sOf(base64: string): Uint16Array {
  const bytes = Buffer.from(base64, "base64");
  const array = new Uint16Array(bytes.byteLength >> 1);
  new Uint8Array(array.buffer).set(bytes);
  return array;
}

/** The (index, value) pairs of an array's entries other than `unset`. */
function sparse(array: Int32Array | Uint8Array, unset: number): Int32Array {
  const pairs: number[] = [];
  for (let i = 0; i < array.length; i++) if (array[i] !== unset) pairs.push(i, array[i]!);
  return Int32Array.from(pairs);
}

function dense(pairs: Int32Array, length: number, unset: number): Int32Array {
  const array = new Int32Array(length).fill(unset);
  for (let i = 0; i < pairs.length; i += 2) array[pairs[i]!] = pairs[i + 1]!;
  return array;
}

/** A compiled scan of `vocabulary` as written ahead of time (WrittenScan). */
export function writeScan(scan: QuestionScan, vocabulary: ScanVocabulary): WrittenScan {
  const trie = scan.trie.arrays();
  return {
    source: scanSourceKey(vocabulary),
    nodes: trie.nodes,
    edges: trie.edges,
    roots: base64Of(sparse(trie.roots, 0)),
    keyNodes: base64Of(trie.keyNodes),
    keyUnits: base64Of(trie.keyUnits),
    children: base64Of(trie.children),
    term: base64Of(sparse(scan.term, -1)),
    glossary: base64Of(sparse(scan.glossary, -1)),
    pair: base64Of(sparse(scan.pair, -1)),
    taiwan: base64Of(sparse(scan.taiwan, -1)),
    splitFirst: base64Of(Int32Array.from(sparse(scan.splitFirst, 0).filter((_, i) => i % 2 === 0))),
    taiwanPhrases: scan.taiwanPhrases.map((group) => group.map(({ taiwan, mainland }) => [taiwan, mainland])),
    pairs: scan.pairs,
  };
}

/**
 * The scan written ahead of time, when it was written from this very vocabulary (and this machine
 * reads integers little-endian, as they were written); else undefined, and the caller compiles it.
 */
export function readWrittenScan(written: WrittenScan, vocabulary: ScanVocabulary): QuestionScan | undefined {
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) return undefined;
  if (written.source !== scanSourceKey(vocabulary)) return undefined;
  const nodes = written.nodes;
  const roots = new Int32Array(0x10000);
  const rootPairs = int32sOf(written.roots);
  for (let i = 0; i < rootPairs.length; i += 2) roots[rootPairs[i]!] = rootPairs[i + 1]!;
  const trie = UnitTrie.fromArrays({
    roots,
    keyNodes: int32sOf(written.keyNodes),
    keyUnits: uint16sOf(written.keyUnits),
    children: int32sOf(written.children),
    nodes,
    edges: written.edges,
  });
  const splitFirst = new Uint8Array(nodes);
  for (const node of int32sOf(written.splitFirst)) splitFirst[node] = 1;
  return {
    trie,
    term: dense(int32sOf(written.term), nodes, -1),
    glossary: dense(int32sOf(written.glossary), nodes, -1),
    pair: dense(int32sOf(written.pair), nodes, -1),
    taiwan: dense(int32sOf(written.taiwan), nodes, -1),
    splitFirst,
    terms: vocabulary.terms ?? [],
    glossaryTerms: vocabulary.glossary,
    taiwanPhrases: written.taiwanPhrases.map((group) => group.map(([taiwan = "", mainland = ""]) => ({ taiwan, mainland }))),
    pairs: written.pairs,
    regional: vocabulary.taiwan !== undefined,
    splits: vocabulary.splitFirsts !== undefined,
  };
}

/** What one walk over a lowercased text found; arrays by position, reused from walk to walk. */
export interface Walked {
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
export function walk(scan: QuestionScan, lower: string): Walked {
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
export function walkOver(scan: QuestionScan, text: string): Walked {
  // By the text first: lowercasing a Chinese question is a Unicode pass, and one request asks ~3 times.
  if (scratch?.scan === scan && scratch.text === text) return scratch;
  const lower = text.toLowerCase();
  const found = scratch?.scan === scan && scratch.lower === lower ? scratch : walk(scan, lower);
  found.text = text;
  return found;
}

/** The glossary terms (with the learners' phrases, or the glossary's own) left to right, longest first, non-overlapping. */
export function scanOf(text: string, walked: Walked, kind: "term" | "glossary"): GlossaryMatch[] {
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

/**
 * Taiwan vocabulary in a text and its Mainland words: script.ts mainlandPhrases, read off the
 * question's walk. The same phrases in the same order (start ascending, then longest first, each
 * Taiwan word once): a lowercased text keeps every unit's position (no code point's lowercase is
 * shorter, so equal lengths mean every one kept its length), and a hit is checked against the
 * text itself. A text whose lowercase is longer (İ) is read by mainlandPhrases.
 */
export function taiwanPhrasesOf(scan: QuestionScan, text: string): RegionalPhrase[] {
  if (!scan.regional || !HAN.test(text)) return mainlandPhrases(text);
  const { regional, lower } = walkOver(scan, text);
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

/** Whether a text's own Latin words are its lowercase's: every unit kept its place and none became a Latin letter (only the Kelvin sign does: K → k). */
export function latinAligned(text: string, lower: string): boolean {
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
