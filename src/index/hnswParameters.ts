/**
 * HNSW parameters of the vector index (hnswlib-node's HierarchicalNSW, cosine space).
 * Chosen by measurement, see README "Performance" (recall@10 against exact search on the
 * synthetic scale corpus): the lowest build cost that keeps recall@10 ≥ 0.95.
 */
export const HNSW_PARAMETERS = {
  /** Graph degree. */
  m: 16,
  /** Candidates explored while inserting: build time grows about linearly with it. */
  efConstruction: 200,
  /** Candidates explored per query; above k so recall stays high on larger corpora. */
  efSearch: 128,
  seed: 100,
} as const;
