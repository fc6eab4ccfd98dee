import { BadInput } from "../errors.js";
import type { IndexSnapshot } from "../store/types.js";
import { joinedRemembered, tokenizeForSearch, tokenizeJoined } from "../text/tokenize.js";
import type { TermGroup } from "./abstention.js";
import { contentSegments } from "./analyzeQuery.js";
import { allowedDocumentIds } from "./filters.js";
import { fuseDenseAndLexical, selectDiverse, type FusedCandidate, type FusedId } from "./fusion.js";
import { ByPosition } from "./byPosition.js";
import { IndexResources } from "./indexResources.js";
import { recentByChunk } from "./recentByChunk.js";
import {
  candidateFeatures,
  documentVotes,
  hanBigramCodes,
  RERANK_DEPTH,
  rerankFused,
  tokenGroupMasks,
  type RerankContext,
  type RerankModel,
} from "./rerank.js";
import { RERANK_MODEL } from "./rerankModel.js";
import type { TermMarks } from "./termStatistics.js";
import type { Passage, RetrieveOptions } from "./types.js";

/** How the retriever ranks (config RETRIEVAL_K, MAX_CHUNKS_PER_SECTION; HybridRetrieverOptions). */
export interface RankingSettings {
  /** Default number of passages (config RETRIEVAL_K). */
  k: number;
  maxChunksPerSection: number;
  /** Re-order the fused candidates with this learned model (default RERANK_MODEL; false: RRF order). */
  rerank?: RerankModel | false;
}

/** One question to rank: its search form, its expansions, and its judged content terms (read lazily: only the re-ranker needs them). */
export interface RankingQuestion {
  index: IndexSnapshot;
  query: string;
  expansions: readonly string[];
  termGroups: () => readonly TermGroup[];
}

/** A fused candidate with the re-ranker's features, for fitting the model (scripts/eval/fitReranker.ts). */
export interface RankedCandidate {
  chunk: Passage["chunk"];
  features: number[];
}

export interface Ranked {
  passages: Passage[];
  /** Every fused candidate id, best first (before dedupe and cap). */
  fusedIds: string[];
  topDenseSimilarity: number;
  /**
   * The re-ranker's marks of the judged term groups (bit g: `groups[g]`), readable for any chunk of
   * the index until the next ranking marks terms: the evidence score asks the top passages which
   * groups they hold, which is what these already say. Absent without the re-ranker's marks.
   */
  groupMarks?: { groups: readonly TermGroup[]; marks: TermMarks };
}

/**
 * Passages nearest in concept space fused in as a third ranking: a handful, since a question
 * stands for one or two concepts. Chosen on tune among 5, 10 and 20 (tests/eval/README.md,
 * "Session 11").
 */
const CONCEPT_CANDIDATES = 10;

/** Candidates fetched from each ranking per passage wanted. */
const OVERFETCH = 4;
const MIN_CANDIDATES = 24;

/**
 * Dense and BM25 rankings of the expanded question and the passages nearest it in concept space,
 * fused by reciprocal rank and re-ordered by the learned re-ranker. (A third BM25 ranking of the question as written was tried and hurt: for
 * an English question over Chinese text it mostly matches English words in link titles.) near-duplicates go, and each section gives at most maxChunksPerSection
 * passages. With `collect`, the first RERANK_DEPTH candidates are collected in RRF order with
 * their features instead of being re-ranked.
 */
export async function rankPassages(
  question: RankingQuestion,
  settings: RankingSettings,
  options: RetrieveOptions,
  collect?: RankedCandidate[],
): Promise<Ranked> {
  const { index, query, expansions } = question;
  if (query.trim() === "") throw new BadInput("The question is empty.");
  const k = options.k ?? settings.k;
  if (!Number.isInteger(k) || k < 1) throw new BadInput("k must be a positive integer.");
  const allowed = allowedDocumentIds(index.documents, options.filters);
  const candidates = Math.min(index.chunks.length, Math.max(k * OVERFETCH, MIN_CANDIDATES));
  if (candidates === 0 || allowed?.size === 0) return { passages: [], fusedIds: [], topDenseSimilarity: 0 };

  // The embedder and BM25 both tokenize `expanded`: from the question's and expansions' tokens, once.
  const expanded = joinedRemembered([query, ...expansions]);
  const dense = await denseRanking(index, expanded, candidates, allowed);
  const lexical = await index.lexicalSearch(expanded, candidates, allowed ? { documentIds: allowed } : undefined);

  const concepts = IndexResources.of(index).conceptSpace;
  const conceptVector = concepts.questionVector(query);
  const nearestConcepts = conceptVector ? concepts.nearest(conceptVector, CONCEPT_CANDIDATES, allowed) : [];
  const candidatesFused = fuseDenseAndLexical(dense, lexical, nearestConcepts);
  let fused: readonly FusedId[] = candidatesFused.fused;
  const model = settings.rerank ?? RERANK_MODEL;
  let groupMarks: Ranked["groupMarks"];
  if (model || collect) {
    const conceptSimilarity = conceptVector
      ? (chunk: Passage["chunk"], position?: number) =>
          position !== undefined ? concepts.similarityAt(conceptVector, position) : concepts.similarity(conceptVector, chunk.id)
      : () => 0;
    const context = rerankContext(question, { lexical, fused, conceptSimilarity });
    if (context.termMarks) groupMarks = { groups: context.groups, marks: context.termMarks };
    // Each candidate's position in the index, looked up once: its features read arrays by it.
    // The statistics' positions are of index.chunks, and chunkById maps an id to that same chunk.
    const statistics = IndexResources.of(index).statistics;
    const features = (entry: FusedCandidate, out?: number[]) => {
      const position = statistics.chunkPosition(entry.id);
      const chunk = position !== undefined ? index.chunks[position] : index.chunkById.get(entry.id);
      return chunk ? candidateFeatures(chunk, entry, context, out, position) : undefined;
    };
    if (collect) {
      for (const entry of candidatesFused.fused.slice(0, RERANK_DEPTH)) {
        const values = features(entry);
        if (values) collect.push({ chunk: index.chunkById.get(entry.id)!, features: values });
      }
    } else if (model) {
      // The fused entries are the candidates themselves (fuseDenseAndLexical): their ranks and scores are on them.
      // rerankFused scores each candidate's features as it gets them: one array serves them all.
      const scratch: number[] = [];
      fused = rerankFused(candidatesFused.fused, model, (entry) => features(entry, scratch));
    }
  }

  const diverse = selectDiverse(passagesAsRead(fused, index, candidatesFused.byId), k, settings.maxChunksPerSection);
  return {
    passages: diverse,
    fusedIds: fused.map((f) => f.id),
    topDenseSimilarity: dense.reduce((best, d) => Math.max(best, d.similarity), 0),
    ...(groupMarks ? { groupMarks } : {}),
  };
}

/**
 * The fused list's passages, made as selectDiverse reads them: it stops at k, a few places into
 * ~40 candidates. A plain iterator: a generator's resumption per passage cost more than the passage.
 */
function passagesAsRead(
  fused: readonly FusedId[],
  index: IndexSnapshot,
  candidates: ReadonlyMap<string, FusedCandidate>,
): IterableIterator<Passage> {
  let next = 0;
  return {
    next(): IteratorResult<Passage> {
      while (next < fused.length) {
        const { id, score } = fused[next++]!;
        const chunk = index.chunkById.get(id);
        if (!chunk) continue;
        const passage: Passage = { chunk, score, role: "match" };
        const candidate = candidates.get(id);
        if (candidate?.denseSimilarity !== undefined) passage.denseScore = candidate.denseSimilarity;
        if (candidate?.lexicalScore !== undefined) passage.lexicalScore = candidate.lexicalScore;
        return { value: passage, done: false };
      }
      return { value: undefined, done: true };
    },
    [Symbol.iterator]() {
      return this;
    },
  };
}

function rerankContext(
  question: RankingQuestion,
  ranked: {
    lexical: readonly { chunkId: string; score: number }[];
    fused: readonly FusedId[];
    conceptSimilarity: (chunk: Passage["chunk"]) => number;
  },
): RerankContext {
  const { index, query } = question;
  const { lexical, fused, conceptSimilarity } = ranked;
  const statistics = IndexResources.of(index).statistics;
  const own = new Set(tokenizeForSearch(query));
  const groups = question.termGroups();
  const expansionTokens = new Set(tokenizeJoined(question.expansions).filter((t) => !own.has(t) && t.length > 1));
  // Tokens no chunk holds are found in no candidate: looked up once here, not once per candidate.
  const inIndex = (token: string) => statistics.frequency(token) > 0;
  const groupsInIndex = groups.map((group) => ({ ...group, tokens: group.tokens.filter(inIndex) }));
  const expansionTokensInIndex = [...expansionTokens].filter(inIndex);
  return {
    groups,
    groupsInIndex,
    expansionTokensInIndex,
    // Candidates are read by term id: no token set per candidate (at 100k chunks most are not kept).
    termMarks: statistics.markTerms(
      groupsInIndex.map((group) => group.tokens),
      expansionTokensInIndex,
    ),
    expansionTokenCount: expansionTokens.size,
    topLexicalScore: lexical.reduce((best, h) => Math.max(best, h.score), 0),
    tokensOf: (chunk) => statistics.tokensOf(chunk),
    headingTokensOf: headingTokens,
    headingGroupMasks: tokenGroupMasks(groups),
    documentVote: documentVotes(fused, (id) => index.chunkById.get(id)?.docId),
    questionBigrams: hanBigramCodes(contentSegments(query).join(" ")),
    // Every candidate rankPassages scores has its index position; a chunk without one is read directly.
    bigramsOf: (chunk, position) => (position !== undefined ? bigramsByPosition(index).get(position) : bigramsOfChunk(chunk)),
    conceptSimilarity,
  };
}

async function denseRanking(
  index: IndexSnapshot,
  text: string,
  candidates: number,
  allowed: ReadonlySet<string> | undefined,
): Promise<{ chunkId: string; similarity: number }[]> {
  const filter = allowed ? { documentIds: allowed } : undefined;
  const hits = index.nearestToText
    ? await index.nearestToText(text, candidates, filter)
    : await index.nearest(await index.embedQuery(text), candidates, filter);
  return hits.filter((hit) => index.chunkById.has(hit.chunkId));
}

// What the re-ranker reads from its candidates, kept for recently re-ranked chunks.
const headingTokens = recentByChunk<ReadonlySet<string>>(4096, (chunk) => new Set(tokenizeForSearch(chunk.headingPath.join(" "))));
const bigramsOfChunk = (chunk: Passage["chunk"]) => hanBigramCodes(`${chunk.headingPath.join(" ")} ${chunk.text}`);
/** A chunk's bigram codes by its position (candidateFeatures), kept per index version. */
const indexBigrams = new WeakMap<IndexSnapshot, ByPosition<Float64Array>>();

function bigramsByPosition(index: IndexSnapshot): ByPosition<Float64Array> {
  let byPosition = indexBigrams.get(index);
  if (!byPosition) {
    const { chunks } = index;
    indexBigrams.set(index, (byPosition = new ByPosition(chunks.length, 4096, (position) => bigramsOfChunk(chunks[position]!))));
  }
  return byPosition;
}
