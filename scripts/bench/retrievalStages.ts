import type { IndexSnapshot } from "../../src/store/types.js";
import { analyzeQuery } from "../../src/retrieval/analyzeQuery.js";
import { reciprocalRankFusion, selectDiverse } from "../../src/retrieval/fusion.js";
import type { Passage, Retriever } from "../../src/retrieval/types.js";
import { summarize, timeCalls, type LatencySummary } from "./stats.js";

export interface StageOptions {
  iterations: number;
  warmup: number;
  /** Passages wanted (config RETRIEVAL_K); candidates per ranking follow HybridRetriever's over-fetch. */
  k: number;
  maxChunksPerSection: number;
}

export type RetrievalStage = "analyze" | "embedQuery" | "dense" | "lexical" | "fusion" | "search";

/** HybridRetriever fetches max(4k, 24) candidates from each ranking (capped by the corpus size). */
export function candidatesFor(k: number, chunks: number): number {
  return Math.min(chunks, Math.max(k * 4, 24));
}

/**
 * Each stage of hybrid search timed on its own, over the same queries, the way HybridRetriever
 * runs it: query analysis + glossary expansion, embedding the expanded query, HNSW over it, BM25
 * of the query as written and of the expanded one, then RRF of the three rankings + diverse
 * selection (near-duplicates out, per-section cap). Then the retriever's whole `search` for
 * comparison: what the parts don't explain is glue.
 */
export async function measureRetrievalStages(
  index: IndexSnapshot,
  retriever: Retriever,
  queries: readonly string[],
  options: StageOptions,
): Promise<Record<RetrievalStage, LatencySummary>> {
  const run = { iterations: options.iterations, warmup: options.warmup };
  const candidates = candidatesFor(options.k, index.chunks.length);
  const prepared = queries.map((query) => {
    const { expansions } = analyzeQuery(query);
    return { query, expanded: [query, ...expansions].join(" "), hasExpansions: expansions.length > 0 };
  });
  const vectors = await Promise.all(prepared.map((p) => index.embedQuery(p.expanded)));
  const lexical = async (p: (typeof prepared)[number]) => [
    (await index.lexicalSearch(p.query, candidates)).map((hit) => hit.chunkId),
    p.hasExpansions ? (await index.lexicalSearch(p.expanded, candidates)).map((hit) => hit.chunkId) : [],
  ];
  const rankings = await Promise.all(
    prepared.map(async (p, i) => [(await index.nearest(vectors[i] ?? [], candidates)).map((hit) => hit.chunkId), ...(await lexical(p))]),
  );

  const fuse = (lists: string[][]) => {
    const passages: Passage[] = [];
    for (const { id, score } of reciprocalRankFusion(lists)) {
      const chunk = index.chunkById.get(id);
      if (chunk) passages.push({ chunk, score, role: "match" });
    }
    return selectDiverse(passages, options.k, options.maxChunksPerSection);
  };

  return {
    analyze: summarize(await timeCalls(queries, (q) => analyzeQuery(q), run)),
    embedQuery: summarize(await timeCalls(prepared, (p) => index.embedQuery(p.expanded), run)),
    dense: summarize(await timeCalls(vectors, (v) => index.nearest(v, candidates), run)),
    lexical: summarize(await timeCalls(prepared, lexical, run)),
    fusion: summarize(await timeCalls(rankings, fuse, run)),
    search: summarize(await timeCalls(queries, (q) => retriever.search(q), run)),
  };
}
