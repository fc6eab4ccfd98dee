import { describe, expect, it } from "vitest";
import { ExtractiveAnswerer } from "../../src/answering/ExtractiveAnswerer.js";
import { moved, movedOn, samePlace, withStageSwapped } from "../../src/answering/stageMoves.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { useRetrievalFixtureIndex } from "../support/buildTestIndex.js";

describe("movedOn", () => {
  it("asks the previous question of the stage one step on, by its place", () => {
    expect(movedOn("那下一阶段呢？", "第二阶段要做什么项目", true)).toBe("第3阶段 要做什么项目");
    expect(movedOn("and the stage right after that one?", "which projects does the second stage list?", true)).toBe(
      "which projects does the 第3阶段 list?",
    );
    // A detail the follow-up asks itself comes along.
    expect(movedOn("那下一阶段要多久？", "第二阶段要做什么项目", true)).toMatch(/^要多久 第3阶段/u);
    // So does asking whether one is ready to move on (the stage's assessment).
    expect(movedOn("学完这些以后，怎么检验自己能进下一阶段？", "基础篇要看哪些书", false)).toMatch(/检验自己.*基础篇之后/u);
  });

  it("reads a bare step (下一个, the one before) after a stage question as a step to the neighbouring stage", () => {
    expect(movedOn("那再下一个呢？", "七阶段那篇的第三阶段是什么？", true)).toBe("七阶段那篇的 第4阶段 是什么？");
    expect(movedOn("上一个呢？", "七阶段那篇的第三阶段是什么？", true)).toBe("七阶段那篇的 第2阶段 是什么？");
    expect(movedOn("and the one before it?", "what is the third stage of the seven-stage roadmap?", true)).toMatch(/第2阶段/u);
    // From the last stage the step leaves the roadmap: asked as "after the last stage", which is past the end.
    expect(movedOn("那下一个呢？", "五阶段指南的最后一个阶段是什么？", true)).toBe("五阶段指南的 最后一个阶段之后 是什么？");
  });

  it("moves from a stage named by its name with a direction the retriever reads", () => {
    expect(movedOn("那之后呢？", "基础篇要看哪些书", false)).toBe("基础篇之后要看哪些书");
    // 前沿 and 后端 are words, not "前一" or "后面": the stage is named by them.
    expect(movedOn("那下一个呢", "五阶段指南的前沿研究阶段", false)).toBe("五阶段指南的前沿研究阶段之后");
    expect(movedOn("那之前呢", "后端开发阶段学什么", false)).toBe("后端开发阶段之前学什么");
  });

  it("asks past the roadmap's start as the stage before the first, for the retriever to read as a step out of it", () => {
    expect(movedOn("那上一阶段呢？", "第一阶段要做什么项目", true)).toBe("第1阶段之前的阶段 要做什么项目");
    expect(movedOn("上一个呢", "七阶段路线第一阶段是啥", true)).toBe("七阶段路线 第1阶段之前的阶段 是啥");
  });

  it("is undefined when the follow-up names a topic of its own", () => {
    expect(movedOn("那之后的 RAG 呢？", "基础篇要看哪些书", false)).toBeUndefined();
  });
});

describe("movedOn, a second step from a stage named by its name", () => {
  // The index's reading (Retriever.neighbourStage), here for the three-stage post's stages.
  const stages = ["原理学习", "接入开发", "场景应用"];
  const neighbour = (phrase: string, direction: "next" | "previous") => {
    const at = stages.indexOf(phrase);
    return at < 0 ? undefined : stages[at + (direction === "next" ? 1 : -1)];
  };

  it("moves on from the stage beside the named one, once more the same way", () => {
    expect(movedOn("再下一个呢", "CSDN三阶段的原理学习阶段之后", false, neighbour)).toBe("CSDN三阶段的接入开发阶段之后");
    expect(movedOn("那再往前呢", "CSDN三阶段的场景应用阶段之前", false, neighbour)).toBe("CSDN三阶段的接入开发阶段之前");
  });

  it("does not move from a stage the index does not know, or past the roadmap's end, or without the index", () => {
    expect(movedOn("再下一个呢", "CSDN三阶段的原理学习阶段之后", false)).toBeUndefined();
    expect(movedOn("再下一个呢", "CSDN三阶段的场景应用阶段之后", false, neighbour)).toBeUndefined();
    expect(movedOn("再下一个呢", "CSDN三阶段的阅读理解阶段之后", false, neighbour)).toBeUndefined();
  });
});

describe("moved and samePlace", () => {
  it("write a stage reference back as words, one step on or in place", () => {
    expect(moved({ from: "start", position: 3 }, "next")).toBe("第4阶段");
    expect(moved({ from: "end", position: 1 }, "previous")).toBe("倒数第2阶段");
    expect(moved({ from: "end", position: 1 }, "next")).toBe("");
    expect(moved({ from: "start", position: 1 }, "previous")).toBe("");
    expect(samePlace({ from: "end", position: 1 })).toBe("最后一个阶段");
    expect(samePlace({ from: "start", position: 4 })).toBe("第4阶段");
  });
});

describe("withStageSwapped", () => {
  it("asks the previous question of another stage an English follow-up names, and of nothing else", () => {
    const previous = "How many weeks does the guide give the foundations phase?";
    expect(withStageSwapped("and for the deployment phase?", previous)).toBe("How many weeks does the guide give the deployment phase?");
  });

  it("takes a stage named without the stage word when the index says the name is a stage's", () => {
    const previous = "四阶段那份的基础阶段每周要花多少时间？";
    const namesStage = (phrase: string) => ["实战", "部署上线"].includes(phrase);
    expect(withStageSwapped("那部署上线呢？", previous, namesStage)).toBe("四阶段那份的部署上线阶段每周要花多少时间？");
    // Not a stage's name, or no way to tell: no swap.
    expect(withStageSwapped("那RAG呢？", previous, namesStage)).toBeUndefined();
    expect(withStageSwapped("那部署上线呢？", previous)).toBeUndefined();
    // A previous question that named no stage has none to swap.
    expect(withStageSwapped("那部署上线呢？", "四阶段那份推荐了哪些书？", namesStage)).toBeUndefined();
  });

  it("takes a stage named by what is done in it, in a clause after the stage word", () => {
    const previous = "What should I be able to do by the end of the starter stage?";
    const swapped = withStageSwapped("And the stage where you shore up your fundamentals — what are the goals there?", previous);
    expect(swapped).toContain("by the end of the stage where you shore up your fundamentals");
    expect(swapped).not.toContain("starter");
  });

  it("takes a stage named by two things it holds, joined by a slash", () => {
    const previous = "How long is the basics stage of the guide?";
    expect(withStageSwapped("and the tools/data stage?", previous)).toBe("How long is the tools/data stage of the guide?");
  });

  it("asks the previous question of the stage a Chinese follow-up names by its name or a thing it holds", () => {
    const previous = "四阶段那份的基础阶段要学多久？";
    expect(withStageSwapped("那实战阶段呢？", previous)).toBe("四阶段那份的实战阶段要学多久？");
    expect(withStageSwapped("那 Docker 那个阶段呢？", previous)).toBe("四阶段那份的 Docker 阶段要学多久？");
    // A stage by its place, a demonstrative or the same stage is no stage named by its name.
    expect(withStageSwapped("那下一阶段呢？", previous)).toBeUndefined();
    expect(withStageSwapped("那第二阶段呢？", previous)).toBeUndefined();
    expect(withStageSwapped("那个阶段呢？", previous)).toBeUndefined();
    expect(withStageSwapped("那基础阶段呢？", previous)).toBeUndefined();
    // A follow-up that asks its own question is not a swap of the stage alone.
    expect(withStageSwapped("那实战阶段推荐哪些书？", previous)).toBeUndefined();
  });

  it("puts a follow-up's own question first, in the previous question's setting without its stage", () => {
    const previous = "How many weeks does the guide give the foundations phase?";
    const swapped = withStageSwapped("and what tools does the deployment phase use?", previous);
    expect(swapped).toBe("and what tools does the deployment phase use? How many weeks does the guide give the deployment phase?");
    expect(swapped).not.toContain("foundations");
  });
});

/** Over a real index of the hand-made roadmaps: the index says which stage is beside one named by its name. */
describe("a conversation stepping twice from a stage named by its name", () => {
  const index = useRetrievalFixtureIndex();
  const retriever = () => new HybridRetriever({ index, k: 4, maxChunksPerSection: 2, abstainThreshold: 0.3 });

  it("reads the stage beside it from the index, in the one roadmap with that stage", () => {
    expect(retriever().neighbourStage("基础入门", "next")).toBe("模型微调");
    expect(retriever().neighbourStage("模型微调", "previous")).toBe("基础入门");
    expect(retriever().neighbourStage("深钻", "next")).toBeUndefined();
  });

  it("asks the second step from the stage the first step reached", () => {
    const history = [
      { role: "user" as const, content: "示例学习路线的基础入门阶段" },
      { role: "user" as const, content: "下一个呢" },
    ];
    const answerer = new ExtractiveAnswerer({ retriever: retriever() });
    expect(answerer.retrievalQuery({ question: "再下一个呢", history })).toBe("示例学习路线的模型微调阶段之后");
  });
});
