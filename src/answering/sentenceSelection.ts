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
  /** 0, 1, … sentences.length - 1: the sentences a term is searched for in. */
  all: readonly number[];
  /**
   * The sentences' lowercased texts joined by line breaks. Each sentence's text is part of it, so a
   * term it does not contain is in no sentence: a term the chunk lacks costs one scan, not one per sentence.
   */
  lower: string;
  /** The sentences found to hold a term, by term: the same terms (模型, 学习, a topic's words) come back question after question. */
  holding: Map<string, readonly number[]>;
}

/** Terms remembered per analysed chunk; when full it starts over. */
const MAX_TERMS_PER_CHUNK = 256;

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
  return { text: chunk.text, sentences, withToken, headingTokens, all: sentences.map((_, i) => i), lower, holding: new Map() };
});

/**
 * The sentences of a chunk that match a term, ascending: those holding it as a search token and,
 * for a term longer than one character, those whose text contains it.
 */
function sentencesHolding(chunk: AnalysedChunk, term: string, substring: boolean): readonly number[] {
  // The search is a function of its own: its closure's captured variables would make every call,
  // remembered ones included (~96 %), allocate a context (~10 KB a question over ~180 calls).
  return chunk.holding.get(term) ?? searchSentences(chunk, term, substring);
}

/** sentencesHolding for a term not remembered for the chunk: searched, then remembered. */
function searchSentences(chunk: AnalysedChunk, term: string, substring: boolean): readonly number[] {
  const holders = chunk.withToken.get(term) ?? [];
  let found: readonly number[] = holders;
  if (substring && chunk.lower.includes(term)) {
    // holders is short (the sentences holding the term as a token): a scan, not a set per term.
    const containing = chunk.all.filter((i) => !holders.includes(i) && chunk.sentences[i]!.lower.includes(term));
    if (containing.length > 0) found = [...holders, ...containing].sort((a, b) => a - b);
  }
  if (chunk.holding.size >= MAX_TERMS_PER_CHUNK) chunk.holding.clear();
  chunk.holding.set(term, found);
  return found;
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
  const scratch = scoringScratch(termCount, passages.length);
  const { termList, weights, inSentences, rarity, holders } = scratch;
  let t = 0;
  for (const term of terms.keys()) termList[t++] = term;
  t = 0;
  for (const weight of terms.values()) weights[t++] = weight;
  inSentences.fill(0, 0, termCount);
  // First pass: which sentences hold each term (by passage, in the terms' order) and how many in all.
  const chunks = passages.map((passage) => analysedChunk(passage.chunk));
  let sentenceCount = 0;
  for (let p = 0; p < chunks.length; p++) {
    const chunk = chunks[p]!;
    sentenceCount += chunk.sentences.length;
    // A sentence matches a term that is one of its tokens or (longer than one character) is in its text.
    for (let c = 0; c < termCount; c++) {
      const term = termList[c]!;
      const held = sentencesHolding(chunk, term, term.length > 1);
      holders[p * termCount + c] = held;
      inSentences[c]! += held.length;
    }
  }
  // A word in most of the cited sentences (模型 in a question about 幻觉) says little about which
  // one answers: each term counts by how few of them hold it, as idf does across a corpus.
  for (let c = 0; c < termCount; c++) rarity[c] = Math.log(1 + sentenceCount / Math.max(inSentences[c]!, 1)) / Math.log(2);
  // Second pass: each sentence's overlap summed in the terms' order (the same sums as term lists
  // per sentence gave), into one scratch array: no list per matched sentence.
  for (let passageIndex = 0; passageIndex < chunks.length; passageIndex++) {
    const { sentences } = chunks[passageIndex]!;
    if (overlapScratch.length < sentences.length) overlapScratch = new Float64Array(Math.max(sentences.length, 2 * overlapScratch.length));
    const overlaps = overlapScratch;
    overlaps.fill(Number.NaN, 0, sentences.length); // NaN: holds no term
    const underLabel = parentOf ? parentTokens(chunks[passageIndex]!, parentOf) : undefined;
    for (let c = 0; c < termCount; c++) {
      const add = weights[c]! * rarity[c]!;
      const held = holders[passageIndex * termCount + c]!;
      for (let h = 0; h < held.length; h++) {
        const i = held[h]!;
        overlaps[i] = (Number.isNaN(overlaps[i]!) ? 0 : overlaps[i]!) + add;
      }
      if (underLabel && chunks[passageIndex]!.headingTokens.has(termList[c]!))
        lend(overlaps, chunks[passageIndex]!.all, held, HEADING_SHARE * add);
      const inherited = underLabel?.get(termList[c]!);
      if (inherited) lend(overlaps, inherited, held, PARENT_SHARE * add);
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
  // The scratch holds the lists until the next question: let them go now.
  holders.fill(undefined, 0, chunks.length * termCount);
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

/** Adds `amount` to the overlap of each sentence of `to` that does not hold the term itself (`held`): what a label or heading lends. */
function lend(overlaps: Float64Array, to: readonly number[], held: readonly number[], amount: number): void {
  for (const i of to) if (!held.includes(i)) overlaps[i] = (Number.isNaN(overlaps[i]!) ? 0 : overlaps[i]!) + amount;
}

/**
 * scoreSentences' per-question arrays, kept for the next question and grown when one has more
 * terms or passages: the terms and their weights in the map's order, how many sentences hold each,
 * their rarity, and the sentences holding each term in each passage (passage × terms + term).
 * One question at a time: scoreSentences never waits, so nothing else can run in between.
 */
interface ScoringScratch {
  termList: string[];
  weights: Float64Array;
  inSentences: Float64Array;
  rarity: Float64Array;
  holders: (readonly number[] | undefined)[];
}
let scoring: ScoringScratch = {
  termList: [],
  weights: new Float64Array(32),
  inSentences: new Float64Array(32),
  rarity: new Float64Array(32),
  holders: [],
};

function scoringScratch(termCount: number, passageCount: number): ScoringScratch {
  if (scoring.weights.length < termCount) {
    const size = Math.max(termCount, 2 * scoring.weights.length);
    scoring = { ...scoring, weights: new Float64Array(size), inSentences: new Float64Array(size), rarity: new Float64Array(size) };
  }
  if (scoring.holders.length < termCount * passageCount) scoring.holders.length = termCount * passageCount;
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
