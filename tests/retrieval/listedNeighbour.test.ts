import { describe, expect, it } from "vitest";
import { DEFAULT_ABSTAIN_THRESHOLD } from "../../src/config.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { listedNeighbour } from "../../src/retrieval/listedNeighbour.js";
import { chunk } from "../fixtures/answering/passages.js";
import { useBundledTestIndex } from "../support/buildTestIndex.js";
import { stagedProfile } from "../support/stagedProfile.js";

// A roadmap of two stages (outline sections 1 and 2) after an overview (section 0) that lists its habits.
const profile = stagedProfile("doc-a", ["学习概览", "第一阶段：打基础", "第二阶段：做项目"]);
const roadmap = { ...profile, stages: profile.doc.outline.slice(1) };
const overview = chunk({
  id: "overview",
  sectionIndex: 0,
  headingPath: ["学习概览"],
  text: "学习习惯：\n- **每天复盘**：写下当天学到的东西\n- **先跑通再优化**：先做出能用的版本\n- **多读源码**：看懂框架内部",
});
const inStage = chunk({
  id: "stage-one",
  sectionIndex: 1,
  headingPath: ["第一阶段：打基础"],
  text: "- **向量检索**：入门\n- **提示词**：写法\n- **函数调用**：工具",
});
const toc = chunk({ id: "toc", sectionIndex: 0, text: "- [学习概览](#a)\n- [第一阶段：打基础](#b)\n- [第二阶段：做项目](#c)" });

const neighbour = (topic: string, direction: "next" | "previous", chunks = [overview, inStage, toc]) =>
  listedNeighbour({ topic, direction, chunks, profiles: [roadmap], named: undefined });

describe("listedNeighbour", () => {
  it("gives the item before or after the one a list outside the stages names by its bold label", () => {
    expect(neighbour("先跑通再优化", "previous")).toEqual({
      passage: { chunk: overview, score: 0, role: "match" },
      item: "每天复盘：写下当天学到的东西",
    });
    expect(neighbour("先跑通再优化", "next")?.item).toBe("多读源码：看懂框架内部");
  });

  it("gives nothing past the list's ends, for a term inside an item, or for a list inside a stage", () => {
    expect(neighbour("每天复盘", "previous")).toBeUndefined();
    expect(neighbour("多读源码", "next")).toBeUndefined();
    // 源码 is a word of an item, not the label it is named by.
    expect(neighbour("源码", "previous")).toBeUndefined();
    // The stage's own list: "提示词之后" is the next stage's question, placed by the stages.
    expect(neighbour("提示词", "next")).toBeUndefined();
  });

  it("leaves a list that stands for the document's sections (a table of contents) to the outline", () => {
    expect(neighbour("第一阶段：打基础", "next")).toBeUndefined();
    expect(neighbour("打基础", "next")).toBeUndefined();
  });

  it("gives nothing when two lists name the item", () => {
    const again = chunk({ ...overview, id: "again" });
    expect(neighbour("先跑通再优化", "next", [overview, again])).toBeUndefined();
  });

  it("reads the lists of the roadmaps it is given, each in its own array (the ones a request's filters allow)", () => {
    const otherProfile = stagedProfile("doc-b", ["概览", "第一阶段：入门"]);
    const other = { ...otherProfile, stages: otherProfile.doc.outline.slice(1) };
    const otherOverview = chunk({
      id: "other-overview",
      docId: "doc-b",
      text: "- **先跑通再优化**：边做边改\n- **写博客**：讲给别人听\n- **找同伴**：一起学",
    });
    const chunks = [overview, otherOverview];
    const among = (profiles: (typeof roadmap)[]) =>
      listedNeighbour({ topic: "先跑通再优化", direction: "next", chunks, profiles, named: undefined })?.item;
    // Both roadmaps list the item: no one neighbour. Each alone, in a new array each time: its own list's.
    expect(among([roadmap, other])).toBeUndefined();
    expect(among([other])).toBe("写博客：讲给别人听");
    expect(among([roadmap])).toBe("多读源码：看懂框架内部");
    expect(among([other])).toBe("写博客：讲给别人听");
    expect(among([roadmap, other])).toBeUndefined();
  });
});

describe("a listed item's neighbour on the bundled corpus", () => {
  const built = useBundledTestIndex();
  const retriever = () =>
    new HybridRetriever({ index: () => built().snapshot, k: 5, maxChunksPerSection: 2, abstainThreshold: DEFAULT_ABSTAIN_THRESHOLD });

  it("answers from the guide's design principles, not from a stage around the item", async () => {
    const result = await retriever().retrieve("那份指南的设计原则中，「分专业方向」后面那一条讲的是什么？");
    expect(result.askedPart?.item).toBe("持续更新：跟踪领域最新发展");
    expect(result.passages[0]?.chunk.headingPath).toEqual(["学习路径概览"]);
    expect(result.roadmap).toEqual([]);
  });

  it("still answers what comes after a stage from the next stage", async () => {
    const result = await retriever().retrieve("应用篇之后是哪一篇？");
    expect(result.askedPart).toBeUndefined();
    expect(result.roadmap.length).toBeGreaterThan(0);
  });
});
