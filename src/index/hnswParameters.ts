/**
 * HNSW parameters of the vector index (hnswlib-node's HierarchicalNSW, cosine space), chosen by
 * measurement with scripts/bench/scaleHnswSweep.ts: recall@10 against exact search for 200
 * keyword queries on the 10k-section synthetic scale corpus, local embedder (docs/performance.md).
 *
 * - Dimensions stay 1024 (LOCAL_EMBEDDING_DIMENSIONS): 256 builds ~1.5–3× faster but drops the dev
 *   set's hit@5 from 0.955 to 0.909 (hash collisions), beyond the 1-point budget.
 * - M 16, efConstruction 200: the cheapest build that reaches recall@10 ≥ 0.95 — 0.9585 at
 *   efSearch 512. efConstruction 64 builds ~40 % faster but tops out at 0.9155 (efSearch 512).
 * - efSearch 512: 128 gave only 0.73 and 256 0.87 on that corpus. The price is query time: the
 *   dense stage costs roughly 1.5–3× what it cost at 128 (a few ms at 10k chunks).
 *   The bundled corpus reaches 0.99 at any of these.
 */
export const HNSW_PARAMETERS = {
  /** Graph degree. */
  m: 16,
  /** Candidates explored while inserting: build time grows about linearly with it. */
  efConstruction: 200,
  /** Candidates explored per query (set on every loaded index). */
  efSearch: 512,
  seed: 100,
} as const;
