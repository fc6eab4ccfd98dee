import { Embeddings } from "@langchain/core/embeddings";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { IndexMismatch } from "../errors.js";
import { describeEmbedder } from "./describeEmbedder.js";
import { isTokenAware, type EmbedderIdentity } from "../embeddings/types.js";

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

  /**
   * The query's vector for an index that reads it as an array of numbers (the sparse exact index,
   * pgvector's literal): a token-aware embedder's Float32Array as it is made, not copied into a
   * number[] of every dimension per question. The same values as embedQuery's.
   */
  async queryVector(text: string): Promise<ArrayLike<number>> {
    const vector = isTokenAware(this.inner) ? this.inner.embedText(text) : await this.inner.embedQuery(text);
    this.check(vector);
    return vector;
  }

  /**
   * queryVector written into `into` at once, for a caller that searches it in the same synchronous
   * step and reuses the buffer; undefined when the embedder is not token-aware (a remote one
   * answers asynchronously).
   */
  queryVectorInto(text: string, into: Float32Array): Float32Array | undefined {
    if (!isTokenAware(this.inner)) return undefined;
    const vector = this.inner.embedText(text, into);
    this.check(vector);
    return vector;
  }

  private check(vector: ArrayLike<number>): void {
    if (vector.length !== this.built.dimensions) {
      throw new IndexMismatch(
        `The index was built with ${describeEmbedder(this.built)} but the configured embedder returns ${vector.length}-dimensional vectors; rebuild with npm run ingest.`,
      );
    }
  }
}
