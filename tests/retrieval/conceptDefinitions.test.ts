import { describe, expect, it } from "vitest";
import {
  conceptUnitsTable,
  describedConcept,
  questionUnits,
  reverseDictionary,
  unitOfToken,
} from "../../src/retrieval/conceptDefinitions.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";
import definitionData from "../../src/retrieval/conceptDefinitions.json" with { type: "json" };
import descriptionData from "../../src/retrieval/conceptDescriptions.json" with { type: "json" };
import conceptUnitData from "../../src/retrieval/conceptUnits.json" with { type: "json" };

/** The real glossary of definitions (conceptDefinitions.json); the questions are written for this test. */
describe("describedConcept", () => {
  it("finds the concept a question describes in its definition's words, in either language", () => {
    expect(describedConcept("how do I stop the bot from confidently inventing facts?")?.docTerms).toContain("幻觉");
    expect(describedConcept("模型太大了，想把权重换成更少的位数存起来")?.docTerms).toContain("量化");
  });

  it("finds none for a question that describes nothing, or only shares everyday words", () => {
    for (const question of ["学完LoRA之后该学什么", "how do I bake sourdough bread at home?", "which course should I take first?"])
      expect(describedConcept(question), question).toBeUndefined();
  });
});

describe("questionUnits", () => {
  it("holds each token's unit, its tokens' units remembered from question to question", () => {
    const questions = [
      "模型训练完之后怎么部署上线",
      "how do I deploy a trained model",
      "模型部署 and training 有什么 the 区别",
      "部署模型需要 GPU 吗",
    ];
    for (const question of [...questions, ...questions.map((q) => `${q}？`)]) {
      const units = new Set(tokenizeForSearch(question).flatMap((token) => unitOfToken(token) ?? []));
      expect([...questionUnits(question)]).toEqual([...units]);
    }
  });
});

describe("reverseDictionary", () => {
  // One described concept among 99 with no words: each of its units is held by it alone (idf ln 100).
  const entries = [
    { docTerms: ["剪枝"], zh: ["不知道该删掉哪几个连接，模型才能变小"], en: ["cutting connections"] },
    ...Array.from({ length: 99 }, () => ({ docTerms: ["x"], zh: ["。"], en: ["."] })),
  ];

  it("counts a word and its part once when told to: one shared word is no description", () => {
    const question = "周末去公园，带哪几个零食好？";
    expect(reverseDictionary(entries)(question)?.docTerms).toEqual(["剪枝"]);
    expect(reverseDictionary(entries, { nestedOnce: true })(question)).toBeUndefined();
  });

  it("still finds a concept through two distinct words", () => {
    expect(reverseDictionary(entries, { nestedOnce: true })("删掉一些连接可以吗")?.docTerms).toEqual(["剪枝"]);
  });
});

describe("conceptUnits.json", () => {
  it("holds every definition's and description's units as tokenizing finds them today (else run scripts/build-concept-units.ts)", () => {
    const units = conceptUnitsTable([...definitionData.entries, ...descriptionData.entries]);
    expect(Object.keys(conceptUnitData.units).sort()).toEqual(Object.keys(units).sort());
    // Each text's units in the order tokenizing finds them: the holders' lists are built in that order.
    expect(conceptUnitData.units).toEqual(units);
  });
});
