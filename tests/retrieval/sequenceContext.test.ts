import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import type { CorpusDocument, Section } from "../../src/corpus/types.js";
import { READINESS_ASKED, sequencePassages } from "../../src/retrieval/sequenceContext.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";

/** A hand-made roadmap of two stages; the second has goals, resources, an assessment and a projects part. */
const headings: [string, number | undefined][] = [
  ["入门阶段", undefined],
  ["基础阶段", undefined],
  ["学习目标", 1],
  ["推荐资源", 1],
  ["阶段评估", 1],
  ["动手项目", 1],
];
const outline: Section[] = headings.map(([heading, parent], index) => ({
  index,
  heading,
  level: parent === undefined ? 1 : 2,
  headingPath: parent === undefined ? [heading] : [headings[parent]![0], heading],
  startLine: index * 3 + 1,
  endLine: index * 3 + 2,
  ...(parent === undefined ? {} : { parent }),
}));
const doc = { id: "d", title: "示例路线", outline } as unknown as CorpusDocument;
const chunks = outline.map(
  (s) =>
    ({ id: `c${s.index}`, docId: "d", sectionIndex: s.index, headingPath: s.headingPath, text: `${s.heading}的内容` }) as unknown as Chunk,
);
const ref = (index: number) => ({
  sectionIndex: index,
  heading: outline[index]!.heading,
  headingPath: outline[index]!.headingPath,
  startLine: 1,
  endLine: 2,
});
const position = { docId: "d", source: "d.md", title: "示例路线", topic: "入门阶段", at: ref(0), next: ref(1) };

const neighbourIds = (question: string) =>
  sequencePassages({
    positions: [position],
    direction: "next",
    documents: [doc],
    chunks,
    matches: [],
    topic: "入门阶段",
    language: "zh",
    chunksPerStage: 1,
    asked: new Set(tokenizeForSearch(question)),
  })
    .filter((p) => p.role === "next-section")
    .map((p) => p.chunk.id);

describe("sequencePassages", () => {
  it("gives the next stage's opening, and the part whose heading names what is asked", () => {
    expect(neighbourIds("下一阶段有哪些项目")).toEqual(["c1", "c5"]);
    // 阶段 names every stage's parts (阶段评估): it asks for none of them.
    expect(neighbourIds("下一阶段学什么")).toEqual(["c1"]);
  });
});

describe("READINESS_ASKED", () => {
  it("reads checking oneself at a stage's end as asking what one should be able to do", () => {
    // A stage's assessment section (阶段评估) says what a learner can do when done with it.
    for (const question of [
      "学完入门之后要怎么检验自己学会了",
      "这一段学完应该会哪些东西",
      "第三段结束后验收标准是啥",
      "怎么判断自己能往下走了",
      "进下一段之前要达到哪些标准",
      "結束時應該達到哪些要求",
      "这段学完要达到哪几条评估标准",
    ])
      expect(READINESS_ASKED.test(question), question).toBe(true);
    // Checking a model, or what a stage covers, is no learner's readiness.
    for (const question of ["怎么评测模型的效果", "这一段讲了哪些内容"]) expect(READINESS_ASKED.test(question), question).toBe(false);
  });
});
