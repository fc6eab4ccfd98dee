import { Embeddings } from "@langchain/core/embeddings";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { IndexMismatch } from "../errors.js";
import { describeEmbedder } from "./describeEmbedder.js";
import type { EmbedderIdentity } from "../embeddings/types.js";

/**
 * The embedder as a loaded index uses it: every vector must have the index's size. A remote
 * model whose size was not known when the index was loaded (or that changed behind the same name)
 * fails here with a message that says what to do, instead of deep inside hnswlib.
 */
export class IndexEmbeddings extends Embeddings {
  constructor(
    private readonly inner: EmbeddingsInterface,
    private readonly built: EmbedderIdentity,
  ) {
    super({});
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors = await this.inner.embedDocuments(texts);
    for (const vector of vectors) this.check(vector);
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    const vector = await this.inner.embedQuery(text);
    this.check(vector);
    return vector;
  }

  private check(vector: number[]): void {
    if (vector.length !== this.built.dimensions) {
      throw new IndexMismatch(
        `The index was built with ${describeEmbedder(this.built)} but the configured embedder returns ${vector.length}-dimensional vectors; rebuild with npm run ingest.`,
      );
    }
  }
}
