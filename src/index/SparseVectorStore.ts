import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { Document, type DocumentInterface } from "@langchain/core/documents";
import { VectorStore } from "@langchain/core/vectorstores";
import type { SparseVectorIndex } from "./SparseVectorIndex.js";

/**
 * The sparse exact index as a LangChain vector store, so retrieval queries it exactly as it
 * queries HNSWLib: similaritySearchVectorWithScore returns [document, cosine distance] with the
 * chunk id in metadata.chunkId. Read-only: an index version is immutable once written.
 */
export class SparseVectorStore extends VectorStore {
  declare FilterType: (doc: Document) => boolean;
  private readonly documents: Document[];

  constructor(
    embeddings: EmbeddingsInterface,
    readonly index: SparseVectorIndex,
    chunkIds: readonly string[],
  ) {
    super(embeddings, {});
    // One small document per label, made once, so a search allocates only its hits.
    this.documents = chunkIds.map((chunkId) => new Document({ pageContent: "", metadata: { chunkId } }));
  }

  _vectorstoreType(): string {
    return "sparse-exact";
  }

  async addVectors(): Promise<void> {
    throw new Error("an index version is immutable: run an ingest to change it");
  }

  async addDocuments(): Promise<void> {
    throw new Error("an index version is immutable: run an ingest to change it");
  }

  async similaritySearchVectorWithScore(query: number[], k: number, filter?: this["FilterType"]): Promise<[DocumentInterface, number][]> {
    const accept = filter ? (label: number) => filter(this.documents[label]!) : undefined;
    return this.index.search(query, k, accept).map(({ label, similarity }) => [this.documents[label]!, 1 - similarity]);
  }
}
