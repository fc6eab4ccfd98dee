import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * Everyday Chinese words: those jieba's general-language idf table (`@node-rs/jieba/idf.txt`,
 * the same package that segments) gives an idf under EVERYDAY_IDF, about 400 words such as 公司,
 * 准备, 比较, 工作. A question that shares only such words with the documents shares no topic
 * with them ("公司年终奖怎么算" finds 公司 and nothing of its subject).
 *
 * The table is read on first use (about 50 ms; 6 MB) and kept: only the words under the cut.
 */
export const EVERYDAY_IDF = 5.0;

let everyday: ReadonlySet<string> | undefined;

export function isEverydayWord(word: string): boolean {
  everyday ??= load();
  return everyday.has(word);
}

function load(): ReadonlySet<string> {
  const file = createRequire(import.meta.url).resolve("@node-rs/jieba/idf.txt");
  const text = readFileSync(file, "utf8");
  const words = new Set<string>();
  // "word idf" per line; a plain scan, not split(): 270 000 lines, of which ~400 are kept.
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const space = text.lastIndexOf(" ", end);
    if (space > start && Number(text.slice(space + 1, end)) < EVERYDAY_IDF) words.add(text.slice(start, space));
    start = end + 1;
  }
  return words;
}
