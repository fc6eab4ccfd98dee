import { describe, expect, it } from "vitest";
import { findEnglishLearnerPhrases } from "../../src/retrieval/learnerPhrases.js";

/** Questions written for this test; the phrases are learnerPhrases.json's own. */
describe("findEnglishLearnerPhrases", () => {
  const found = (text: string) => findEnglishLearnerPhrases(text).map((m) => [m.surface, [...m.entries[0]!.zh]]);

  it("matches a phrase in any inflection, however the words' stems were met before (they are remembered)", () => {
    for (let round = 0; round < 2; round++) {
      expect(found("which foundation models should I try")).toEqual([["foundation models", ["大模型", "大语言模型"]]]);
      expect(found("is a foundation model enough")).toEqual([["foundation model", ["大模型", "大语言模型"]]]);
      expect(found("hosted model or open-weight models?")).toEqual([
        ["hosted model", ["在线大模型", "闭源"]],
        ["open-weight models", ["开源大模型", "开源模型"]],
      ]);
      expect(found("the foundations of modelling")).toEqual([]);
    }
  });
});
