import { describe, expect, it } from "vitest";
import {
  findEnglishLearnerPhrases,
  findGappedHanLearnerPhrases,
  learnerPhraseStemsTable,
  learnerPhraseTokensTable,
} from "../../src/retrieval/learnerPhrases.js";
import learnerPhraseTokenData from "../../src/retrieval/learnerPhraseTokens.json" with { type: "json" };

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

describe("a two-character learner's phrase split as a verb-object compound (离合词)", () => {
  const surfaces = (text: string) => findGappedHanLearnerPhrases(text).map((m) => m.surface);

  it("is found around an aspect marker or a quantity: 踩坑 as 踩了不少坑, 踩过哪些坑", () => {
    expect(surfaces("转行的时候踩了不少坑")).toContain("踩了不少坑");
    expect(surfaces("新手一般踩过哪些坑？")).toContain("踩过哪些坑");
    // 的 makes the verb a clause on its object: the pits one steps into.
    expect(surfaces("學大模型時最常踩的坑有哪些？")).toContain("踩的坑");
    expect(surfaces("新手踩过的坑都有啥")).toContain("踩过的坑");
    // Other characters between the two are no such split, nor is 的 at the end.
    expect(surfaces("踩在坑边")).not.toContain("踩在坑");
    expect(surfaces("踩的")).toEqual([]);
  });
});

describe("learnerPhraseTokens.json", () => {
  it("holds every Chinese phrase's search tokens as the tokenizer cuts them today (else run scripts/build-learner-phrase-tokens.ts)", () => {
    const tokens = learnerPhraseTokensTable();
    expect(Object.keys(learnerPhraseTokenData.tokens).sort()).toEqual(Object.keys(tokens).sort());
    expect(learnerPhraseTokenData.tokens).toEqual(tokens);
  });

  it("holds every English phrase's stems as the stemmer finds them today (else run scripts/build-learner-phrase-tokens.ts)", () => {
    const stems = learnerPhraseStemsTable();
    expect(Object.keys(learnerPhraseTokenData.stems).sort()).toEqual(Object.keys(stems).sort());
    expect(learnerPhraseTokenData.stems).toEqual(stems);
    // Articles are left out, as a question's words are (findEnglishLearnerPhrases).
    expect(stems["the transformer paper"]).toEqual(["transform", "paper"]);
  });
});
