import type { SparseVectorIndex } from "./SparseVectorIndex.js";
import type { DenseVectorSearch, StoredVectorDocument } from "./types.js";

/**
 * The sparse exact index behind the same search method as HNSWLib (DenseVectorSearch), so
 * retrieval queries both alike: similaritySearchVectorWithScore returns [entry, cosine distance]
 * with the chunk id in metadata.chunkId. Read-only: an index version is immutable once written.
 * Not a LangChain VectorStore subclass: importing that class costs ~100 ms of start-up.
 */
export class SparseVectorStore implements DenseVectorSearch {
  private readonly documents: StoredVectorDocument[];

  constructor(
    readonly index: SparseVectorIndex,
    private readonly chunkIds: readonly string[],
  ) {
    // One small entry per label, made once, so a search allocates only its hits.
    this.documents = chunkIds.map((chunkId) => ({ pageContent: "", metadata: { chunkId } }));
  }

  async similaritySearchVectorWithScore(
    query: ArrayLike<number>,
    k: number,
    filter?: (doc: StoredVectorDocument) => boolean,
  ): Promise<[StoredVectorDocument, number][]> {
    const accept = filter ? (label: number) => filter(this.documents[label]!) : undefined;
    return this.index.search(query, k, accept).map(({ label, similarity }) => [this.documents[label]!, 1 - similarity]);
  }

  /**
   * similaritySearchVectorWithScore's hits as the store seam returns them (chunk id, similarity
   * as 1 − that cosine distance: the same double), without an entry and a distance pair per hit
   * in between. `accept` reads the chunk id.
   */
  nearestChunks(query: ArrayLike<number>, k: number, accept?: (chunkId: string) => boolean): { chunkId: string; similarity: number }[] {
    const hits = this.index.search(query, k, accept && ((label) => accept(this.chunkIds[label]!)));
    const found: { chunkId: string; similarity: number }[] = [];
    for (const { label, similarity } of hits) found.push({ chunkId: this.chunkIds[label]!, similarity: 1 - (1 - similarity) });
    return found;
  }
}
