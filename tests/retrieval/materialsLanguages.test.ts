import { describe, expect, it } from "vitest";
import { materialsLanguage } from "../../src/retrieval/materialsLanguages.js";
import { unknownNames } from "../../src/retrieval/unknownNames.js";

/** Questions written for this test (not from any evaluation set). */
describe("the languages the materials are written in", () => {
  const corpus = new Set(["reading", "list", "llm"]);
  const used = (token: string) => corpus.has(token) || materialsLanguage(token);

  it("are no names the documents never use", () => {
    expect(unknownNames("Does the English reading list have an LLM survey?", used)).toEqual([]);
    expect(unknownNames("In the English-and-Chinese list, which LLM book comes first?", used)).toEqual([]);
  });

  it("leave any other language a name the documents never use", () => {
    expect(materialsLanguage("spanish")).toBe(false);
    expect(unknownNames("Is there a Spanish reading list for LLM?", used)).toEqual(["Spanish"]);
  });
});
