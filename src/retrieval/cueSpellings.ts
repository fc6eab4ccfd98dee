import { NEXT_CUES, PREVIOUS_CUES } from "../text/questionCues.js";
import { questionMemo } from "../text/questionMemo.js";
import { recentlyComputed } from "../text/recentlyComputed.js";
import { editDistance } from "./typoCorrection.js";

/**
 * "what comes befor frontier research?", "the stage previus to RAG": an English word one edit from
 * a word a before/after question turns on (before, after, previous, prerequisite …), and itself no
 * English word, is that word misspelt. The typo repair reaches only the corpus's words, which the
 * sequence cues are not; read with the index's English vocabulary (CC-CEDICT's, from its lexicon)
 * so a real word near a cue stays as it is. Cues of six letters or more only: a shorter one is one
 * edit from too many words ("fater" is as likely "faster" as "after").
 */
const CUE_WORDS: readonly string[] = [...new Set([...NEXT_CUES.en, ...PREVIOUS_CUES.en])].filter((cue) => /^[a-z]{6,}$/.test(cue));

const LATIN_WORD = /[A-Za-z]{5,}/g;

/** The question with each misspelt cue word written as the cue. */
export function withCueSpellings(question: string, isEnglishWord: (word: string) => boolean): string {
  const near = nearCues(question);
  if (near.size === 0) return question;
  return question.replace(LATIN_WORD, (word) => {
    const lower = word.toLowerCase();
    const cue = near.get(lower);
    return cue !== undefined && !isEnglishWord(lower) ? cue : word;
  });
}

/**
 * The question's words one edit from exactly one cue (and no cue themselves), with that cue:
 * remembered per question, since the search form is read several times a request and most
 * questions hold none.
 */
const nearCues = questionMemo((question: string): ReadonlyMap<string, string> => {
  const near = new Map<string, string>();
  for (const [word] of question.matchAll(LATIN_WORD)) {
    const lower = word.toLowerCase();
    const cue = cueNear(lower);
    if (cue !== null) near.set(lower, cue);
  }
  return near;
});

/**
 * The one cue a lowercased word (no cue itself) is an edit from, else null; remembered per word:
 * a word's cue depends on it alone, and questions repeat their words (should, learn, before), each
 * of which was measured against every cue of a near length on every new question.
 */
const cueNear = recentlyComputed(4096, (lower: string): string | null => {
  if (CUE_WORDS.includes(lower)) return null;
  const cues = CUE_WORDS.filter((cue) => Math.abs(cue.length - lower.length) <= 1 && editDistance(lower, cue, 1) <= 1);
  return cues.length === 1 ? cues[0]! : null;
});
