import { describe, expect, it } from "vitest";
import { questionExpansions } from "../../src/retrieval/questionExpansions.js";
import associationData from "../../src/retrieval/learnedAssociations.json" with { type: "json" };
import { useRetrievalFixtureIndex } from "../support/buildTestIndex.js";

/** A real index of the hand-made roadmaps in tests/fixtures/retrieval/corpus (local embedder). */
describe("questionExpansions", () => {
  const index = useRetrievalFixtureIndex();

  it("adds the glossary's names of a concept in the other language", () => {
    const expansions = questionExpansions(index(), "which book should I read for fine-tuning", {});
    expect(expansions).toEqual(expect.arrayContaining(["书籍", "微调"]));
  });

  it("adds the corpus word a misspelt word stands for only when typo repair is on", () => {
    expect(questionExpansions(index(), "Lroa fine tuning", {})).toContain("lora");
    expect(questionExpansions(index(), "Lroa fine tuning", { typos: false })).not.toContain("lora");
    expect(questionExpansions(index(), "LoRA 微条需要多少显存", {})).toContain("微调");
    expect(questionExpansions(index(), "LoRA 微条需要多少显存", { typos: false })).not.toContain("微调");
  });

  it("reads a term of several words with a misspelt word in it, only when typo repair is on", () => {
    // "modle" hides "generative model" from the glossary until it is read as the corpus's "model".
    expect(questionExpansions(index(), "generative modle 是什么", {})).toContain("生成式模型");
    expect(questionExpansions(index(), "generative modle 是什么", { typos: false })).not.toContain("生成式模型");
  });

  it("adds the documents' names of a concept the question describes, unless definitions are off", () => {
    const question = "模型太大了，想把权重换成更少的位数存起来";
    expect(questionExpansions(index(), question, {})).toContain("量化");
    // The learned associations may also reach 量化 from a learner's word: off too, to see the definitions' part.
    expect(questionExpansions(index(), question, { definitions: false, associations: false })).not.toContain("量化");
  });

  it("adds the field term learned for a learner's word the documents never use, unless associations are off", () => {
    // Any shipped pair whose term this fixture index holds and no other source reaches.
    const reached = associationData.associations.filter(({ word, term }) => {
      const on = questionExpansions(index(), `${word} 怎么学`, {});
      const off = questionExpansions(index(), `${word} 怎么学`, { associations: false });
      return on.includes(term) && !off.includes(term);
    });
    expect(reached.length).toBeGreaterThan(0);
  });
});
