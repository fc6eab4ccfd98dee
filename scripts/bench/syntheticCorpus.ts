import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { loadCorpus, PROMO_MARKERS } from "../../src/corpus/index.js";

/**
 * A synthetic corpus of any size, generated deterministically (seeded PRNG) from the bundled
 * documents' vocabulary, so anyone can regenerate exactly the corpus the reference was measured
 * on. Each section's body fits in one chunk, so sections ≈ chunks.
 */

export interface Vocabulary {
  words: string[];
  /** Cumulative frequencies, for weighted sampling. */
  cumulative: number[];
}

/** mulberry32: tiny, fast, good enough for workloads; same seed → same sequence everywhere. */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN = /^\p{Script=Han}+$/u;
const LATIN = /^[A-Za-z][A-Za-z0-9+\-.]*[A-Za-z0-9+]$|^[A-Za-z]$/;

/** Word frequencies of the cleaned bundled documents (jieba words, latin words), sorted for determinism. */
export async function buildVocabulary(corpusDir: string): Promise<Vocabulary> {
  const { documents } = await loadCorpus(corpusDir);
  const jieba = Jieba.withDict(dict);
  const counts = new Map<string, number>();
  for (const doc of documents) {
    for (const line of doc.text.split("\n")) {
      if (line.trim() === "" || /https?:\/\//.test(line)) continue;
      for (const word of jieba.cut(line, false)) {
        const w = word.trim();
        if (!(HAN.test(w) || LATIN.test(w))) continue;
        if (PROMO_MARKERS.some((marker) => marker.pattern.test(w))) continue;
        counts.set(w, (counts.get(w) ?? 0) + 1);
      }
    }
  }
  const entries = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const cumulative: number[] = [];
  let total = 0;
  for (const [, count] of entries) cumulative.push((total += count));
  return { words: entries.map(([word]) => word), cumulative };
}

export function sampleWord(vocabulary: Vocabulary, random: () => number): string {
  const total = vocabulary.cumulative[vocabulary.cumulative.length - 1] ?? 0;
  const x = random() * total;
  let lo = 0;
  let hi = vocabulary.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((vocabulary.cumulative[mid] ?? 0) > x) hi = mid;
    else lo = mid + 1;
  }
  return vocabulary.words[lo] ?? "";
}

/** Joins words the way the corpus writes them: no space between Chinese words, spaces around latin ones. */
export function joinWords(words: readonly string[]): string {
  let out = "";
  for (const word of words) {
    const previousLatin = /[A-Za-z0-9+]$/.test(out);
    const latin = /^[A-Za-z]/.test(word);
    out += out !== "" && (previousLatin || latin) ? ` ${word}` : word;
  }
  return out;
}

function sentence(vocabulary: Vocabulary, random: () => number): { text: string; units: number } {
  const length = 8 + Math.floor(random() * 13);
  const words = Array.from({ length }, () => sampleWord(vocabulary, random));
  const units = words.reduce((n, w) => n + (HAN.test(w) ? w.length : 1), 0);
  return { text: `${joinWords(words)}。`, units };
}

export interface SyntheticCorpusOptions {
  /** Sections to write; with one chunk per section this is the target chunk count. */
  sections: number;
  seed?: number;
  sectionsPerFile?: number;
  /** Body size per section in chunker units (CJK characters + latin words); under the 350-unit chunk size. */
  unitsPerSection?: number;
}

/** Writes `<dir>/synthetic/NNNNN.md` files; returns the number of files. Streams file by file to keep memory flat. */
export async function writeSyntheticCorpus(dir: string, vocabulary: Vocabulary, options: SyntheticCorpusOptions): Promise<number> {
  const random = createPrng(options.seed ?? 42);
  const perFile = options.sectionsPerFile ?? 500;
  const unitsPerSection = options.unitsPerSection ?? 200;
  const out = path.join(dir, "synthetic");
  await mkdir(out, { recursive: true });
  let written = 0;
  let file = 0;
  while (written < options.sections) {
    const count = Math.min(perFile, options.sections - written);
    const lines = [`# 合成学习路线 ${file + 1}`, ""];
    for (let s = 0; s < count; s++) {
      const heading = joinWords(Array.from({ length: 2 + Math.floor(random() * 3) }, () => sampleWord(vocabulary, random)));
      lines.push(`## ${written + s + 1}. ${heading}`, "");
      let units = 0;
      const body: string[] = [];
      while (units < unitsPerSection - 20) {
        const next = sentence(vocabulary, random);
        body.push(next.text);
        units += next.units;
      }
      lines.push(body.join(""), "");
    }
    await writeFile(path.join(out, `${String(file + 1).padStart(5, "0")}.md`), lines.join("\n"));
    written += count;
    file++;
  }
  return file;
}

/** Short keyword queries drawn from the same vocabulary (the kind a search box gets). */
export function syntheticQueries(vocabulary: Vocabulary, count: number, seed = 7): string[] {
  const random = createPrng(seed);
  return Array.from({ length: count }, () =>
    joinWords(Array.from({ length: 2 + Math.floor(random() * 4) }, () => sampleWord(vocabulary, random))),
  );
}
