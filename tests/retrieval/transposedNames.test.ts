import { describe, expect, it } from "vitest";
import { swappedCorpusName } from "../../src/retrieval/transposedNames.js";

/** Names written for this test (not from any evaluation set). */
describe("a three-letter name with two neighbouring letters swapped", () => {
  const corpus = new Set(["gpt", "gpu", "sft"]);
  const used = (token: string) => corpus.has(token);

  it("is the corpus's name misspelt", () => {
    expect(swappedCorpusName("gtp", used)).toBe(true);
    expect(swappedCorpusName("pgu", used)).toBe(true);
  });

  it("is not any name one edit away, nor a longer word", () => {
    // A substitution (spt for sft) or a name the corpus never uses is no swap.
    expect(swappedCorpusName("spt", used)).toBe(false);
    expect(swappedCorpusName("css", used)).toBe(false);
    expect(swappedCorpusName("gtpx", used)).toBe(false);
  });
});
