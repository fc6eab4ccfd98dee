import { describe, expect, it } from "vitest";
import { decideConfidence } from "../../src/retrieval/confidence.js";
import { learnerConceptFound, wordsNamingLearnerConcept } from "../../src/retrieval/learnerConcept.js";

// Token sets of leading passages, as the index cuts them.
const compression = new Set(["模型", "压缩", "量化", "蒸馏"]);
const hallucination = new Set(["降低", "幻觉"]);
const other = new Set(["向量", "数据库"]);

describe("learnerConceptFound", () => {
  it("finds a concept the question names in a learner's words and a leading passage in the documents' words", () => {
    expect(learnerConceptFound("怎么让模型少点胡编乱造？", [other, hallucination])).toBe(true);
    expect(learnerConceptFound("想给它瘦身一下，有啥办法", [compression])).toBe(false); // 瘦身: two characters, too little
    expect(learnerConceptFound("怎么才能让模型变小一点？", [compression])).toBe(true);
    expect(learnerConceptFound("how do I compress the model for a phone?", [compression])).toBe(true);
    // A glossary term is the documents' own word: the evidence score already counts it.
    expect(learnerConceptFound("any tips on model compression for phones?", [compression])).toBe(false);
  });

  it("finds a concept the question describes in its definition's words when a leading passage names it", () => {
    const described = { docTerms: ["量化"], shared: ["更少", "位数"], score: 11 };
    expect(learnerConceptFound("想把权重换成更少的位数存起来", [other, compression], described)).toBe(true);
    expect(learnerConceptFound("想把权重换成更少的位数存起来", [other, hallucination], described)).toBe(false);
  });

  it("gives the learner's words that named the concept: a described concept's shared units", () => {
    const described = { docTerms: ["量化"], shared: ["更少", "位数"], score: 11 };
    expect(wordsNamingLearnerConcept("想把权重换成更少的位数存起来", [compression], described)).toEqual(["更少", "位数"]);
    expect(wordsNamingLearnerConcept("想把权重换成更少的位数存起来", [hallucination], described)).toBeUndefined();
    const phrase = wordsNamingLearnerConcept("怎么让模型少点胡编乱造？", [hallucination]);
    expect(phrase?.length).toBeGreaterThan(0);
    expect(phrase?.every((word) => "怎么让模型少点胡编乱造？".includes(word))).toBe(true);
  });

  it("needs the concept in the leading passages", () => {
    expect(learnerConceptFound("怎么让模型少点胡编乱造？", [other, compression])).toBe(false);
  });

  it("gives a question the concept supports normal confidence, its evidence notwithstanding", () => {
    const thin = { evidence: 0.1, weak: false, missingDetails: [] };
    expect(decideConfidence(thin)).toBe("low");
    expect(decideConfidence({ ...thin, learnerConcept: true })).toBe("high");
    // An asked-for detail the passages lack still makes it low.
    expect(decideConfidence({ ...thin, learnerConcept: true, missingDetails: ["price"] })).toBe("low");
  });
});
