import { soundsOf, SOUNDED_WORD, syllablesOf } from "../text/hanSounds.js";
import { recentlyComputed } from "../text/recentlyComputed.js";
import type { TermStatistics } from "./termStatistics.js";

/**
 * Corpus words a misspelt question word probably meant. Only words of this corpus (and, for Latin,
 * the field glossary's English words) are ever candidates, and only for question words the corpus
 * does not contain:
 * - Latin: one edit (two for words of 8+ letters), transpositions included: transfomer →
 *   transformer, pytoch → pytorch, langchian → langchain. A four-letter word (mostly an
 *   acronym: RHLF, LRoA) only by swapping two neighbouring letters, since any other single edit
 *   of four letters reaches too many unrelated words.
 * - Chinese: a homophone typo (same toneless pinyin) that keeps all but one character of a
 *   corpus word: 微掉 → 微调, 向亮 → 向量. Near-form typos without the same sound are not guessed.
 */
/**
 * Latin fixes remembered per corrector (one per index version): learners reuse the same words,
 * and a fix costs a scan of the corpus's Latin vocabulary. Bounded so a stream of junk words
 * cannot grow it without limit; when full it starts over.
 */
const MAX_REMEMBERED_FIXES = 20_000;

/** Capitalized Latin words in a row ("Li Hongyi", "Wu En-da"): where a name in pinyin may be. */
const CAPITALIZED_RUN = /\b[A-Z][a-z]+(?:-[a-z]+)?(?:\s+[A-Z][a-z]+(?:-[a-z]+)?)*\b/gu;

export class TypoCorrector {
  /** Latin corpus words by length, so a lookup reads only the lengths within its edit limit. */
  private readonly latinByLength = new Map<number, { word: string; order: number }[]>();
  /** Three-letter Latin corpus words (GPU, RAG, NLP), apart: only a swap of two letters reaches them. */
  private readonly latinThree: string[] = [];
  /**
   * The field's Latin words the corpus lacks (fieldWords), by length: candidates of a repair only. A
   * word the documents never write is no corpus word for nearCorpusWord: ZeRO stays a name they lack.
   */
  private readonly fieldByLength = new Map<number, { word: string; order: number }[]>();
  private readonly byPinyin = new Map<string, string[]>();
  private readonly latinFixes = new Map<string, string | undefined>();

  /**
   * `sounds`: soundsOf of the vocabulary's Han words as the index carries them (lexicon.json,
   * written at ingest); a word it lacks is read here.
   */
  constructor(
    private readonly statistics: TermStatistics,
    sounds?: ReadonlyMap<string, readonly string[]>,
    /**
     * Latin words of the field's vocabularies the corpus may not hold, five letters or more ("activation"
     * of the glossary's "activation function", which the documents write 激活函数): a misspelling of one
     * is repaired to it, so the glossary reads the learner's term. Ranked after corpus words at the
     * same distance.
     */
    fieldWords: Iterable<string> = [],
  ) {
    let order = 0;
    for (const word of statistics.vocabulary()) {
      if (/^[a-z][a-z0-9]{2}$/.test(word)) this.latinThree.push(word);
      else if (/^[a-z][a-z0-9]{3,}$/.test(word)) {
        const bucket = this.latinByLength.get(word.length) ?? [];
        bucket.push({ word, order: order++ });
        this.latinByLength.set(word.length, bucket);
      } else if (SOUNDED_WORD.test(word)) {
        for (const key of sounds?.get(word) ?? soundsOf(word)) {
          const list = this.byPinyin.get(key) ?? [];
          if (!list.includes(word)) list.push(word);
          this.byPinyin.set(key, list);
        }
      }
    }
    for (const word of new Set(fieldWords))
      if (/^[a-z][a-z0-9]{4,}$/.test(word) && statistics.frequency(word) === 0) {
        const bucket = this.fieldByLength.get(word.length) ?? [];
        bucket.push({ word, order: order++ });
        this.fieldByLength.set(word.length, bucket);
      }
  }

  /**
   * Corrections for the question's tokens and Chinese runs, without repeats. `isWord` (an English
   * vocabulary) keeps real words out, as in repair(): "start" is no typo of the corpus's "star".
   */
  corrections(tokens: readonly string[], hanRuns: readonly string[], isWord?: (word: string) => boolean): string[] {
    const out = new Set<string>();
    for (const token of tokens) {
      if (/^[a-z][a-z0-9]{2,}$/.test(token) && this.statistics.frequency(token) === 0 && !isWord?.(token)) {
        const fix = this.latinFix(token);
        if (fix) out.add(fix);
      }
    }
    for (const run of hanRuns) for (const fix of this.homophoneFixes(run)) out.add(fix);
    return [...out];
  }

  private latinFix(word: string): string | undefined {
    if (this.latinFixes.has(word)) return this.latinFixes.get(word);
    const fix = this.scanLatin(word);
    if (this.latinFixes.size >= MAX_REMEMBERED_FIXES) this.latinFixes.clear();
    this.latinFixes.set(word, fix);
    return fix;
  }

  private scanLatin(word: string): string | undefined {
    if (word.length === 3) return this.latinThree.find((candidate) => isAdjacentSwap(word, candidate));
    if (word.length === 4) return this.latinByLength.get(4)?.find(({ word: candidate }) => isAdjacentSwap(word, candidate))?.word;
    const limit = word.length >= 8 ? 2 : 1;
    let best: { word: string; distance: number; df: number; order: number } | undefined;
    for (let length = word.length - limit; length <= word.length + limit; length++) {
      for (const { word: candidate, order } of this.candidatesOfLength(length)) {
        const distance = editDistance(word, candidate, limit);
        if (distance > limit) continue;
        const df = this.statistics.frequency(candidate);
        // The nearest, then the most frequent, then the first in the vocabulary's order.
        const better =
          !best || distance < best.distance || (distance === best.distance && (df > best.df || (df === best.df && order < best.order)));
        if (better) best = { word: candidate, distance, df, order };
      }
    }
    return best?.word;
  }

  /** The corpus's Latin words of that length, then the field's (order numbers them after every corpus word). */
  private *candidatesOfLength(length: number): Generator<{ word: string; order: number }> {
    yield* this.latinByLength.get(length) ?? [];
    yield* this.fieldByLength.get(length) ?? [];
  }

  /**
   * Whether a Latin word (4+ letters) is one edit from a corpus word, any edit: a word that may be a
   * misspelling of one (vLMM, Lama), too loosely to correct it by, enough not to call it a new name.
   */
  nearCorpusWord(word: string): boolean {
    return word.length >= 4 && /^[a-z][a-z0-9]+$/.test(word) && this.nearWord(word);
  }

  /** Remembered as Latin fixes are: a scan of the corpus's Latin words of three lengths. */
  private readonly nearWord = recentlyComputed(MAX_REMEMBERED_FIXES, (word: string) => this.scanNear(word));

  private scanNear(word: string): boolean {
    for (let length = word.length - 1; length <= word.length + 1; length++)
      for (const { word: candidate } of this.latinByLength.get(length) ?? []) if (editDistance(word, candidate, 1) <= 1) return true;
    return false;
  }

  /**
   * The question with each misspelt word replaced by its correction (a unique one for Chinese
   * windows), so the evidence score judges what the learner meant rather than counting a typo
   * as a word the materials never use.
   */
  repair(
    question: string,
    options: {
      hanRuns?: boolean;
      /** Which corpus words a Han window may be repaired to (all when absent). */
      hanFix?: (word: string) => boolean;
      isWord?: (word: string) => boolean;
    } = {},
  ): string {
    let repaired = question.replace(/[A-Za-z][A-Za-z0-9]{2,}/g, (word) => {
      const lower = word.toLowerCase();
      if (this.statistics.frequency(lower) > 0 || options.isWord?.(lower)) return word;
      return this.latinFix(lower) ?? this.pinyinWord(lower) ?? word;
    });
    for (const run of options.hanRuns !== false ? (repaired.match(/\p{Script=Han}+/gu) ?? []) : []) {
      const byWindow = new Map<string, Set<string>>();
      for (const { window, word } of this.homophonePairs(run))
        if (options.hanFix?.(word) ?? true) byWindow.set(window, (byWindow.get(window) ?? new Set()).add(word));
      let fixed = run;
      for (const [window, words] of byWindow) if (words.size === 1) fixed = fixed.replace(window, [...words][0]!);
      if (fixed !== run) repaired = repaired.replace(run, fixed);
    }
    return repaired;
  }

  /**
   * "RAG跟weitiao比": a corpus word written in toneless pinyin, as learners type when the input
   * method is off. Two syllables at least (five letters), and only one corpus word of that sound.
   */
  private pinyinWord(lower: string): string | undefined {
    if (lower.length < 5 || !/^[a-z]+$/.test(lower)) return undefined;
    const words = this.byPinyin.get(lower);
    return words?.length === 1 ? words[0] : undefined;
  }

  /**
   * "Li Hongyi", "Li Mu", "Hongyi Li": a Chinese name written in pinyin, as learners writing English
   * do, and the corpus word that sounds so (李宏毅, 李沐). Capitalized words, one to three, read
   * together in the order written, or two with the family name last; a single word only of five
   * letters or more and no English word (isWord). Only a corpus word of that very sound, and only
   * one: a sound several words share says nothing of which.
   */
  romanizedNames(question: string, isWord?: (word: string) => boolean): { words: string[]; word: string }[] {
    const found: { words: string[]; word: string }[] = [];
    for (const run of question.match(CAPITALIZED_RUN) ?? []) {
      const words = run.split(/[\s-]+/u);
      for (let length = Math.min(3, words.length); length >= 1; length--)
        for (let start = 0; start + length <= words.length; start++) {
          const part = words.slice(start, start + length);
          if (found.some((f) => part.some((w) => f.words.includes(w)))) continue;
          if (length === 1 && (part[0]!.length < 5 || isWord?.(part[0]!.toLowerCase()))) continue;
          const orders = length === 2 ? [part, [part[1]!, part[0]!]] : [part];
          for (const order of orders) {
            const matches = this.byPinyin.get(order.join("").toLowerCase());
            if (matches?.length === 1) {
              found.push({ words: part, word: matches[0]! });
              break;
            }
          }
        }
    }
    return found;
  }

  /** The windows of a Han run that are homophone typos of a corpus word (街段 of 五街段, for 阶段). */
  homophoneWindows(run: string): string[] {
    return this.homophonePairs(run).map((pair) => pair.window);
  }

  private homophoneFixes(run: string): string[] {
    return this.homophonePairs(run).map((pair) => pair.word);
  }

  /** Homophone pairs remembered per Han run, as Latin fixes are: runs such as 之后该学什么 recur question after question. */
  private readonly homophonePairs = recentlyComputed(MAX_REMEMBERED_FIXES, (run: string) => this.findHomophonePairs(run));

  private findHomophonePairs(run: string): { window: string; word: string }[] {
    const fixes: { window: string; word: string }[] = [];
    // One pinyin call per run (it reads characters in context); windows join its syllables.
    const chars = [...run];
    const sounds = syllablesOf(run);
    if (sounds.length !== chars.length) return fixes;
    // Where each character starts in the run: a window of characters is the run's slice between
    // two of these (the same string as joining them), with no array made per window.
    const offsets = [0];
    for (const char of chars) offsets.push(offsets.at(-1)! + char.length);
    for (let length = 2; length <= 4; length++) {
      for (let start = 0; start + length <= chars.length; start++) {
        const window = run.slice(offsets[start], offsets[start + length]);
        if (this.statistics.frequency(window) > 0) continue;
        let sound = sounds[start]!;
        for (let i = start + 1; i < start + length; i++) sound += sounds[i]!;
        for (const word of this.byPinyin.get(sound) ?? []) {
          let differing = 0;
          for (let i = 0; i < length; i++) if (word[i] !== window[i]) differing++;
          if (differing === 1) fixes.push({ window, word });
        }
      }
    }
    return fixes;
  }
}

/** `b` is `a` with two neighbouring letters swapped (rhlf → rlhf). */
export function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const differing = [...a].flatMap((char, i) => (char === b[i] ? [] : [i]));
  if (differing.length !== 2) return false;
  const [first = 0, second = 0] = differing;
  return second === first + 1 && a[first] === b[second] && a[second] === b[first];
}

/** Rows of the edit-distance table, reused: the function runs thousands of times per question. */
let rowBuffers: Int32Array[] = [];

/** Damerau–Levenshtein (optimal string alignment), stopping early once over `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  const cols = b.length + 1;
  if (rowBuffers.length < 3 || rowBuffers[0]!.length < cols) rowBuffers = [0, 1, 2].map(() => new Int32Array(Math.max(cols, 64)));
  // Three rows are enough: the transposition step looks back two rows.
  let beforePrevious = rowBuffers[0]!;
  let previous = rowBuffers[1]!;
  let current = rowBuffers[2]!;
  for (let j = 0; j < cols; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length]!;
}
