import { describe, expect, it } from "vitest";
import { INDEX_FORMAT_VERSION } from "../../src/index/types.js";
import { cacheKey, cacheNamespace } from "../../src/ingest/embeddingCache.js";
import { TOKENIZER_ID } from "../../src/text/tokenize.js";

describe("the embedding cache's namespace", () => {
  it("ties the local embedder's vectors to the cut they hashed: the segmenter's version and the index format", () => {
    const local = cacheNamespace({ provider: "local", model: "hashed-lexical-v1", dimensions: 64 });
    expect(TOKENIZER_ID).toMatch(/^jieba@\d+\.\d+\.\d+/);
    expect(local).toBe(`local/hashed-lexical-v1/64/${TOKENIZER_ID}/format-${INDEX_FORMAT_VERSION}`);
    // So the same text under another cut is another key, and is embedded again.
    expect(cacheKey(local, "微调")).not.toBe(cacheKey(local.replace(TOKENIZER_ID, "jieba@0.0.0"), "微调"));
  });

  it("keeps a remote model's vectors across cuts and formats: they depend on neither", () => {
    expect(cacheNamespace({ provider: "openai", model: "text-embedding-3-small", dimensions: 0 })).toBe("openai/text-embedding-3-small");
  });
});
