import { describe, expect, it } from "vitest";
import { DEFAULT_ABSTAIN_THRESHOLD } from "../../src/config.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { sectionPastStages } from "../../src/retrieval/sectionsPastStages.js";
import { useBundledTestIndex } from "../support/buildTestIndex.js";
import { stagedProfile } from "../support/stagedProfile.js";

// Three stages, then two more numbered parts of the document.
const numbered = stagedProfile("doc-n", ["一、打基础阶段", "二、做应用阶段", "三、深钻阶段", "四、时间安排", "五、资源清单"]);
const roadmap = { ...numbered, stages: numbered.doc.outline.slice(0, 3) };
const fourth = { from: "start", position: 4 } as const;

describe("sectionPastStages", () => {
  it("reads a part counted by its place past the stages as the document's numbered part", () => {
    const position = sectionPastStages("那篇的第四部分讲什么", roadmap, fourth);
    expect(position).toMatchObject({ topic: "四、时间安排", previous: { heading: "三、深钻阶段" }, next: { heading: "五、资源清单" } });
    expect(sectionPastStages("what is the fifth section about?", roadmap, { from: "start", position: 5 })?.topic).toBe("五、资源清单");
    expect(sectionPastStages("what is in the last part?", roadmap, { from: "end", position: 1 })?.topic).toBe("五、资源清单");
  });

  it("leaves a stage's place, a stage unit and a document whose parts are not all numbered to the stages", () => {
    expect(sectionPastStages("那篇的第二部分讲什么", roadmap, { from: "start", position: 2 })).toBeUndefined();
    expect(sectionPastStages("那篇的第四阶段讲什么", roadmap, fourth)).toBeUndefined();
    const unnumbered = stagedProfile("doc-u", ["一、打基础阶段", "二、做应用阶段", "三、深钻阶段", "常见问题"]);
    expect(sectionPastStages("第四部分是什么", { ...unnumbered, stages: unnumbered.doc.outline.slice(0, 3) }, fourth)).toBeUndefined();
  });
});

describe("the section after the last stage", () => {
  // Stages, then sections with no number: a FAQ and resources.
  const guide = stagedProfile("doc-g", ["学习概览", "入门阶段", "进阶阶段", "学习资源", "常见问题"]);
  const staged = { ...guide, stages: guide.doc.outline.slice(1, 3) };
  const last = { from: "end", position: 1 } as const;

  it("is the document's next section, when the question asks for a section after the last stage", () => {
    expect(sectionPastStages("最后一个阶段后面接的是哪个部分？", staged, last)?.topic).toBe("学习资源");
    expect(sectionPastStages("which section comes after the last stage?", staged, last)?.topic).toBe("学习资源");
  });

  it("is nothing when it asks for a stage, or a section before or at a stage", () => {
    expect(sectionPastStages("最后一个阶段之后是哪个阶段？", staged, last)).toBeUndefined();
    expect(sectionPastStages("最后一个阶段之前是哪个部分？", staged, last)).toBeUndefined();
    expect(sectionPastStages("第一阶段之后是哪个部分？", staged, { from: "start", position: 1 })).toBeUndefined();
    // Unnumbered parts are not counted by their place.
    expect(sectionPastStages("第四部分是什么", staged, { from: "start", position: 4 })).toBeUndefined();
  });
});

describe("a document's part past its stages on the bundled corpus", () => {
  const built = useBundledTestIndex();
  const retriever = () =>
    new HybridRetriever({ index: () => built().snapshot, k: 5, maxChunksPerSection: 2, abstainThreshold: DEFAULT_ABSTAIN_THRESHOLD });

  it("answers the three-stage article's sixth part from that part, not as a stage past the end", async () => {
    const result = await retriever().retrieve("CSDN 上那篇三阶段的文章，第六部分写了些什么？");
    expect(result.roadmap.map((p) => p.at.heading)).toEqual(["六、持续学习建议"]);
    expect(result.passages[0]?.chunk.headingPath[0]).toBe("六、持续学习建议");
    expect(result.ordinalPastEnd).toBeUndefined();
  });

  it("answers the section after the five-stage guide's last stage from its table of contents and that section", async () => {
    const result = await retriever().retrieve("五个阶段那份指南，最后一个阶段后面紧接着的是哪一部分？");
    expect(result.roadmap.map((p) => p.at.heading)).toEqual(["持续学习资源"]);
    expect(result.passages[0]?.chunk.headingPath).toEqual(["目录"]);
    expect(result.passages[1]?.chunk.headingPath[0]).toBe("持续学习资源");
    expect(result.ordinalPastEnd).toBeUndefined();
  });

  it("still reads a fourth stage of the three-stage article as past its end", async () => {
    const result = await retriever().retrieve("CSDN 上那篇三阶段的文章，第四阶段学什么？");
    expect(result.ordinalPastEnd).toBe(3);
  });
});
