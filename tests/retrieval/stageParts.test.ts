import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import type { CorpusDocument, Section } from "../../src/corpus/types.js";
import { PARTS_ASKED, partsOfStage, stagePartsContext } from "../../src/retrieval/stageParts.js";

/** A hand-made outline: two stages, the second with a goals section and a section of specialist paths. */
const headings: [string, number, number | undefined][] = [
  ["进阶阶段", 1, undefined],
  ["学习目标", 2, 0],
  ["推荐资源", 2, 0],
  ["深耕阶段", 1, undefined],
  ["学习目标", 2, 3],
  ["专业方向细分", 2, 3],
  ["训练专家", 3, 5],
  ["部署专家", 3, 5],
  ["阶段评估", 2, 3],
  ["0x30 深入篇", 1, undefined],
  ["0x31 数据方向", 2, 9],
  ["0x32 推理方向", 2, 9],
];
const outline: Section[] = headings.map(([heading, level, parent], index) => ({
  index,
  heading,
  level,
  headingPath: [heading],
  startLine: index * 3 + 1,
  endLine: index * 3 + 2,
  ...(parent === undefined ? {} : { parent }),
}));
const doc = { id: "d", title: "示例路线", outline } as unknown as CorpusDocument;
const chunks = outline.map(
  (s) => ({ id: `c${s.index}`, docId: "d", sectionIndex: s.index, headingPath: [s.heading], text: s.heading }) as unknown as Chunk,
);
const position = (index: number) => ({
  docId: "d",
  source: "d.md",
  title: "示例路线",
  topic: "",
  at: { sectionIndex: index, heading: outline[index]!.heading, headingPath: [outline[index]!.heading], startLine: 1, endLine: 2 },
});

describe("a stage's parts", () => {
  it("are the first group of sections under it that its outline calls directions, tracks or specialist paths", () => {
    expect(partsOfStage(outline, outline[3]!)?.map((s) => s.heading)).toEqual(["训练专家", "部署专家"]);
    expect(partsOfStage(outline, outline[9]!)?.map((s) => s.heading)).toEqual(["0x31 数据方向", "0x32 推理方向"]);
    // Goals and resources are no directions.
    expect(partsOfStage(outline, outline[0]!)).toBeUndefined();
  });

  it("are given one passage each, unless the question is about one of them", () => {
    const context = (query: string) =>
      stagePartsContext({ query, positions: [position(3)], documents: [doc], chunks, language: "zh", maxParts: 4 });
    const found = context("深耕阶段分了哪几种专家路线？");
    expect(found?.parts).toEqual({
      docId: "d",
      title: "示例路线",
      stage: "深耕阶段",
      parts: [
        { heading: "训练专家", chunkId: "c6" },
        { heading: "部署专家", chunkId: "c7" },
      ],
    });
    expect(found?.passages.map((p) => p.chunk.id)).toEqual(["c6", "c7"]);
    expect(context("深耕阶段的训练专家包括哪些方向？")).toBeUndefined();
    // Two roadmaps' stages: no one stage to divide.
    expect(
      stagePartsContext({ query: "x", positions: [position(3), position(9)], documents: [doc], chunks, language: "zh", maxParts: 4 }),
    ).toBeUndefined();
  });

  it("are asked for by questions about directions, tracks or how a stage divides", () => {
    for (const q of [
      "第四段分了哪几种专家路线？",
      "那个阶段又细分成哪两种？",
      "Which tracks does the fourth stage offer?",
      "深入篇底下有哪些方向",
      // How many it divides into asks for them as well.
      "它下面分了几种专家路线？",
    ])
      expect(PARTS_ASKED.test(q), q).toBe(true);
    for (const q of ["第四段学什么？", "What comes after the fourth stage?", "第四段要学几个月？"])
      expect(PARTS_ASKED.test(q), q).toBe(false);
  });
});
