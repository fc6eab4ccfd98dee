import path from "node:path";
import { IndexEmbeddings } from "../../index/IndexEmbeddings.js";
import { SparseVectorStore } from "../../index/SparseVectorStore.js";
import type { LoadedIndex, StoredVectorDocument } from "../../index/types.js";
import type { ChunkFilter, DenseHit, IndexSnapshot } from "../types.js";

/**
 * The embedded store (the default): an index version loaded from files by src/index — HNSW
 * through LangChain's HNSWLib, BM25 postings in memory — seen through the store seam.
 */
export function embeddedSnapshot(index: LoadedIndex): IndexSnapshot {
  const allowed = (chunkId: string, filter: ChunkFilter | undefined) => {
    if (!filter?.documentIds) return true;
    const chunk = index.chunkById.get(chunkId);
    return chunk !== undefined && filter.documentIds.has(chunk.docId);
  };
  // The sparse index reads a query as any array of numbers; HNSWLib is given the number[] it expects.
  const embeddings = index.embeddings;
  const sparse = index.vectorStore instanceof SparseVectorStore ? index.vectorStore : undefined;
  const embedQuery =
    sparse && embeddings instanceof IndexEmbeddings
      ? (text: string) => embeddings.queryVector(text)
      : (text: string) => embeddings.embedQuery(text);
  const nearestSparse =
    sparse &&
    ((vector: ArrayLike<number>, k: number, filter: ChunkFilter | undefined) =>
      sparse
        .nearestChunks(vector, k, filter?.documentIds ? (chunkId) => allowed(chunkId, filter) : undefined)
        .filter((hit) => index.chunkById.has(hit.chunkId)));
  // The question's vector for nearestToText: embedded and searched in one synchronous step, so
  // one buffer serves every question.
  const queryScratch = sparse && embeddings instanceof IndexEmbeddings ? new Float32Array(sparse.index.dimensions) : undefined;
  return {
    store: "file",
    version: path.basename(index.dir),
    manifest: index.manifest,
    documents: index.documents,
    chunks: index.chunks,
    chunkById: index.chunkById,
    resources: index.resources,
    ...(index.fallbackFrom !== undefined ? { fallbackFrom: index.fallbackFrom } : {}),
    ...(index.lexicon !== undefined ? { lexicon: index.lexicon } : {}),
    termTable: index.termTable,
    embedQuery,
    ...(nearestSparse && queryScratch && embeddings instanceof IndexEmbeddings
      ? {
          async nearestToText(text: string, k: number, filter?: ChunkFilter): Promise<DenseHit[]> {
            const vector = embeddings.queryVectorInto(text, queryScratch);
            return nearestSparse(vector ?? (await embeddings.queryVector(text)), k, filter);
          },
        }
      : {}),
    async nearest(vector, k, filter): Promise<DenseHit[]> {
      if (nearestSparse) return nearestSparse(vector, k, filter);
      const accept = filter?.documentIds ? (doc: StoredVectorDocument) => allowed(chunkIdOf(doc), filter) : undefined;
      const hits = await index.vectorStore.similaritySearchVectorWithScore(asNumbers(vector), k, accept);
      // HNSWLib gives a cosine distance (lower is closer).
      return hits
        .map(([doc, distance]) => ({ chunkId: chunkIdOf(doc), similarity: 1 - distance }))
        .filter((hit) => index.chunkById.has(hit.chunkId));
    },
    async lexicalSearch(query, k, filter) {
      if (!filter?.documentIds) return index.lexical.search(query, k);
      // The best k of the chunks that pass, as Postgres' filtered SQL returns (not fewer than k).
      return index.lexical.search(query, k, (chunkId) => allowed(chunkId, filter));
    },
  };
}

/** The chunk id a vector-store document stands for. */
function chunkIdOf(doc: StoredVectorDocument): string {
  const metadata = doc.metadata;
  const id = metadata["chunkId"] ?? metadata["id"] ?? doc.id;
  // A number (an HNSWLib label) as text; anything else names no chunk and is filtered out.
  return typeof id === "string" ? id : typeof id === "number" ? String(id) : "";
}

/** A vector as the number[] HNSWLib takes (embedQuery gives one when the index is not sparse). */
function asNumbers(vector: ArrayLike<number>): number[] {
  return Array.isArray(vector) ? (vector as number[]) : Array.from(vector);
}
