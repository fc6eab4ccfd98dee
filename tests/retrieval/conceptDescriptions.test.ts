import { describe, expect, it } from "vitest";
import { describedConcept } from "../../src/retrieval/conceptDefinitions.js";
import { describedByLearner } from "../../src/retrieval/conceptDescriptions.js";

/** The real learners' descriptions (conceptDescriptions.json); the questions are written for this test. */
describe("describedByLearner", () => {
  it("finds the concept a question describes in a learner's words where the definitions find none, in either language", () => {
    for (const [question, name] of [
      ["bolt small add-on pieces onto the network beside the frozen weights so one ordinary graphics card is enough", "LoRA"],
      ["想让机器人先翻一翻我们自己的文档再回答，别瞎编", "RAG"],
    ] as const) {
      expect(describedByLearner(question)?.docTerms, question).toContain(name);
      expect(describedConcept(question), question).toBeUndefined();
    }
  });

  it("finds none for a question that describes nothing", () => {
    for (const question of ["学完LoRA之后该学什么", "家里的猫总是晚上叫，怎么办", "how do I bake sourdough bread at home?"])
      expect(describedByLearner(question), question).toBeUndefined();
  });
});
