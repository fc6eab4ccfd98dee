import type { LoadedIndex } from "../../src/index/types.js";
import { storedVectors } from "../../src/index/vectorIndexFiles.js";

/** Exact nearest neighbours by cosine (brute force), the ground truth for HNSW recall. */
export function exactTopK(vectors: readonly ArrayLike<number>[], query: ArrayLike<number>, k: number): number[] {
  let queryNorm = 0;
  for (let i = 0; i < query.length; i++) queryNorm += query[i]! * query[i]!;
  const scored: { label: number; score: number }[] = [];
  for (const [label, vector] of vectors.entries()) {
    let dot = 0;
    let norm = 0;
    for (let i = 0; i < query.length; i++) {
      dot += vector[i]! * query[i]!;
      norm += vector[i]! * vector[i]!;
    }
    scored.push({ label, score: dot / Math.sqrt(norm * queryNorm || 1) });
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map((s) => s.label);
}

/** Mean share of the exact top k that the approximate search also returned. */
export function recallAtK(found: readonly (readonly number[])[], exact: readonly (readonly number[])[]): number {
  let sum = 0;
  for (const [i, truth] of exact.entries()) {
    const got = new Set(found[i]);
    sum += truth.length === 0 ? 1 : truth.filter((label) => got.has(label)).length / truth.length;
  }
  return exact.length === 0 ? 1 : sum / exact.length;
}

/** What HNSWLib's index offers for reading vectors back (hnswlib-node's HierarchicalNSW). */
interface ReadableIndex {
  getCurrentCount(): number;
  getPoint(label: number): number[];
  searchKnn(query: number[], k: number): { neighbors: number[] };
}

/**
 * recall@k of the live index for these query vectors, against exact search over the vectors read
 * back one at a time (streaming, so measuring it adds no memory at 100k chunks).
 */
export function indexRecallAtK(index: ReadableIndex, queries: readonly number[][], k: number): number {
  const best = queries.map(() => [] as { label: number; score: number }[]);
  const norms = queries.map((q) => Math.sqrt(q.reduce((sum, x) => sum + x * x, 0)) || 1);
  const count = index.getCurrentCount();
  for (let label = 0; label < count; label++) {
    const vector = index.getPoint(label);
    let norm = 0;
    for (const x of vector) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (const [qi, query] of queries.entries()) {
      let dot = 0;
      for (let i = 0; i < query.length; i++) dot += vector[i]! * query[i]!;
      const score = dot / (norm * norms[qi]!);
      const top = best[qi]!;
      if (top.length < k || score > top[top.length - 1]!.score) {
        top.push({ label, score });
        top.sort((a, b) => b.score - a.score);
        if (top.length > k) top.pop();
      }
    }
  }
  const found = queries.map((q) => index.searchKnn(q, Math.min(k, count)).neighbors);
  return recallAtK(
    found,
    best.map((top) => top.map((t) => t.label)),
  );
}

/**
 * recall@k of a loaded index's vector store (HNSW or the exact sparse one) against exact cosine
 * search over its stored vectors, read back one at a time (no extra memory at 100k chunks).
 */
export async function storeRecallAtK(index: LoadedIndex, queries: readonly number[][], k: number): Promise<number> {
  const { count, vectorAt } = storedVectors(index.vectorStore);
  const exact = queries.map(() => [] as { label: number; score: number }[]);
  for (let label = 0; label < count; label++) {
    const vector = vectorAt(label);
    for (const [qi, query] of queries.entries()) {
      const score = cosine(vector, query);
      const top = exact[qi]!;
      if (top.length < k || score > top[top.length - 1]!.score) {
        top.push({ label, score });
        top.sort((a, b) => b.score - a.score || a.label - b.label);
        if (top.length > k) top.pop();
      }
    }
  }
  const found: number[][] = [];
  const labelOf = new Map(index.chunks.map((chunk, label) => [chunk.id, label]));
  for (const query of queries) {
    const hits = await index.vectorStore.similaritySearchVectorWithScore(query, Math.min(k, count));
    found.push(hits.map(([doc]) => labelOf.get((doc.metadata as { chunkId: string }).chunkId) ?? -1));
  }
  return recallAtK(
    found,
    exact.map((top) => top.map((t) => t.label)),
  );
}

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < b.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / (Math.sqrt(na * nb) || 1);
}
