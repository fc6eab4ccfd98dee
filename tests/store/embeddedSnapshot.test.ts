import { describe, expect, it } from "vitest";
import { embeddedSnapshot } from "../../src/store/embedded/embeddedSnapshot.js";
import { useBundledTestIndex } from "../support/buildTestIndex.js";

const built = useBundledTestIndex();

describe("embeddedSnapshot's dense search", () => {
  // The sparse index reads the local embedder's Float32Array as it is made: no number[] of every
  // dimension per question. It must be the very vector embedQuery gives, and find the same chunks.
  it("gives the sparse index the embedder's own vector, with embedQuery's values and neighbours", async () => {
    const snapshot = embeddedSnapshot(built().index);
    for (const question of ["LoRA 微调 低秩适配", "what is RAG", "学习路线 第一阶段"]) {
      const vector = await snapshot.embedQuery(question);
      expect(vector).toBeInstanceOf(Float32Array);
      const plain = await built().index.embeddings.embedQuery(question);
      expect(Array.from(vector)).toEqual(plain);
      expect(await snapshot.nearest(vector, 5)).toEqual(await snapshot.nearest(plain, 5));
    }
  });

  it("finds the same hits embedding and searching in one step (nearestToText) as through embedQuery, filtered or not", async () => {
    const snapshot = embeddedSnapshot(built().index);
    expect(snapshot.nearestToText).toBeDefined();
    const someDocuments = new Set(
      built()
        .index.documents.slice(0, 2)
        .map((d) => d.id),
    );
    for (const question of ["LoRA 微调 低秩适配", "what is RAG", "学习路线 第一阶段", "Transformer 注意力机制"]) {
      for (const filter of [undefined, { documentIds: someDocuments }]) {
        const expected = await snapshot.nearest(await snapshot.embedQuery(question), 24, filter);
        expect(expected.length).toBeGreaterThan(0);
        // Twice: the second question reuses the buffer the first was embedded in.
        expect(await snapshot.nearestToText!(question, 24, filter)).toEqual(expected);
        expect(await snapshot.nearestToText!(question, 24, filter)).toEqual(expected);
      }
    }
  });
});
