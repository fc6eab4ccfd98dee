import { tokenizeForSearch, tokenizeJoined } from "../text/tokenize.js";
import type { FieldDictionary } from "./fieldDictionary.js";
import { findGlossaryMatches } from "./glossary.js";
import { isFiller } from "./questionWords.js";

const LATIN_CONTENT = /^[a-z][a-z-]{2,}$/;
/** Candidates kept per English word (1 and 3 measured the same on tune as 2). */
const PER_WORD = 2;

/**
 * Dictionary terms for the English words of a question the field glossary does not cover: their
 * Chinese candidates among the corpus words. (Chinese paraphrases through shared glosses,
 * FieldDictionary.synonyms, lowered tune hit@5 by 1.3 points and are not used; see
 * tests/eval/README.md.)
 */
export function dictionaryExpansions(query: string, dictionary: () => FieldDictionary): string[] {
  const english = englishWordsUncovered(query);
  // Built (CC-CEDICT parsed) only once a question has English words the glossary does not cover.
  return english.length === 0 ? [] : dictionary().englishCandidates(english, PER_WORD);
}

/** A question's English content words (search tokens) that no glossary term of it covers and no filler is. */
export function englishWordsUncovered(query: string): string[] {
  const tokens = tokenizeForSearch(query);
  // Only an English content word finds candidates: a question without one needs no glossary check.
  if (!tokens.some((t) => LATIN_CONTENT.test(t))) return [];
  const glossed = new Set(tokenizeJoined(findGlossaryMatches(query).map((m) => m.surface)));
  return tokens.filter((t) => !glossed.has(t) && !isFiller(t) && LATIN_CONTENT.test(t));
}
