import { describe, expect, it } from "vitest";
import { decideConfidence } from "../../src/retrieval/confidence.js";
import { outsideSubjectIsSituation } from "../../src/retrieval/outsideSituation.js";

describe("outsideSubjectIsSituation", () => {
  it("holds a subject the concept was named through: a described concept's units, a learners' phrase", () => {
    // "can a model run on my phone instead of a server?": 端侧部署 described through the phone.
    expect(outsideSubjectIsSituation(["phone"], ["en:phone", "en:server"])).toBe(true);
    // "phones": the stem is the unit.
    expect(outsideSubjectIsSituation(["phones"], ["en:phone", "en:server"])).toBe(true);
    expect(outsideSubjectIsSituation(["tablet"], ["run on a tablet"])).toBe(true);
    // 文科 inside the learners' phrase 文科生; 衣服 a unit of 虚拟试衣's description.
    expect(outsideSubjectIsSituation(["文科"], ["文科生", "从哪开始"])).toBe(true);
    expect(outsideSubjectIsSituation(["网购", "衣服"], ["衣服", "效果"])).toBe(true);
  });

  it("does not hold a subject the concept was named beside", () => {
    // "考公的时候数学用哪本书": 数学基础 described by 数学, not by 考公.
    expect(outsideSubjectIsSituation(["考公"], ["数学", "数学基础"])).toBe(false);
    // "my spreadsheet formula gives an error though the cell clearly has a value": prompt engineering through "gives … clearly".
    expect(outsideSubjectIsSituation(["spreadsheet"], ["en:give", "en:clearli"])).toBe(false);
    // "网页设计入门有没有好的教程": 设计 is the subject's own head, a web page's design, not the field's.
    expect(outsideSubjectIsSituation(["网页设计"], ["设计", "入门", "教程"])).toBe(false);
    // A phrase holds an English subject only as whole words.
    expect(outsideSubjectIsSituation(["art"], ["smart phone apps"])).toBe(false);
  });
});

describe("an outside subject beside a learners' concept (confidence.ts)", () => {
  const signals = { evidence: 0.5, weak: false, missingDetails: [], outsideSubject: true, learnerConcept: true };

  it("is high when the subject named the concept: the learner's situation", () => {
    expect(decideConfidence({ ...signals, outsideSubjectNamesConcept: true })).toBe("high");
  });

  it("is low at best when the concept was named by other words: the subject is what is asked", () => {
    expect(decideConfidence(signals)).toBe("low");
    // A roadmap the learner named, leading the answer, is still about the materials.
    expect(decideConfidence({ ...signals, namedRoadmapLeads: true })).toBe("high");
  });
});
