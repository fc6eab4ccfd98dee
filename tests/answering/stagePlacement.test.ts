import { beforeAll, describe, expect, it } from "vitest";
import { ExtractiveAnswerer } from "../../src/answering/ExtractiveAnswerer.js";
import { useRealRetriever } from "./support.js";

/**
 * Where a before/after question's topic is placed, on the bundled roadmaps: a stage named by its
 * name and a stage word is that roadmap's stage only, and a phrase whose field word is a small part
 * of it is placed nowhere rather than wherever that word's expansions appear. Questions written
 * for this test.
 */
const corpus = useRealRetriever();
let answerer: ExtractiveAnswerer;
beforeAll(() => {
  answerer = new ExtractiveAnswerer({ retriever: corpus.retriever });
});

/** Each placed roadmap (its title's start), the stage and the neighbour in the asked direction. */
const placed = async (question: string) => {
  const roadmap = (await answerer.answer({ question })).roadmap;
  const neighbour = (p: NonNullable<typeof roadmap>["positions"][number]) => (roadmap?.direction === "next" ? p.next : p.previous)?.heading;
  return (roadmap?.positions ?? []).map((p) => [p.title.slice(0, 6), p.stage.heading, neighbour(p)]);
};

describe("a stage named by its name and a stage word", () => {
  it("is placed in the roadmap that has that stage only (zh-Hans, zh-Hant)", async () => {
    const expected = [["避开90%新", "一、原理学习阶段(2-3 个月)", "二、接入开发阶段(3-4 个月)"]];
    expect(await placed("原理那个阶段学完以后，接下来学哪个阶段？")).toEqual(expected);
    expect(await placed("學完原理那一階段，下一階段是什麼？")).toEqual(expected);
  });

  it("after a verb of entering is the stage entered", async () => {
    expect(await placed("进专业深入阶段之前要会什么？")).toEqual([["大模型学习路", "专业深入阶段", "应用实践阶段"]]);
  });

  it("after a verb of doing (搞, 弄) is the stage done", async () => {
    expect(await placed("五阶段那份，弄专业深入之前要过哪一段？")).toEqual([["大模型学习路", "专业深入阶段", "应用实践阶段"]]);
    expect(await placed("三阶段那份里，搞接入开发以前得先学完什么？")).toEqual([
      ["避开90%新", "二、接入开发阶段(3-4 个月)", "一、原理学习阶段(2-3 个月)"],
    ]);
  });
});

describe("a topic whose field word is a small part of it", () => {
  it("is not placed where only that word's expansions are", async () => {
    const where = await placed("开始入门篇之前要准备什么？");
    // 入门篇 without the verb of starting: the reading list's part; no roadmap's later stage that mentions 初学者.
    expect(where.map(([, heading]) => heading)).toContain("0x10 入门篇");
    expect(where.map(([, heading]) => heading)).not.toContain("专业深入阶段");
    expect(where.map(([, heading]) => heading)).not.toContain("六、持续学习建议");
    expect(await placed("入門篇說開始之前要準備好什麼？")).not.toContainEqual(expect.arrayContaining(["六、持续学习建议"]));
  });

  it("is placed where its field term is named, before where the term's expansions are", async () => {
    const where = await placed("三阶段那篇，碰 Transformer 之前要先学什么？");
    // 注意力机制 (an expansion) is in 二、接入开发阶段's body; Transformer itself is named in 一、原理学习阶段.
    expect(where.map(([, heading]) => heading)).toEqual(["一、原理学习阶段(2-3 个月)"]);
  });
});

describe("a particular asked of the stage before or after a topic", () => {
  it("is looked for in that stage's passages whole, not only in items naming the topic", async () => {
    // The libraries are in 第三阶段's items (Numpy, Pandas), which do not name the projects of 第四阶段.
    const libraries = await answerer.answer({
      question: "In the seven-stage plan, which libraries should I be fluent in before the hands-on project stage?",
    });
    expect(libraries.confidence).toBe("high");
    expect((await answerer.answer({ question: "七階段那份裡，實戰項目階段之前要熟悉哪些庫？" })).confidence).toBe("high");
    // A particular the stage does not name stays low.
    expect(
      (await answerer.answer({ question: "In the seven-stage plan, which GPU model should I buy before the hands-on project stage?" }))
        .confidence,
    ).toBe("low");
  });
});

describe("an English plural of a field term", () => {
  it("is found where the documents write its singular", async () => {
    // "Hugging Face Transformers" (the library) is in 二、接入开发阶段; "Transformer 架构" in 一、原理学习阶段.
    const where = await placed("In the three-stage article, what should I learn before I even open Transformers?");
    expect(where.map(([, heading]) => heading)).toEqual(["一、原理学习阶段(2-3 个月)"]);
  });
});
