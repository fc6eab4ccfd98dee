import { describe, expect, it } from "vitest";
import { LexicalIndex } from "../../src/index/LexicalIndex.js";
import { LEXICAL_CHUNKS } from "../support/lexicalChunks.js";

const chunks = LEXICAL_CHUNKS;

describe("LexicalIndex", () => {
  const index = LexicalIndex.fromChunks(chunks);

  it("finds chunks by Chinese and English terms and reports the matched query terms", () => {
    const hits = index.search("LoRA 微调是什么", 3);
    expect(hits[0]?.chunkId).toBe("lora");
    expect(hits[0]?.matchedTerms.sort()).toEqual(["lora", "微调"]);
    expect(hits[0]?.score).toBeGreaterThan(0);
  });

  it("matches heading words, since it indexes the contextual text", () => {
    expect(index.search("参数高效", 1)[0]?.chunkId).toBe("lora");
  });

  it("finds URL pieces and CamelCase parts", () => {
    expect(index.search("LLMSurvey", 1)[0]?.chunkId).toBe("survey");
    expect(index.search("rucaibox", 1)[0]?.chunkId).toBe("survey");
  });

  it("lets longer English words match as prefixes (transformer → transformers)", () => {
    expect(index.search("transformer", 1)[0]?.chunkId).toBe("rag");
  });

  it("returns nothing for words the corpus does not have or only stop words", () => {
    expect(index.search("红包 余额", 5)).toEqual([]);
    expect(index.search("什么 the of", 5)).toEqual([]);
    expect(index.search("LoRA", 0)).toEqual([]);
  });

  it("limits to k and ranks the chunk matching more terms first", () => {
    const hits = index.search("Python PyTorch 微调", 2);
    expect(hits).toHaveLength(2);
    expect(hits[0]?.chunkId).toBe("python");
  });
});
