import { Jieba } from "@node-rs/jieba";

/**
 * Which of the field's words jieba's dictionary lacks, and at what frequency each is added to it
 * (fieldWords.ts loads them; scripts/build-field-words.ts writes the table). Without them jieba
 * cuts 多模态, 算力, 向量数据库 into pieces that also match other passages, and may cut a learner's
 * term one way in the question and another in the document. The words come from maintained data,
 * never from a question:
 * - every Chinese term of the field glossary that the dictionary lacks;
 * - a CC-CEDICT headword the dictionary lacks that the corpus uses at least MIN_CORPUS_USES times
 *   as a word: jieba's own cut has a boundary at both of its ends there (so 和数 of 和数据 is no
 *   use), and none of its pieces is a function word (中的, 到了).
 */
export interface FieldWordSources {
  /** jieba's dictionary, "word freq tag" lines. */
  dictionary: string;
  /** The glossary's Chinese terms, Simplified. */
  glossaryTerms: Iterable<string>;
  /** CC-CEDICT's Simplified headwords. */
  cedictHeadwords: Iterable<string>;
  /** The corpus's documents, Simplified. */
  corpusTexts: readonly string[];
  isStopWord: (word: string) => boolean;
}

/** A word and the frequency that makes jieba cut it whole where it stands alone. */
export type FieldWord = readonly [word: string, frequency: number];

export const MIN_CORPUS_USES = 2;
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

export function selectFieldWords(sources: FieldWordSources): FieldWord[] {
  const frequencies = dictionaryFrequencies(sources.dictionary);
  const base = Jieba.withDict(Buffer.from(sources.dictionary));
  const chosen = new Set<string>();
  for (const term of sources.glossaryTerms) if (HAN_WORD.test(term) && !frequencies.has(term)) chosen.add(term);
  const boundaries = sources.corpusTexts.map((text) => cutBoundaries(base, text));
  for (const word of sources.cedictHeadwords) {
    if (chosen.has(word) || !HAN_WORD.test(word) || frequencies.has(word)) continue;
    if (base.cut(word, false).some(sources.isStopWord)) continue;
    if (usesAsWord(word, sources.corpusTexts, boundaries) >= MIN_CORPUS_USES) chosen.add(word);
  }
  const total = [...frequencies.values()].reduce((sum, f) => sum + f, 0);
  return [...chosen].sort().map((word) => [word, wholeWordFrequency(base, frequencies, total, word)] as const);
}

function dictionaryFrequencies(dictionary: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of dictionary.split("\n")) {
    const [word, frequency] = line.split(" ");
    if (word && frequency) out.set(word, Number(frequency));
  }
  return out;
}

/** Offsets (in UTF-16 units) where jieba's precise cut of the text starts or ends a word. */
function cutBoundaries(base: Jieba, text: string): Set<number> {
  const out = new Set<number>([0]);
  let at = 0;
  for (const word of base.cut(text, true)) out.add((at += word.length));
  return out;
}

function usesAsWord(word: string, texts: readonly string[], boundaries: readonly Set<number>[]): number {
  let uses = 0;
  texts.forEach((text, i) => {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (boundaries[i]!.has(at) && boundaries[i]!.has(at + word.length)) uses++;
    }
  });
  return uses;
}

/**
 * jieba's suggested frequency (Python jieba's suggest_freq): one more than the probability of
 * the dictionary's own cut of the word, in counts, so the word wins over its pieces and over
 * nothing else.
 */
function wholeWordFrequency(base: Jieba, frequencies: ReadonlyMap<string, number>, total: number, word: string): number {
  let probability = 1;
  for (const piece of base.cut(word, false)) probability *= (frequencies.get(piece) ?? 1) / total;
  return Math.floor(probability * total) + 1;
}
