import { describe, expect, it } from "vitest";
import { describedConcept } from "../../src/retrieval/conceptDefinitions.js";

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
