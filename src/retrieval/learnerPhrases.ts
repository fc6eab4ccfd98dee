import { stemmer } from "stemmer";
import learnerPhraseData from "./learnerPhrases.json" with { type: "json" };
import type { GlossaryEntry, GlossaryMatch } from "./glossary.js";

/**
 * The learners'-words layer (learnerPhrases.json): everyday phrases ("瞎编", "making stuff up")
 * that stand for a concept the documents name with a term (幻觉). An entry's names are the
 * documents' terms only, so expansion searches those and never the other everyday phrases.
 *
 * Chinese phrases match like glossary terms (glossary.ts puts them in its term table). English
 * phrases match word by word on Porter stems, leaving out articles, so "made stuff up" and "the
 * model makes stuff up" both find "make stuff up": learners inflect, the vocabulary cannot list
 * every form.
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

function stemmedWords(text: string): StemmedWord[] {
  const words: StemmedWord[] = [];
  for (const m of text.matchAll(LATIN_WORD)) {
    const word = m[0].toLowerCase();
    if (ARTICLES.has(word)) continue;
    words.push({ stem: stemmer(word), start: m.index, end: m.index + m[0].length });
  }
  return words;
}

interface StemmedPhrase {
  stems: readonly string[];
  entries: GlossaryEntry[];
}

/** English phrases by their first stem, longest first; one phrase of several entries keeps them all. */
const LATIN_PHRASES: ReadonlyMap<string, readonly StemmedPhrase[]> = (() => {
  const byKey = new Map<string, StemmedPhrase>();
  for (const { entry, phrases } of LEARNER_ENTRIES) {
    for (const phrase of phrases) {
      if (HAN.test(phrase)) continue;
      const stems = stemmedWords(phrase).map((w) => w.stem);
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
export function findEnglishLearnerPhrases(text: string): GlossaryMatch[] {
  if (LATIN_PHRASES.size === 0 || !/[a-z]/i.test(text)) return [];
  const words = stemmedWords(text);
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
