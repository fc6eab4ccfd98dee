import { createRequire } from "node:module";
import type * as PinyinPro from "pinyin-pro";

/**
 * How Chinese words sound, toneless, for the homophone typos (retrieval/typoCorrection.ts): read
 * here, under everything, so ingest can write a corpus's sounds into its index (lexicon.json) and
 * a server does not read them again at every start.
 *
 * pinyin-pro's CommonJS build: the same release as its ES build, bundled into one file, where the
 * ES build is 29 modules that took Node 20 ~15–20 ms more to load at every start.
 */
let pinyinPro: typeof PinyinPro | undefined;
/**
 * pinyin-pro, required on the first call, not at start: loading its 324 KB of dictionary literals
 * and building them on its first call cost a start ~6–8 % (~100 ms of wall, session 31), which a
 * start to ready need not wait for. The first question that reads a sound pays it instead (every
 * Chinese question does, for its homophone typos): ~+70–115 ms, once per process.
 */
const pinyin = ((...args: Parameters<typeof PinyinPro.pinyin>) =>
  (pinyinPro ??= createRequire(import.meta.url)("pinyin-pro") as typeof PinyinPro).pinyin(...args)) as typeof PinyinPro.pinyin;

/** The words a homophone typo is matched against: 2–4 Han characters. */
export const SOUNDED_WORD = /^\p{Script=Han}{2,4}$/u;

/** Each character's toneless syllable, read in context (one pinyin call for the whole text). */
export function syllablesOf(text: string): string[] {
  return pinyin(text, { toneType: "none", type: "array" });
}

/** Readings per character: a corpus vocabulary repeats a few thousand characters. */
const charReadings = new Map<string, string[]>();

/** Max readings kept per corpus word: polyphones multiply them (调 is tiao, diao, zhou). */
const MAX_READINGS = 16;

/**
 * Every toneless reading of a corpus word: its reading in context, then each character's other
 * readings, since a learner typing by sound may use either (微调 wei-tiao, typed as 微掉 wei-diao).
 */
export function soundsOf(word: string): string[] {
  let readings = [""];
  for (const char of word) {
    let options = charReadings.get(char);
    if (!options) {
      options = pinyin(char, { toneType: "none", type: "array", multiple: true });
      charReadings.set(char, options);
    }
    readings = readings.flatMap((r) => options.map((o) => r + o)).slice(0, MAX_READINGS);
  }
  return [syllablesOf(word).join(""), ...readings];
}

/**
 * soundsOf of each SOUNDED_WORD of a corpus's vocabulary, as ingest writes it (lexicon.json): the
 * typo corrector's ~1,000 pinyin readings at every start (~30–50 ms) become a lookup.
 */
export function soundsTable(words: Iterable<string>): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (const word of words) if (SOUNDED_WORD.test(word)) table[word] = soundsOf(word);
  return table;
}
