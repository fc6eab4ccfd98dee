import { isEverydayWord } from "../text/everydayWords.js";
import { scanBilingualIdf, type GeneralIdf } from "../text/generalIdf.js";
import { chineseNouns, tokenizeForSearch } from "../text/tokenize.js";
import type { TermGroup } from "./abstention.js";
import type { FieldDictionary } from "./fieldDictionary.js";
import { GLOSSARY } from "./glossary.js";
import { associatedTerms } from "./learnedAssociations.js";
import { LEARNER_ENTRIES } from "./learnerPhrases.js";
import { fieldVocabulary } from "./offFieldSubject.js";
import type { TermStatistics } from "./termStatistics.js";

/**
 * Whether a question is about the field at all, in either language: "Any tips for sleeping better
 * during exam season?", "報稅的時候要準備哪些文件？", "我下个月要考雅思，听力和阅读应该先练哪个？".
 * offFieldSubject.ts needs two Chinese nouns of a subject of their own; these questions have one
 * (雅思, 报税) or are in English, where there is no tagger. What they share: most of their words
 * that are not everyday words are known neither to the corpus nor to the field's vocabularies,
 * one of them is a word of its own subject, and no word the top passages hold is one the corpus
 * uses markedly more than everyday language does.
 *
 * A content word (term group) is
 *   - everyday, and left out, when the general language uses it much: jieba's idf table for
 *     Chinese (everydayWords.ts), SUBTLEX-US spoken English put on the same scale for English
 *     (generalIdf.ts scanBilingualIdf), under EVERYDAY_ENGLISH_IDF;
 *   - known to the field when the corpus uses it (or its glossary names, or, for an English word,
 *     the corpus words CC-CEDICT translates it by) at least e^KNOWN_KEYNESS times its general
 *     rate, when it is a glossary term, or when a vocabulary of the field names it (the glossary's
 *     and learners' names, the learners' phrases, the concepts' units, the learned associations,
 *     the CC-CEDICT entries the corpus uses);
 *   - off the field when no chunk holds it, nothing above knows it, and it is a Chinese noun
 *     (jieba's tagger) or an English word rarer than everyday English.
 * Learners' everyday wording ("models that can look at pictures", "run it on our own machines")
 * is made of words the vocabularies know or everyday words, so its share stays high. The
 * thresholds were cross-validated on tune (tests/eval/README.md, session 18, q18e): the rule
 * did not pay held out and was reverted; this commit keeps it for the record.
 */

/** Keyness from which a corpus word is the field's own (ln of how many times its general rate). */
export const KNOWN_KEYNESS = 3;
/** Keyness from which a word the top passages hold is a field word found. */
export const FOUND_KEYNESS = 3.5;
/** English words commoner than this (general idf on jieba's scale: about the 1,500 commonest) say how a question is asked. */
export const EVERYDAY_ENGLISH_IDF = 6;
/** Largest share of the question's content words the field knows at which it may be outside it. */
export const MAX_KNOWN_SHARE = 2 / 3;

export interface FieldShare {
  /** Share of the question's content words (everyday words aside) the corpus or the field's vocabularies know. */
  known: number;
  /** Its words no chunk and no vocabulary of the field names: Chinese nouns, English words rarer than everyday. */
  offFieldWords: string[];
  /**
   * The keyness of the question's most field-specific word the top passages hold (its own words and
   * its glossary terms' names, not CC-CEDICT's translations, which find 提示 for "tips"); -Infinity if none.
   */
  foundKeyness: number;
  /** The keyness of the question's most field-specific word the corpus holds, found or not; -Infinity if none. */
  fieldKeyness: number;
}

/** Whether a question is outside the field: one off-field word, few known words, no field word found. */
export function outsideField(share: FieldShare | undefined): boolean {
  return share !== undefined && share.offFieldWords.length > 0 && share.known <= MAX_KNOWN_SHARE && share.foundKeyness < FOUND_KEYNESS;
}

/**
 * The field share of a question's term groups (`judgedQuery` is the text they were read from),
 * against the top passages' tokens; undefined when it has no content word that is not everyday.
 */
export function fieldShare(
  judgedQuery: string,
  groups: readonly TermGroup[],
  top: readonly ReadonlySet<string>[],
  statistics: TermStatistics,
  dictionary: FieldDictionary,
): FieldShare | undefined {
  const general = bilingualIdfFor(statistics);
  const keyness = (token: string) => Math.log(statistics.frequency(token) / statistics.chunkCount) + general.idf(token);
  const inCorpus = (token: string) => statistics.frequency(token) > 0 && !NUMBER.test(token);
  const translations = (token: string) => (LATIN_WORD.test(token) ? dictionary.englishCandidates([token], TRANSLATIONS) : []);
  const vocabulary = fieldVocabulary();
  const named = (token: string) =>
    vocabulary.has(token) || englishFieldWords().has(token) || associatedTerms([token], (t) => statistics.frequency(t)).length > 0;
  let counted = 0;
  let known = 0;
  let foundKeyness = -Infinity;
  let fieldKeyness = -Infinity;
  const offFieldWords: string[] = [];
  let nouns: ReadonlySet<string> | undefined;
  for (const group of groups) {
    const own = ownTokens(group);
    const first = own[0]!;
    if (own.every((token) => NUMBER.test(token))) continue;
    const everyday = HAN.test(first) ? isEverydayWord(first) : general.idf(first) < EVERYDAY_ENGLISH_IDF;
    // An everyday Chinese word is how the question is asked, never a field word found (准备 in a tax
    // question); an English one the corpus uses far above its general rate ("work") may be.
    if (!(group.tokens.length === 1 && HAN.test(first) && everyday))
      for (const token of group.tokens) {
        if (!inCorpus(token)) continue;
        fieldKeyness = Math.max(fieldKeyness, keyness(token));
        if (top.some((tokens) => tokens.has(token))) foundKeyness = Math.max(foundKeyness, keyness(token));
      }
    if (everyday) continue;
    counted++;
    const isKnown =
      group.tokens.length > 1 ||
      group.tokens.some(
        (token) =>
          (inCorpus(token) && keyness(token) >= KNOWN_KEYNESS) || translations(token).some((word) => keyness(word) >= KNOWN_KEYNESS),
      ) ||
      own.some((token) => named(token) || translations(token).length > 0);
    if (isKnown) {
      known++;
      continue;
    }
    if (group.tokens.length > 1 || statistics.frequency(first) > 0 || NUMBER.test(first)) continue;
    if (HAN.test(first)) {
      nouns ??= new Set(chineseNouns(judgedQuery));
      if (nouns.has(first)) offFieldWords.push(first);
    } else if (first.length >= 3) offFieldWords.push(first);
  }
  if (counted === 0) return undefined;
  return { known: known / counted, offFieldWords, foundKeyness, fieldKeyness };
}

/** CC-CEDICT translations looked at per English word (the four rarest in the corpus). */
const TRANSLATIONS = 4;
const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /^[a-z]+$/;
const NUMBER = /^[\d.]+$/;

/** The question's own tokens of a group (a glossary term also carries its other names), in the group's order. */
function ownTokens(group: TermGroup): string[] {
  const label = group.label.toLowerCase();
  const own = group.tokens.filter((token) => label.includes(token));
  return own.length > 0 ? own : group.tokens.slice(0, 1);
}

let englishFieldWordsValue: ReadonlySet<string> | undefined;

/** The English names of the glossary's and the learners' layer's entries and the learners' English phrases, whole and tokenized. */
function englishFieldWords(): ReadonlySet<string> {
  if (englishFieldWordsValue) return englishFieldWordsValue;
  const words = new Set<string>();
  const names = [
    ...[...GLOSSARY, ...LEARNER_ENTRIES.map((learner) => learner.entry)].flatMap((entry) => entry.en),
    ...LEARNER_ENTRIES.flatMap((learner) => learner.phrases.filter((phrase) => !HAN.test(phrase))),
  ];
  for (const name of names) {
    words.add(name.toLowerCase());
    for (const token of tokenizeForSearch(name)) words.add(token);
  }
  return (englishFieldWordsValue = words);
}

/** General-language idf of an index's words in both languages, scanned once per index on first use. */
const bilingualIdfByIndex = new WeakMap<TermStatistics, GeneralIdf>();

function bilingualIdfFor(statistics: TermStatistics): GeneralIdf {
  let general = bilingualIdfByIndex.get(statistics);
  if (!general)
    bilingualIdfByIndex.set(statistics, (general = scanBilingualIdf((word) => statistics.frequency(word) > 0, EVERYDAY_ENGLISH_IDF)));
  return general;
}
