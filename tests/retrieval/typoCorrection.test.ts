import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { TermStatistics } from "../../src/retrieval/termStatistics.js";
import { editDistance, TypoCorrector } from "../../src/retrieval/typoCorrection.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";

const chunk = (id: string, text: string) => ({ id, text, headingPath: [] }) as unknown as Chunk;
const statistics = new TermStatistics([chunk("a", "PyTorch 与 LangChain 入门"), chunk("b", "大模型微调与向量数据库")], tokenizeForSearch);
const corrector = new TypoCorrector(statistics);

describe("TypoCorrector", () => {
  it("fixes latin words by one edit, transpositions included", () => {
    expect(corrector.corrections(["pytoch", "langchian"], [])).toEqual(["pytorch", "langchain"]);
  });

  it("fixes Chinese homophone typos that keep the other characters", () => {
    expect(corrector.corrections([], ["大模型微掉"])).toContain("微调");
    expect(corrector.corrections([], ["向亮数据库"])).toContain("向量");
  });

  it("leaves correct and unknown words alone", () => {
    expect(corrector.corrections(["pytorch", "kubernetes"], ["微调"])).toEqual([]);
  });

  it("measures Damerau distance", () => {
    expect(editDistance("transfomer", "transformer", 2)).toBe(1);
    expect(editDistance("ab", "ba", 1)).toBe(1);
  });
});
