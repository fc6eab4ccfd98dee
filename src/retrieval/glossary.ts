import glossaryData from "./glossary.json" with { type: "json" };
import glossaryEntriesOfPhraseData from "./learnerPhraseGlossaryEntries.json" with { type: "json" };
import writtenScanData from "./questionScan.json" with { type: "json" };
import {
  findEnglishLearnerPhrases,
  findGappedHanLearnerPhrases,
  hanLearnerPhrases,
  splitPhraseFirsts,
  type LatinWords,
  type SplitStarts,
} from "./learnerPhrases.js";
import { findLooseLearnerPhrases, loosePairs, type HeldPairs } from "./looseLearnerPhrases.js";
import { fnv1a } from "../text/fnv1a.js";
import { questionMemo } from "../text/questionMemo.js";
import { loadTaiwanPhrases, type RegionalPhrase } from "../text/script.js";
import {
  compileScan,
  latinAligned,
  readWrittenScan,
  scanOf,
  taiwanPhrasesOf,
  walk,
  walkOver,
  writeScan,
  type QuestionScan,
  type ScanVocabulary,
  type TermIndexEntry,
  type Walked,
  type WrittenScan,
} from "./questionScan.js";

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

export const GLOSSARY: readonly GlossaryEntry[] = (glossaryData.entries as RawEntry[]).map((raw) =>
  Object.freeze({
    en: Object.freeze([...raw.en]),
    zh: Object.freeze([...raw.zh]),
    related: Object.freeze([...(raw.related ?? [])]),
    ...(raw.englishOnlyExpands ? { englishOnlyExpands: true } : {}),
    ...(raw.person ? { person: true } : {}),
  }),
);

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

function withLearnerPhrases(glossary: ReadonlyMap<string, readonly GlossaryEntry[]>): Map<string, readonly GlossaryEntry[]> {
  const byKey = new Map(glossary);
  for (const { entry, phrase } of hanLearnerPhrases()) {
    const key = phrase.toLowerCase();
    // A glossary term keeps the glossary's meaning: the glossary is the curated vocabulary.
    if (glossary.has(key)) continue;
    // A longer everyday phrase shadows the glossary terms inside it ("压缩模型" over "压缩"):
    // it stands for their concepts too, so their expansions are not lost.
    const entries = byKey.get(key) ?? glossaryEntriesOfPhrase(phrase);
    byKey.set(key, entries.includes(entry) ? entries : [...entries, entry]);
  }
  return byKey;
}

/** The glossary's text's key: learnerPhraseGlossaryEntries.json is read only for the glossary it was written from. */
const GLOSSARY_TEXT_KEY = `${fnv1a(JSON.stringify(glossaryData.entries)).toString(16)}:${glossaryData.entries.length}`;

/**
 * The glossary entries each learners' Chinese phrase holds (by number in GLOSSARY, in the order
 * the scan finds them), read from learnerPhraseGlossaryEntries.json (written ahead of time by
 * `scripts/build-learner-phrase-glossary-entries.ts`): scanning the ~2,900 phrases with a
 * glossary-only scan took ~20 ms of every server's start. An edited glossary (another key) or a
 * phrase the file lacks is scanned here as before; tests/retrieval/glossary.test.ts fails while
 * the file is stale.
 */
const WRITTEN_GLOSSARY_ENTRIES: ReadonlyMap<string, readonly number[]> =
  glossaryEntriesOfPhraseData.glossary === GLOSSARY_TEXT_KEY ? new Map(Object.entries(glossaryEntriesOfPhraseData.phrases)) : new Map();

function glossaryEntriesOfPhrase(phrase: string): GlossaryEntry[] {
  const written = WRITTEN_GLOSSARY_ENTRIES.get(phrase);
  return written ? written.map((index) => GLOSSARY[index]!) : scannedGlossaryEntries(phrase);
}

let glossaryOnlyScan: QuestionScan | undefined;

/** The glossary entries a phrase holds, as a glossary-only scan finds them. */
function scannedGlossaryEntries(phrase: string): GlossaryEntry[] {
  glossaryOnlyScan ??= compileScan({ glossary: GLOSSARY_KEYS });
  return glossaryScanOf(phrase, walk(glossaryOnlyScan, phrase.toLowerCase())).flatMap((m) => m.entries);
}

/** Each learners' Chinese phrase's glossary entries by number, scanned: what learnerPhraseGlossaryEntries.json holds. */
export function learnerPhraseGlossaryEntriesTable(): { glossary: string; phrases: Record<string, number[]> } {
  const phrases: Record<string, number[]> = {};
  for (const { phrase } of hanLearnerPhrases()) phrases[phrase] ??= scannedGlossaryEntries(phrase).map((entry) => GLOSSARY.indexOf(entry));
  return { glossary: GLOSSARY_TEXT_KEY, phrases };
}

/** The glossary's terms and the learners' Chinese phrases: what a question is scanned with. */
const TERM_KEYS = sortedTerms(withLearnerPhrases(GLOSSARY_TERMS));

function sortedTerms(byKey: ReadonlyMap<string, readonly GlossaryEntry[]>): TermIndexEntry[] {
  return [...byKey.entries()]
    .map(([key, entries]) => ({ key, entries: [...new Set(entries)] }))
    .sort((a, b) => b.key.length - a.key.length);
}

let questionScan: QuestionScan | undefined;

/** What a question is scanned for: the glossary, its terms with the learners' phrases, the loose phrases' pairs, Taiwan phrases, the split phrases' first characters. */
function fullVocabulary(): ScanVocabulary {
  return {
    glossary: GLOSSARY_KEYS,
    terms: TERM_KEYS,
    pairs: loosePairs(),
    taiwan: loadTaiwanPhrases().byPhrase,
    splitFirsts: splitPhraseFirsts(),
  };
}

/**
 * The scan, made on first use: read from questionScan.json (written ahead of time by
 * `scripts/build-question-scan.ts`; compiling it took ~50–150 ms of every server's start), or
 * compiled when the vocabulary is not the one the file was written from (an edited glossary or
 * learners' phrase; tests/retrieval/questionScanFile.test.ts fails while the file is stale). The
 * roadmap profiles read their titles with it, so a server makes it while it warms up.
 */
function fullScan(): QuestionScan {
  if (questionScan) return questionScan;
  const vocabulary = fullVocabulary();
  return (questionScan = readWrittenScan(writtenScanData satisfies WrittenScan, vocabulary) ?? compileScan(vocabulary));
}

/** The full scan compiled from the vocabulary and written as questionScan.json holds it. */
export function questionScanTable(): WrittenScan {
  const vocabulary = fullVocabulary();
  return writeScan(compileScan(vocabulary), vocabulary);
}

function glossaryScanOf(text: string, walked: Walked): GlossaryMatch[] {
  return scanOf(text, walked, "glossary");
}

/** The walk over a text with the full scan, the last one's when it was over the same text. */
function walked(text: string): Walked {
  return walkOver(fullScan(), text);
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

/** Taiwan vocabulary in a text and its Mainland words, off the question's walk (questionScan.ts taiwanPhrasesOf). */
export function findMainlandPhrases(text: string): RegionalPhrase[] {
  return taiwanPhrasesOf(fullScan(), text);
}

/**
 * Matches of recent texts: one request reads the same question's terms in query analysis,
 * expansion, the dictionary, the evidence score and the name check (questionMemo.ts).
 * By the text itself, one map per kind of scan: a question's string keeps its hash, where a key
 * made by prefixing it was a new string to hash at every call (~8 a search).
 */
const recentMatches = questionMemo((text: string): readonly GlossaryMatch[] => Object.freeze(withEnglishPhrases(text)));
const recentGlossaryMatches = questionMemo((text: string): readonly GlossaryMatch[] => Object.freeze(glossaryScanOf(text, walked(text))));

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

/** All names of an entry's concept, both languages, then its related terms. */
export function termsOf(entry: GlossaryEntry, options: { related?: boolean } = {}): string[] {
  return [...entry.en, ...entry.zh, ...(options.related === false ? [] : entry.related)];
}
