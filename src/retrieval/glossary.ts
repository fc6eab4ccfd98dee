import glossaryData from "./glossary.json" with { type: "json" };
import { findEnglishLearnerPhrases, findGappedHanLearnerPhrases, hanLearnerPhrases } from "./learnerPhrases.js";
import { findLooseLearnerPhrases } from "./looseLearnerPhrases.js";
import { recentlyComputed } from "../text/recentlyComputed.js";

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
const WORD_CHAR = /[a-z0-9]/i;
/** One more than the largest UTF-16 unit (the term trie's edge keys, lookupOf). */
const UNITS = 0x10000;

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
const GLOSSARY_LOOKUP = lookupOf(sortedTerms(GLOSSARY_TERMS));

/** The glossary's terms and the learners' Chinese phrases: what a question is scanned with. */
const TERM_LOOKUP = lookupOf(sortedTerms(withLearnerPhrases(GLOSSARY_TERMS)));

function withLearnerPhrases(glossary: ReadonlyMap<string, readonly GlossaryEntry[]>): Map<string, readonly GlossaryEntry[]> {
  const byKey = new Map(glossary);
  for (const { entry, phrase } of hanLearnerPhrases()) {
    const key = phrase.toLowerCase();
    // A glossary term keeps the glossary's meaning: the glossary is the curated vocabulary.
    if (glossary.has(key)) continue;
    // A longer everyday phrase shadows the glossary terms inside it ("压缩模型" over "压缩"):
    // it stands for their concepts too, so their expansions are not lost.
    const entries = byKey.get(key) ?? scan(phrase, GLOSSARY_LOOKUP).flatMap((m) => m.entries);
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
 * Terms as a trie over UTF-16 units (keys are compared by unit, as `startsWith` does): a scan
 * walks from a position only as far as some term continues, one lookup per unit, and meets
 * every term starting there, shortest first. (Grouping terms by their first two units still read
 * one substring per term length behind a group, each hashed for its lookup, at every position:
 * the learners' phrases put terms of a dozen lengths behind 模型 or 学习.)
 */
interface TermLookup {
  /** Edges, one map for the whole trie: node × UNITS + unit → child node. Node 0 is the root. */
  edges: Map<number, number>;
  /** The term ending at each node (keys are distinct: at most one). */
  terms: (TermIndexEntry | undefined)[];
}

function lookupOf(terms: readonly TermIndexEntry[]): TermLookup {
  const edges = new Map<number, number>();
  const ends: (TermIndexEntry | undefined)[] = [undefined];
  for (const term of terms) {
    if (term.key.length === 0) continue;
    let node = 0;
    for (let i = 0; i < term.key.length; i++) {
      const edge = node * UNITS + term.key.charCodeAt(i);
      let child = edges.get(edge);
      if (child === undefined) {
        child = ends.length;
        ends.push(undefined);
        edges.set(edge, child);
      }
      node = child;
    }
    ends[node] ??= term;
  }
  return { edges, terms: ends };
}

/** The longest term that starts at `position` on word boundaries. */
function longestAt(lower: string, position: number, lookup: TermLookup): TermIndexEntry | undefined {
  let found: TermIndexEntry | undefined;
  let node = 0;
  for (let i = position; i < lower.length; i++) {
    const child = lookup.edges.get(node * UNITS + lower.charCodeAt(i));
    if (child === undefined) break;
    node = child;
    const term = lookup.terms[node];
    if (term && onWordBoundaries(lower, position, term.key)) found = term;
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
  Object.freeze(scan(text, GLOSSARY_LOOKUP)),
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
  let matches = scan(text, TERM_LOOKUP);
  // English learner phrases match on stems (learnerPhrases.ts). One that spans whole terms
  // ("AI newsletter" over "AI") replaces them and keeps their concepts, as a longer Chinese
  // phrase does; one that cuts into a term is left out.
  for (const phrase of [...findEnglishLearnerPhrases(text), ...findGappedHanLearnerPhrases(text), ...findLooseLearnerPhrases(text)]) {
    const overlapping = matches.filter((m) => m.start < phrase.end && phrase.start < m.end);
    if (overlapping.some((m) => m.start < phrase.start || m.end > phrase.end)) continue;
    // A glossary term keeps the glossary's meaning ("deep learning" is not its learners' phrase too).
    if (overlapping.some((m) => m.start === phrase.start && m.end === phrase.end)) continue;
    const entries = [...new Set([...overlapping.flatMap((m) => m.entries), ...phrase.entries])];
    matches = [...matches.filter((m) => !overlapping.includes(m)), { ...phrase, entries }].sort((a, b) => a.start - b.start);
  }
  return matches;
}

function scan(text: string, lookup: TermLookup): GlossaryMatch[] {
  const lower = text.toLowerCase();
  const matches: GlossaryMatch[] = [];
  let position = 0;
  while (position < lower.length) {
    // Longest first, on word boundaries.
    const found = longestAt(lower, position, lookup);
    if (found) {
      const end = position + found.key.length;
      matches.push({ surface: text.slice(position, end), start: position, end, entries: found.entries });
      position = end;
    } else {
      position++;
    }
  }
  return matches;
}

function onWordBoundaries(text: string, start: number, key: string): boolean {
  const before = text[start - 1];
  const after = text[start + key.length];
  if (WORD_CHAR.test(key[0] ?? "") && before !== undefined && WORD_CHAR.test(before)) return false;
  if (WORD_CHAR.test(key[key.length - 1] ?? "") && after !== undefined && WORD_CHAR.test(after)) return false;
  return true;
}

/** All names of an entry's concept, both languages, then its related terms. */
export function termsOf(entry: GlossaryEntry, options: { related?: boolean } = {}): string[] {
  return [...entry.en, ...entry.zh, ...(options.related === false ? [] : entry.related)];
}
