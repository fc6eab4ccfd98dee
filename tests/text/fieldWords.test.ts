import { describe, expect, it } from "vitest";
import { fieldWordSourcesOfProject } from "../../src/retrieval/fieldWordSources.js";
import { selectFieldWords } from "../../src/text/fieldWordSelection.js";
import fieldWordData from "../../src/text/fieldWords.json" with { type: "json" };
import { fieldWordsFingerprint } from "../../src/text/fieldWords.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";

describe("the field's words in the segmenter", () => {
  it("cuts the field's terms jieba's dictionary lacks whole, beside their pieces", () => {
    expect(tokenizeForSearch("怎样给多模态模型接一个向量数据库")).toEqual(
      expect.arrayContaining(["多模态", "模态", "向量数据库", "数据库"]),
    );
    expect(tokenizeForSearch("用思維鏈提示")).toContain("思维链");
  });

  it("holds the words written ahead of time, the same as choosing them again (else run scripts/build-field-words.ts)", () => {
    expect(fieldWordData.words).toEqual(selectFieldWords(fieldWordSourcesOfProject()).map(([word, frequency]) => [word, frequency]));
    expect(fieldWordData.words.length).toBeGreaterThan(100);
  });

  it("names the list it cuts with", () => {
    expect(fieldWordsFingerprint()).toMatch(/^[0-9a-f]{8}$/);
  });
});
