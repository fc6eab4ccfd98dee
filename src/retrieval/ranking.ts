import { BadInput } from "../errors.js";
import type { IndexSnapshot } from "../store/types.js";
import { tokenizeForSearch, tokenizeJoined } from "../text/tokenize.js";
import type { TermGroup } from "./abstention.js";
import { contentSegments } from "./analyzeQuery.js";
import { allowedDocumentIds } from "./filters.js";
import { reciprocalRankFusion, selectDiverse } from "./fusion.js";
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
}

/** Candidates fetched from each ranking per passage wanted. */
const OVERFETCH = 4;
const MIN_CANDIDATES = 24;

/**
 * Dense and BM25 rankings of the expanded question, fused by reciprocal rank and re-ordered by
 * the learned re-ranker. (A third BM25 ranking of the question as written was tried and hurt: for
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

  const expanded = [query, ...expansions].join(" ");
  // The embedder and BM25 both tokenize `expanded`: from the question's and expansions' tokens, once.
  tokenizeJoined([query, ...expansions]);
  const dense = await denseRanking(index, expanded, candidates, allowed);
  const lexical = await index.lexicalSearch(expanded, candidates, allowed ? { documentIds: allowed } : undefined);

  let fused = reciprocalRankFusion([dense.map((d) => d.chunkId), lexical.map((h) => h.chunkId)]);
  const denseScore = mapOf(
    dense,
    (d) => d.chunkId,
    (d) => d.similarity,
  );
  const lexicalScore = mapOf(
    lexical,
    (hit) => hit.chunkId,
    (hit) => hit.score,
  );
  const model = settings.rerank ?? RERANK_MODEL;
  if (model || collect) {
    const context = rerankContext(question, { dense, lexical, denseScore, lexicalScore, fused });
    const features = (entry: { id: string; score: number }) => {
      const chunk = index.chunkById.get(entry.id);
      return chunk ? candidateFeatures(chunk, entry, context) : undefined;
    };
    if (collect) {
      for (const entry of fused.slice(0, RERANK_DEPTH)) {
        const chunk = index.chunkById.get(entry.id);
        if (chunk) collect.push({ chunk, features: candidateFeatures(chunk, entry, context) });
      }
    } else if (model) fused = rerankFused(fused, model, features);
  }

  // Passages made as selectDiverse reads them: it stops at k, a few places into ~40 candidates.
  function* passages(): Generator<Passage> {
    for (const { id, score } of fused) {
      const chunk = index.chunkById.get(id);
      if (!chunk) continue;
      const passage: Passage = { chunk, score, role: "match" };
      const similarity = denseScore.get(id);
      if (similarity !== undefined) passage.denseScore = similarity;
      const bm25 = lexicalScore.get(id);
      if (bm25 !== undefined) passage.lexicalScore = bm25;
      yield passage;
    }
  }
  const diverse = selectDiverse(passages(), k, settings.maxChunksPerSection);
  return {
    passages: diverse,
    fusedIds: fused.map((f) => f.id),
    topDenseSimilarity: dense.reduce((best, d) => Math.max(best, d.similarity), 0),
  };
}

function rerankContext(
  question: RankingQuestion,
  ranked: {
    dense: readonly { chunkId: string; similarity: number }[];
    lexical: readonly { chunkId: string; score: number }[];
    denseScore: ReadonlyMap<string, number>;
    lexicalScore: ReadonlyMap<string, number>;
    fused: readonly { id: string; score: number }[];
  },
): RerankContext {
  const { index, query } = question;
  const { dense, lexical, fused } = ranked;
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
    denseRank: mapOf(
      dense,
      (d) => d.chunkId,
      (_, i) => i + 1,
    ),
    lexicalRank: mapOf(
      lexical,
      (h) => h.chunkId,
      (_, i) => i + 1,
    ),
    denseSimilarity: ranked.denseScore,
    lexicalScore: ranked.lexicalScore,
    topLexicalScore: lexical.reduce((best, h) => Math.max(best, h.score), 0),
    tokensOf: (chunk) => statistics.tokensOf(chunk),
    headingTokensOf: headingTokens,
    headingGroupMasks: tokenGroupMasks(groups),
    documentVote: documentVotes(fused, (id) => index.chunkById.get(id)?.docId),
    questionBigrams: hanBigramCodes(contentSegments(query).join(" ")),
    bigramsOf: chunkBigrams,
  };
}

async function denseRanking(
  index: IndexSnapshot,
  text: string,
  candidates: number,
  allowed: ReadonlySet<string> | undefined,
): Promise<{ chunkId: string; similarity: number }[]> {
  const vector = await index.embedQuery(text);
  const hits = await index.nearest(vector, candidates, allowed ? { documentIds: allowed } : undefined);
  return hits.filter((hit) => index.chunkById.has(hit.chunkId));
}

/**
 * new Map(items.map((item, i) => [keyOf(item, i), valueOf(item, i)])) without a pair array per
 * item: the same entries in the same order (a repeated key keeps its first place and its last
 * value). Four such maps of ~24 candidates are built per search.
 */
function mapOf<T, V>(items: readonly T[], keyOf: (item: T) => string, valueOf: (item: T, index: number) => V): Map<string, V> {
  const map = new Map<string, V>();
  for (let i = 0; i < items.length; i++) map.set(keyOf(items[i]!), valueOf(items[i]!, i));
  return map;
}

// What the re-ranker reads from its candidates, kept for recently re-ranked chunks.
const headingTokens = recentByChunk<ReadonlySet<string>>(4096, (chunk) => new Set(tokenizeForSearch(chunk.headingPath.join(" "))));
const chunkBigrams = recentByChunk<Float64Array>(4096, (chunk) => hanBigramCodes(`${chunk.headingPath.join(" ")} ${chunk.text}`));
