import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * How rare a word is in the general language: its idf in jieba's table (`@node-rs/jieba/idf.txt`,
 * the package that segments), as everydayWords.ts reads the table's commonest words. A word the
 * table lacks gets the table's median idf, the value jieba itself gives such a word.
 */
export interface GeneralIdf {
  idf(word: string): number;
}

/**
 * The table's idf of the words `keep` accepts (a corpus's vocabulary: the table has 270,000 lines,
 * and holding them all would cost a server ~30 MB for the few words it asks about), with the
 * median of the whole table. One plain scan of the 6 MB file, ~60–100 ms: what a server pays on
 * first use when its index carries no GeneralIdfTable (an index written before it, or a store
 * without a lexicon).
 */
export function scanGeneralIdf(keep: (word: string) => boolean): GeneralIdf {
  const { kept, median } = scanKept(keep);
  return generalIdfOf({ median, idf: kept });
}

/**
 * The figures scanGeneralIdf reads for a corpus, as ingest writes them into the index
 * (lexicon.json): the table's idf of each of `words` it holds, and the table's median. They
 * depend only on the corpus and the installed table, so an off-field question is not the one
 * that pays for the scan.
 */
export interface GeneralIdfTable {
  median: number;
  idf: Record<string, number>;
}

/** The GeneralIdfTable of a corpus's words (its term table's vocabulary), from one scan. */
export function generalIdfTable(words: Iterable<string>): GeneralIdfTable {
  const wanted = new Set(words);
  const { kept, median } = scanKept((word) => wanted.has(word));
  return { median, idf: Object.fromEntries(kept) };
}

/**
 * A GeneralIdfTable read back: the same answers as scanGeneralIdf over the same words, for any
 * word of them (a word of the corpus the table lacks gets the median either way).
 */
export function generalIdfOf(table: { median: number; idf: ReadonlyMap<string, number> }): GeneralIdf {
  const { median, idf } = table;
  return { idf: (word) => idf.get(word) ?? median };
}

function scanKept(keep: (word: string) => boolean): { kept: Map<string, number>; median: number } {
  const kept = new Map<string, number>();
  const all: number[] = [];
  forEachGeneralIdf((word, value) => {
    all.push(value);
    if (keep(word)) kept.set(word, value);
  });
  return { kept, median: medianOf(all) };
}

/**
 * Every "word idf" line of jieba's table, in the table's order: a plain scan of the 6 MB file, not
 * split() into 270,000 strings. everydayWords.ts's build reads it too.
 */
export function forEachGeneralIdf(visit: (word: string, idf: number) => void): void {
  const file = createRequire(import.meta.url).resolve("@node-rs/jieba/idf.txt");
  const text = readFileSync(file, "utf8");
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const space = text.lastIndexOf(" ", end);
    if (space > start) {
      const value = Number(text.slice(space + 1, end));
      if (Number.isFinite(value)) visit(text.slice(start, space), value);
    }
    start = end + 1;
  }
}

function medianOf(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[sorted.length >> 1]!;
}
