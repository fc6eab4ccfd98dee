import { describe, expect, it } from "vitest";
import { findLooseLearnerPhrases, scannedLoosePhraseKeys } from "../../src/retrieval/looseLearnerPhrases.js";
import looseKeyData from "../../src/retrieval/looseLearnerPhraseKeys.json" with { type: "json" };

describe("looseLearnerPhraseKeys.json", () => {
  it("holds what the phrases read now give (else run scripts/build-loose-learner-phrase-keys.ts)", () => {
    const { source, keys, phrases, pairs } = scannedLoosePhraseKeys();
    expect({ source: looseKeyData.source, keys: looseKeyData.keys, phrases: looseKeyData.phrases, pairs: looseKeyData.pairs }).toEqual({
      source,
      keys,
      phrases,
      pairs,
    });
  });

  it("numbers every key a phrase or a pair names", () => {
    const { keys, phrases, pairs } = looseKeyData;
    for (const [, ...ids] of phrases) for (const id of ids) expect(keys[id]).toBeDefined();
    for (const id of pairs) expect(keys[id]).toMatch(/^\p{Script=Han}{2}$/u);
  });
});

describe("findLooseLearnerPhrases", () => {
  it("finds a phrase said in other order, with words between", () => {
    // The module's own example: most of 一步步想 / 逐步推理's pieces, in other order.
    const matches = findLooseLearnerPhrases("一步步把推理过程写出来");
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.every((m) => m.loose)).toBe(true);
  });
});
