import { describe, expect, it } from "vitest";
import { associatedTerms, associationsByWord } from "../../src/retrieval/learnedAssociations.js";
import associationData from "../../src/retrieval/learnedAssociations.json" with { type: "json" };

const table = associationsByWord([
  { word: "机房", term: "私有化", support: 3 },
  { word: "瘦身", term: "量化", support: 3 },
  { word: "squeezing", term: "量化", support: 2 },
]);
// A hand-made index: which tokens its passages hold.
const held = new Map([
  ["私有化", 4],
  ["量化", 6],
  ["部署", 9],
]);
const frequency = (token: string) => held.get(token) ?? 0;

describe("associatedTerms", () => {
  it("gives the field term for a learner's word the index never uses", () => {
    expect(associatedTerms(["机房", "部署"], frequency, table)).toEqual(["私有化"]);
  });

  it("gives each term once, and none the question already holds", () => {
    expect(associatedTerms(["瘦身", "squeezing"], frequency, table)).toEqual(["量化"]);
    expect(associatedTerms(["瘦身", "量化"], frequency, table)).toEqual([]);
  });

  it("leaves a word the index uses to find its own passages", () => {
    const indexUsesIt = (token: string) => (token === "机房" ? 1 : frequency(token));
    expect(associatedTerms(["机房"], indexUsesIt, table)).toEqual([]);
  });

  it("skips a term this index does not hold (a user's own corpus)", () => {
    expect(associatedTerms(["机房"], () => 0, table)).toEqual([]);
  });
});

describe("the shipped table", () => {
  it("was learned with its thresholds and pairs words the documents never use with a passage's and a line's term at most", () => {
    expect(associationData.thresholds.minSets).toBeGreaterThanOrEqual(2);
    const pairs = associationData.associations.map((a) => `${a.word}\t${a.term}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const termsPerWord = new Map<string, number>();
    for (const { word } of associationData.associations) termsPerWord.set(word, (termsPerWord.get(word) ?? 0) + 1);
    expect(Math.max(...termsPerWord.values())).toBeLessThanOrEqual(2 * associationData.thresholds.perWord);
    for (const a of associationData.associations) expect(a.support).toBeGreaterThanOrEqual(associationData.thresholds.minQuestions);
  });
});
