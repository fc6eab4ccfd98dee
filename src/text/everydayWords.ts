import everydayWordList from "./everydayWords.json" with { type: "json" };
import { forEachGeneralIdf } from "./generalIdf.js";

/**
 * Everyday Chinese words: those jieba's general-language idf table (`@node-rs/jieba/idf.txt`,
 * the same package that segments) gives an idf under EVERYDAY_IDF, about 400 words such as 公司,
 * 准备, 比较, 工作. A question that shares only such words with the documents shares no topic
 * with them ("公司年终奖怎么算" finds 公司 and nothing of its subject).
 *
 * The words are read from everydayWords.json, written ahead of time by
 * `scripts/build-everyday-words.ts`: scanning the 6 MB table took ~60 ms of every server's start.
 * tests/text/everydayWords.test.ts checks the list against the table of the installed package.
 */
export const EVERYDAY_IDF = 5.0;

const EVERYDAY: ReadonlySet<string> = new Set(everydayWordList);

export function isEverydayWord(word: string): boolean {
  return EVERYDAY.has(word);
}

/** The words of jieba's idf table under EVERYDAY_IDF, in the table's order: what everydayWords.json holds. */
export function scanEverydayWords(): string[] {
  const words: string[] = [];
  forEachGeneralIdf((word, idf) => {
    if (idf < EVERYDAY_IDF) words.push(word);
  });
  return words;
}
