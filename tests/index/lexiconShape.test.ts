import { describe, expect, it } from "vitest";
import { hasLexiconShape, lexiconSchema } from "../../src/index/indexSchemas.js";

/** hasLexiconShape is lexiconSchema checked by hand (loadIndex reads lexicon.json with it first): they must accept the same files. */
const valid = {
  glosses: { 微调: ["fine-tune", "fine-tuning"], 向量: ["vector"] },
  englishWords: ["model", "vector"],
  looked: ["微调"],
  generalIdf: { median: 9.5, idf: { 微调: 11.2, 模型: 6 } },
  sounds: { 微调: ["weitiao", "weidiao"] },
};

const variants: [string, unknown][] = [
  ["whole", valid],
  ["the optional fields left out", { glosses: valid.glosses, englishWords: valid.englishWords }],
  ["empty tables", { glosses: {}, englishWords: [], sounds: {}, generalIdf: { median: 0, idf: {} } }],
  ["an unknown field beside them", { ...valid, extra: 1 }],
  ["not an object", [valid]],
  ["null", null],
  ["glosses missing", { englishWords: [] }],
  ["glosses as an array", { ...valid, glosses: [["微调", ["fine-tune"]]] }],
  ["a gloss that is not a list", { ...valid, glosses: { 微调: "fine-tune" } }],
  ["a gloss list holding a number", { ...valid, glosses: { 微调: ["fine-tune", 3] } }],
  ["englishWords as an object", { ...valid, englishWords: { model: true } }],
  ["looked as null", { ...valid, looked: null }],
  ["generalIdf without its median", { ...valid, generalIdf: { idf: {} } }],
  ["an idf that is a string", { ...valid, generalIdf: { median: 1, idf: { 微调: "11" } } }],
  ["an infinite idf (1e999 in the file)", { ...valid, generalIdf: { median: 1, idf: { 微调: JSON.parse("1e999") as number } } }],
  ["sounds as null", { ...valid, sounds: null }],
  ["a sound list holding null", { ...valid, sounds: { 微调: [null] } }],
];

describe("hasLexiconShape", () => {
  it.each(variants)("agrees with lexiconSchema on %s", (_name, value) => {
    expect(hasLexiconShape(value)).toBe(lexiconSchema.safeParse(value).success);
  });

  it("accepts the valid ones and refuses the others", () => {
    expect(variants.filter(([, value]) => hasLexiconShape(value)).map(([name]) => name)).toEqual([
      "whole",
      "the optional fields left out",
      "empty tables",
      "an unknown field beside them",
    ]);
  });
});
