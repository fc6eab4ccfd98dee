/**
 * Picks the few sentences of the retrieved passages that best answer a question, for the
 * offline (extractive) answer: lexical overlap with the question's search tokens and glossary
 * expansions, a prior for better-ranked passages, and no near-duplicates (the roadmaps often
 * repeat a stage's items in a "notes" half).
 */
import type { Chunk } from "../chunking/types.js";
import { recentByChunk } from "../retrieval/recentByChunk.js";
import type { Passage } from "../retrieval/types.js";
import { splitSentences } from "../chunking/splitSentences.js";
import { tokenizeForSearch, tokenizeParts } from "../text/tokenize.js";
import { bitCount, IN_HEADING, numberTerms, PARENT_KNOWN, TermSentenceTable } from "./termSentences.js";

export interface CandidateSentence {
  text: string;
  /** Index of the passage in the retrieval result (citation number - 1). */
  passageIndex: number;
  /** Position of the sentence inside its passage. */
  position: number;
  score: number;
  /** Its character bigrams, when already known (they depend on the sentence alone). */
  bigrams?: ReadonlySet<string>;
  /** The analysed sentence it was scored from, whose bigrams are made once, when it is first compared. */
  from?: { readonly text: string; bigrams?: ReadonlySet<string> };
}

const HAN = /\p{Script=Han}/u;
const BULLET = /^\s*(?:[-*+•·●▪]|\d+[.)、]|[（(]\d+[)）]|>+)\s*/u;
const HEADING = /^\s*#{1,6}\s*/;

/** A line as quoted: without its list or heading markup and bold marks. */
export function lineText(rawLine: string): string {
  return rawLine.replace(HEADING, "").replace(BULLET, "").replace(/\*\*/g, "").trim();
}

/** The chunker's sentence boundaries, on lines stripped of list and heading markup. */
export function splitIntoSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = lineText(rawLine);
    if (line.length === 0) continue;
    for (const sentence of splitSentences(line)) if (sentence.trim().length > 0) sentences.push(sentence.trim());
  }
  return sentences;
}

function tokenWeight(token: string): number {
  if (HAN.test(token)) return Math.min(codePoints(token), 4) / 2; // 1 char 0.5 … 4+ chars 2
  return token.length <= 2 ? 0.8 : 1.5; // latin terms (lora, rag, d2l) are usually the point
}

/** How many characters `text` has, as Array.from counts them (a surrogate pair is one), without making the array. */
export function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++, count++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return count;
}

/**
 * A Han token of three characters or more that brought none of its two-character parts is no
 * dictionary word but characters jieba's HMM glued together ("哪个最吃算力" → 最吃算力, while the
 * passage's "需要算力最多" gives 算力): its parts count, as little as one character does.
 */
function addGluedWordParts(token: string, terms: Map<string, number>): void {
  if (token.length < 3 || !HAN_RUN.test(token)) return;
  const parts: string[] = [];
  for (let i = 0; i + 2 <= token.length; i++) parts.push(token.slice(i, i + 2));
  if (parts.some((part) => terms.has(part))) return;
  for (const part of parts) terms.set(part, GLUED_PART_WEIGHT);
}
const HAN_RUN = /^\p{Script=Han}+$/u;
const GLUED_PART_WEIGHT = 0.5;

/** The distinct search tokens of the question plus its expansions, with weights. */
export function queryTerms(question: string, expansions: string[]): Map<string, number> {
  const terms = new Map<string, number>();
  for (const token of tokenizeForSearch(question)) terms.set(token, tokenWeight(token));
  for (const token of [...terms.keys()]) addGluedWordParts(token, terms);
  // Expansions help recall but are not what the user typed: count them a bit less.
  // tokenizeForSearch(expansions.join(" ")) from each expansion's remembered tokens (retrieval made
  // them): the joined text was new to the tokenizer on every question, and cut again whole; nor
  // is it joined and looked up (an expansion's string, from the glossary, keeps its hash).
  for (const token of tokenizeParts(expansions)) {
    if (!terms.has(token)) terms.set(token, tokenWeight(token) * 0.7);
  }
  return terms;
}

/** A text without space and punctuation: what bigram comparison and the contentless check read. */
const stripped = (text: string) => text.replace(/[\s\p{P}]/gu, "");

function bigrams(text: string): Set<string> {
  const chars = Array.from(stripped(text.toLowerCase()));
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

export function similarity(a: string, b: string): number {
  return bigramSimilarity(a, bigrams(a), b, bigrams(b));
}

/**
 * Similarities of recently compared sentences, by their bigram sets: a chunk's sentences keep
 * theirs (analysedChunk), and the same top sentences are compared question after question.
 * A set stands for its sentence (the text decides only when a set is empty).
 */
const similarities = new WeakMap<ReadonlySet<string>, Map<ReadonlySet<string>, number>>();
/** Similarities kept per sentence; when full it starts over. */
const MAX_COMPARED = 256;

function rememberedSimilarity(a: string, x: ReadonlySet<string>, b: string, y: ReadonlySet<string>): number {
  let known = similarities.get(x);
  if (!known) similarities.set(x, (known = new Map<ReadonlySet<string>, number>()));
  let value = known.get(y);
  if (value === undefined) {
    value = bigramSimilarity(a, x, b, y);
    if (known.size >= MAX_COMPARED) known.clear();
    known.set(y, value);
  }
  return value;
}

function bigramSimilarity(a: string, x: ReadonlySet<string>, b: string, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return a.trim() === b.trim() ? 1 : 0;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared++;
  return shared / Math.min(x.size, y.size);
}

const IN_PAGE_LINK = /^\[[^\]]+\]\(#[^)]*\)$/u;

/** Sentences that are only a heading, a label ("目标") or a stray fragment carry no answer. */
function isContentless(sentence: string, headings: string[]): boolean {
  // A table of contents' entry ("[入门阶段](#入门阶段)") only points at a heading further down.
  if (IN_PAGE_LINK.test(sentence)) return true;
  const bare = stripped(sentence);
  if (Array.from(bare).length < 4) return true;
  return headings.some((heading) => stripped(heading) === bare);
}

/** A passage's sentence with what scoring reads from it, which depends on the chunk alone. */
interface AnalysedSentence {
  text: string;
  position: number;
  lower: string;
  lengthPenalty: number;
  /** Made when the sentence is first compared with another (selectSentences): most never are. */
  bigrams?: ReadonlySet<string>;
}

/** A sentence's bigrams, made on first use and kept with it. */
function sentenceBigrams(sentence: { readonly text: string; bigrams?: ReadonlySet<string> }): ReadonlySet<string> {
  return (sentence.bigrams ??= bigrams(sentence.text));
}

/**
 * A chunk's sentences, with which of them hold each search token (ascending), so a question's
 * terms are looked up once per chunk rather than tested against every sentence.
 */
interface AnalysedChunk {
  /** The chunk's text, which a sentence's parent label is read from. */
  text: string;
  sentences: readonly AnalysedSentence[];
  /**
   * The sentences under a list item whose label holds each search token ("适用于用户意图识别" under
   * "1. 微调：Lora->垂类" for 微调), made on first use.
   */
  withParentToken?: ReadonlyMap<string, readonly number[]>;
  withToken: ReadonlyMap<string, readonly number[]>;
  /** The search tokens of the chunk's own heading (the last of its heading path). */
  headingTokens: ReadonlySet<string>;
  /**
   * The sentences' lowercased texts joined by line breaks. Each sentence's text is part of it, so a
   * term it does not contain is in no sentence: a term the chunk lacks costs one scan, not one per sentence.
   */
  lower: string;
  /**
   * The sentences found to hold a term, and those under a label holding it, by term (termSentences.ts):
   * the same terms (模型, 学习, a topic's words) come back question after question.
   */
  terms: TermSentenceTable;
}

function addTo(index: Map<string, number[]>, key: string, sentence: number): void {
  const list = index.get(key);
  if (!list) index.set(key, [sentence]);
  else if (list[list.length - 1] !== sentence) list.push(sentence);
}

/**
 * Analysed sentences of recently cited chunks: tokenizing the cited passages' sentences was most
 * of an offline answer's CPU, and the same top passages serve many questions. No bigrams here: a
 * map of every sentence's bigrams (to find the few sentences a term could be in) and a set of them
 * per sentence were most of an analysed chunk's memory (~46 KB for a 250-character chunk) and a
 * good part of its cost, while a chunk has a few sentences to search and few are ever compared.
 */
const analysedChunk = recentByChunk(2048, (chunk: Chunk): AnalysedChunk => {
  const headings = [chunk.title, ...chunk.headingPath];
  const sentences: AnalysedSentence[] = [];
  const withToken = new Map<string, number[]>();
  splitIntoSentences(chunk.text).forEach((text, position) => {
    if (isContentless(text, headings)) return;
    // Long sentences match more by chance; damp them gently.
    const lengthPenalty = 1 + Math.log1p(Array.from(text).length / 60);
    const index = sentences.length;
    for (const token of tokenizeForSearch(text)) addTo(withToken, token, index);
    sentences.push({ text, position, lower: text.toLowerCase(), lengthPenalty });
  });
  const heading = chunk.headingPath.at(-1);
  const headingTokens = new Set(heading ? tokenizeForSearch(heading) : []);
  const lower = sentences.map((sentence) => sentence.lower).join("\n");
  const terms = new TermSentenceTable(Math.max(1, Math.ceil(sentences.length / 32)));
  return { text: chunk.text, sentences, withToken, headingTokens, lower, terms };
});

/**
 * Marks, in the entry's words from `at`, the sentences of a chunk that match a term: those holding
 * it as a search token and, for a term longer than one character, those whose text contains it.
 */
function markHolders(chunk: AnalysedChunk, term: string, cells: Int32Array, at: number): void {
  const holders = chunk.withToken.get(term);
  if (holders) for (const i of holders) cells[at + (i >>> 5)]! |= 1 << (i & 31);
  if (term.length > 1 && chunk.lower.includes(term)) {
    for (let i = 0; i < chunk.sentences.length; i++) if (chunk.sentences[i]!.lower.includes(term)) cells[at + (i >>> 5)]! |= 1 << (i & 31);
  }
}

/** Marks, in the entry at `at`, the sentences under a list item whose label holds the term, and whether the chunk's heading does. */
function markInherited(
  chunk: AnalysedChunk,
  parentOf: (chunkText: string, sentence: string) => string | undefined,
  term: string,
  cells: Int32Array,
  at: number,
): void {
  const inherited = parentTokens(chunk, parentOf).get(term);
  const from = at + 2 + chunk.terms.words;
  if (inherited) for (const i of inherited) cells[from + (i >>> 5)]! |= 1 << (i & 31);
  cells[at + 1]! |= PARENT_KNOWN | (chunk.headingTokens.has(term) ? IN_HEADING : 0);
}

/**
 * What a sub-item inherits of a term its parent item's label holds: "微调一般适合用在什么场景" is
 * answered by "适用于用户意图识别" under "1. 微调：Lora->垂类", which repeats none of its words.
 */
const PARENT_SHARE = 0.25;
/**
 * What a chunk's sentences inherit of a term their own heading holds: "三阶段那篇最后一段的目标是啥"
 * is answered by "主导复杂行业项目,成为全栈大模型架构师", the text under the heading "目标". Half a
 * term: every 5-fold split of tune picked 0.5 of 0, 0.25, 0.5, 0.75 and 1 (must-mention 0.768 → 0.785).
 */
const HEADING_SHARE = 0.5;

function parentTokens(
  chunk: AnalysedChunk,
  parentOf: (chunkText: string, sentence: string) => string | undefined,
): ReadonlyMap<string, readonly number[]> {
  if (chunk.withParentToken) return chunk.withParentToken;
  const index = new Map<string, number[]>();
  chunk.sentences.forEach((sentence, i) => {
    const label = parentOf(chunk.text, sentence.text);
    if (label) for (const token of tokenizeForSearch(label)) addTo(index, token, i);
  });
  return (chunk.withParentToken = index);
}

export function scoreSentences(
  passages: Passage[],
  terms: Map<string, number>,
  /** Whether a sentence states the kind of detail asked (undefined: the question asks for none). */
  holdsAskedDetail?: (sentence: string, passage: Passage) => boolean,
  /**
   * The label of the list item a sentence sits under, if any (quoteContext.ts). Given when quoting:
   * a sentence then also inherits from its label and its chunk's heading. Without it (which line
   * named X, ledRoadmap.ts) only a sentence's own words count.
   */
  parentOf?: (chunkText: string, sentence: string) => string | undefined,
): CandidateSentence[] {
  const candidates: CandidateSentence[] = [];
  // Once per question, not once per sentence: what to look for, in the terms' order, into the
  // module's scratch arrays (entries, check objects and per-term lists were ~9 KB of garbage a question).
  const termCount = terms.size;
  const chunks = passages.map((passage) => analysedChunk(passage.chunk));
  let entryWords = 0;
  for (const chunk of chunks) entryWords += termCount * chunk.terms.stride;
  const scratch = scoringScratch(termCount, entryWords);
  const { termList, termNumbers, weights, inSentences, rarity, entries } = scratch;
  let t = 0;
  for (const term of terms.keys()) termList[t++] = term;
  t = 0;
  for (const weight of terms.values()) weights[t++] = weight;
  inSentences.fill(0, 0, termCount);
  numberTerms(termList, termCount, termNumbers);
  // First pass: which sentences hold each term (by passage, in the terms' order) and how many in
  // all; each chunk's entry for the term copied out (a later term's entry may move the table's).
  let sentenceCount = 0;
  let at = 0;
  for (let p = 0; p < chunks.length; p++) {
    const chunk = chunks[p]!;
    const table = chunk.terms;
    const { stride, words } = table;
    sentenceCount += chunk.sentences.length;
    for (let c = 0; c < termCount; c++) {
      const term = termList[c]!;
      let entry = table.find(termNumbers[c]!);
      if (entry < 0) {
        entry = table.add(termNumbers[c]!);
        markHolders(chunk, term, table.cells, entry + 2);
      }
      const cells = table.cells;
      if (parentOf && (cells[entry + 1]! & PARENT_KNOWN) === 0) markInherited(chunk, parentOf, term, cells, entry);
      let held = 0;
      for (let w = 0; w < stride; w++) entries[at + w] = cells[entry + w]!;
      for (let w = 0; w < words; w++) held += bitCount(cells[entry + 2 + w]!);
      inSentences[c]! += held;
      at += stride;
    }
  }
  // A word in most of the cited sentences (模型 in a question about 幻觉) says little about which
  // one answers: each term counts by how few of them hold it, as idf does across a corpus.
  for (let c = 0; c < termCount; c++) rarity[c] = Math.log(1 + sentenceCount / Math.max(inSentences[c]!, 1)) / Math.log(2);
  // Second pass: each sentence's overlap summed in the terms' order (the same sums as term lists
  // per sentence gave), into one scratch array: no list per matched sentence.
  at = 0;
  for (let passageIndex = 0; passageIndex < chunks.length; passageIndex++) {
    const { sentences, terms: table } = chunks[passageIndex]!;
    const { stride, words } = table;
    if (overlapScratch.length < sentences.length) overlapScratch = new Float64Array(Math.max(sentences.length, 2 * overlapScratch.length));
    const overlaps = overlapScratch;
    overlaps.fill(Number.NaN, 0, sentences.length); // NaN: holds no term
    for (let c = 0; c < termCount; c++, at += stride) {
      const add = weights[c]! * rarity[c]!;
      const own = at + 2;
      addMarked(overlaps, entries, own, words, -1, add);
      // Only when quoting does a sentence inherit from its chunk's heading and its item's label.
      if (!parentOf) continue;
      if ((entries[at + 1]! & IN_HEADING) !== 0) {
        const amount = HEADING_SHARE * add;
        for (let i = 0; i < sentences.length; i++)
          if ((entries[own + (i >>> 5)]! & (1 << (i & 31))) === 0) overlaps[i] = (Number.isNaN(overlaps[i]!) ? 0 : overlaps[i]!) + amount;
      }
      addMarked(overlaps, entries, own + words, words, own, PARENT_SHARE * add);
    }
    const prior = 0.4 * (1 - passageIndex / Math.max(passages.length, 1));
    for (let i = 0; i < sentences.length; i++) {
      const overlap = overlaps[i]!;
      if (Number.isNaN(overlap)) continue;
      const sentence = sentences[i]!;
      const { text, position, lengthPenalty } = sentence;
      candidates.push({ text, passageIndex, position, score: overlap / lengthPenalty + prior, from: sentence });
    }
  }
  // A question asking for a kind of detail (how long, how much) is answered by a sentence stating
  // one: the best such sentence leads, however often other sentences repeat the topic's words.
  if (!holdsAskedDetail) return candidates;
  let stating = candidates.filter((c) => holdsAskedDetail(c.text, passages[c.passageIndex]!)).sort(byScore)[0];
  // The detail may be in a sentence that repeats none of the question's words ("时长：约20小时"
  // under the course the question named): the first one stating it, in the best passage, leads.
  if (!stating) {
    stating = firstStating(passages, holdsAskedDetail);
    if (stating) candidates.push(stating);
  }
  const best = candidates.reduce((top, c) => Math.max(top, c.score), 0);
  if (stating && stating.score < best) stating.score = best + 1e-9;
  return candidates;
}

/**
 * Adds `amount` to the overlap of each sentence (ascending) marked in the `words` words of `entries`
 * from `marked`, but those also marked in the words from `except` (-1: none): what a term adds to
 * the sentences holding it, and what a label lends to the sentences under it that do not.
 */
function addMarked(overlaps: Float64Array, entries: Int32Array, marked: number, words: number, except: number, amount: number): void {
  for (let w = 0; w < words; w++) {
    let bits = entries[marked + w]!;
    if (except >= 0) bits &= ~entries[except + w]!;
    while (bits !== 0) {
      const lowest = bits & -bits;
      const i = 32 * w + 31 - Math.clz32(lowest);
      overlaps[i] = (Number.isNaN(overlaps[i]!) ? 0 : overlaps[i]!) + amount;
      bits ^= lowest;
    }
  }
}

/**
 * scoreSentences' per-question arrays, kept for the next question and grown when one has more
 * terms or passages: the terms, their numbers and weights in the map's order, how many sentences
 * hold each, their rarity, and each passage's entry for each term (termSentences.ts), passage by
 * passage. One question at a time: scoreSentences never waits, so nothing else can run in between.
 */
interface ScoringScratch {
  termList: string[];
  termNumbers: Int32Array;
  weights: Float64Array;
  inSentences: Float64Array;
  rarity: Float64Array;
  entries: Int32Array;
}
let scoring: ScoringScratch = {
  termList: [],
  termNumbers: new Int32Array(32),
  weights: new Float64Array(32),
  inSentences: new Float64Array(32),
  rarity: new Float64Array(32),
  entries: new Int32Array(1024),
};

function scoringScratch(termCount: number, entryWords: number): ScoringScratch {
  if (scoring.weights.length < termCount) {
    const size = Math.max(termCount, 2 * scoring.weights.length);
    scoring = {
      ...scoring,
      termNumbers: new Int32Array(size),
      weights: new Float64Array(size),
      inSentences: new Float64Array(size),
      rarity: new Float64Array(size),
    };
  }
  if (scoring.entries.length < entryWords)
    scoring = { ...scoring, entries: new Int32Array(Math.max(entryWords, 2 * scoring.entries.length)) };
  return scoring;
}

/**
 * The sentences' overlaps, one scratch array for every question (filled per passage before it is
 * read): a Float64Array of a passage's few dozen sentences is memory outside the JavaScript heap,
 * and was allocated in three of four asks.
 */
let overlapScratch = new Float64Array(64);

function firstStating(
  passages: Passage[],
  holdsAskedDetail: (sentence: string, passage: Passage) => boolean,
): CandidateSentence | undefined {
  for (let passageIndex = 0; passageIndex < passages.length; passageIndex++) {
    const passage = passages[passageIndex]!;
    for (const sentence of analysedChunk(passage.chunk).sentences) {
      if (holdsAskedDetail(sentence.text, passage))
        return { text: sentence.text, passageIndex, position: sentence.position, score: 0, from: sentence };
    }
  }
  return undefined;
}

const SENTENCE_END = /[\s。．.!！?？;；]+$/u;

/** Whether `longer` holds the whole of `shorter` (its closing punctuation aside) and more. */
export function extendsSentence(longer: string, shorter: string): boolean {
  const core = shorter.replace(SENTENCE_END, "");
  return core.length > 0 && longer.length > shorter.length && longer.includes(core);
}

const byScore = (a: CandidateSentence, b: CandidateSentence) =>
  b.score - a.score || a.passageIndex - b.passageIndex || a.position - b.position;

/**
 * The best `max` sentences, none a near-copy of a better one, back in reading order
 * (passage rank, then position) so the answer reads like the materials.
 */
export function selectSentences(candidates: CandidateSentence[], max: number, redundancy = 0.7): CandidateSentence[] {
  const picked: CandidateSentence[] = [];
  // Far weaker matches than the best one are padding, not answer: left out before the sort (it
  // orders every candidate, and the picks stop at the first one under the floor anyway).
  let best = 0;
  for (const candidate of candidates) if (candidate.score > best) best = candidate.score;
  const floor = best * 0.3;
  const ranked = candidates.filter((candidate) => candidate.score >= floor).sort(byScore);
  // Each candidate's bigrams once (kept with its analysed sentence when scored here), not once per pair compared.
  const pickedBigrams: ReadonlySet<string>[] = [];
  const pickedKept: (ReadonlySet<string> | undefined)[] = [];
  for (const candidate of ranked) {
    if (picked.length >= max) break;
    // A sentence's own bigram set (kept with it) has its comparisons remembered; a fresh one is compared anew.
    const kept = candidate.from ? sentenceBigrams(candidate.from) : candidate.bigrams;
    const grams = kept ?? bigrams(candidate.text);
    const similar = (p: CandidateSentence, i: number) => {
      const other = pickedKept[i];
      return (
        (kept && other
          ? rememberedSimilarity(p.text, other, candidate.text, kept)
          : bigramSimilarity(p.text, pickedBigrams[i]!, candidate.text, grams)) >= redundancy
      );
    };
    const copied = picked.findIndex(similar);
    if (copied >= 0) {
      // The same sentence written twice, once with more ("…向量数据库的应用" and "…的应用，如Milvus等"):
      // the fuller one says everything the other does, and what the learner most likely asked for.
      if (extendsSentence(candidate.text, picked[copied]!.text)) {
        picked[copied] = candidate;
        pickedBigrams[copied] = grams;
        pickedKept[copied] = kept;
      }
      continue;
    }
    picked.push(candidate);
    pickedBigrams.push(grams);
    pickedKept.push(kept);
  }
  return picked.sort((a, b) => a.passageIndex - b.passageIndex || a.position - b.position);
}
