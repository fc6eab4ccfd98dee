import { describe, expect, it } from "vitest";
import { selectFieldWords, type FieldWordSources } from "../../src/text/fieldWordSelection.js";

/** A dictionary of a few words, so that what is missing from it is known. */
const DICTIONARY =
  ["向量 5000 n", "检索 3000 v", "方法 9000 n", "介绍 8000 v", "和 90000 c", "的 300000 uj", "数据 20000 n", "库 800 n"].join("\n") + "\n";

function sources(overrides: Partial<FieldWordSources>): FieldWordSources {
  return {
    dictionary: DICTIONARY,
    glossaryTerms: [],
    cedictHeadwords: [],
    corpusTexts: [],
    isStopWord: (word) => word === "的" || word === "和",
    ...overrides,
  };
}

const words = (chosen: readonly (readonly [string, number])[]) => chosen.map(([word]) => word);

describe("selectFieldWords", () => {
  it("adds the glossary's Chinese terms the dictionary lacks, and no term it has or that is not Chinese", () => {
    const chosen = selectFieldWords(sources({ glossaryTerms: ["向量检索", "向量", "RAG", "检"] }));
    expect(words(chosen)).toEqual(["向量检索"]);
  });

  it("gives each word a frequency at which jieba cuts it whole", () => {
    const [entry] = selectFieldWords(sources({ glossaryTerms: ["向量检索"] }));
    expect(entry?.[1]).toBeGreaterThanOrEqual(1);
  });

  it("adds a dictionary headword the corpus uses as a word at least twice", () => {
    const corpusTexts = ["介绍向量检索方法。", "向量检索介绍"];
    expect(words(selectFieldWords(sources({ cedictHeadwords: ["向量检索"], corpusTexts })))).toEqual(["向量检索"]);
    expect(words(selectFieldWords(sources({ cedictHeadwords: ["向量检索"], corpusTexts: corpusTexts.slice(0, 1) })))).toEqual([]);
  });

  it("does not add a headword the corpus holds only across its words, or one made with a function word", () => {
    // 量检 stands in 向量检索 twice, but the cut there is 向量 / 检索: it is no word of this corpus.
    const corpusTexts = ["介绍向量检索", "向量检索方法"];
    expect(words(selectFieldWords(sources({ cedictHeadwords: ["量检"], corpusTexts })))).toEqual([]);
    expect(words(selectFieldWords(sources({ cedictHeadwords: ["的方法"], corpusTexts: ["的方法", "的方法"] })))).toEqual([]);
  });
});
