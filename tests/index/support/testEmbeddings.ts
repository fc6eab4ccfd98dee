import { Embeddings } from "@langchain/core/embeddings";
import { LocalHashedEmbeddings } from "../../../src/embeddings/LocalHashedEmbeddings.js";
import type { EmbedderIdentity } from "../../../src/embeddings/types.js";

/**
 * The real local embedder with a counter in front: how many embedDocuments calls an ingest made
 * and which texts it sent. Optionally fails (or runs a hook) on a given call, to interrupt an
 * ingest half-way through its batches.
 */
export class CountingEmbeddings extends Embeddings {
  calls = 0;
  texts: string[] = [];
  private readonly local: LocalHashedEmbeddings;

  constructor(private readonly behaviour: { dimensions?: number; failOnCall?: number; onCall?: (call: number) => void } = {}) {
    super({});
    this.local = new LocalHashedEmbeddings({ dimensions: behaviour.dimensions ?? 64 });
  }

  identity(): EmbedderIdentity {
    return this.local.identity();
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    this.calls++;
    this.behaviour.onCall?.(this.calls);
    if (this.calls === this.behaviour.failOnCall) throw new Error(`embedding call ${this.calls} failed on purpose`);
    this.texts.push(...texts);
    return this.local.embedDocuments(texts);
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.local.embedQuery(text);
  }
}
