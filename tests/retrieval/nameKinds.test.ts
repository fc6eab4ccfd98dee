import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { NameKinds } from "../../src/retrieval/nameKinds.js";
import { instancePresent, kindAsked } from "../../src/retrieval/namedInstance.js";

const chunk = (text: string, headingPath: string[] = []): Chunk =>
  ({ id: text.slice(0, 16), docId: "doc", text, headingPath, links: [], linkedFrom: [] }) as unknown as Chunk;

// Invented names, introduced the ways the documents introduce theirs.
const kinds = NameKinds.of([
  chunk(
    [
      "- [FooTune](https://github.com/some-org/footune)：个人最推荐的微调大模型的工具。",
      "- [Bamboo-7B](https://github.com/other-org/bamboo)：唯一全过程开源的中文大模型（包括数据处理工具）",
      "- [Build a Tiny Chatbot From Scratch](https://github.com/third/tiny)：从零构建。",
    ].join("\n"),
  ),
  chunk("熟悉Numpa、Pandor、TorchX等库的使用。调用 GPT模型的接口。"),
  chunk(
    "  • 开源模型\nZephyrine、Quokka(中文优化模型)Hub Place,提供了丰富的模型资源。\n  • 竞赛平台\nKagglet、天池,通过参与竞赛提升实践能力。",
  ),
  chunk("- **Hub Place社区**：最活跃的开源社区"),
  chunk("基于 FooChain 框架的 Agent 系统，集成语音识别。"),
  chunk("高阶项目：试衣系统(某某云 Forge + 多模态模型)。"),
  chunk("采用量化、知识蒸馏等技术，如 TinyOwl，减小模型的大小。"),
  chunk("了解向量数据库的应用，如Milvo等。"),
]);

describe("NameKinds", () => {
  it("reads a name's kind from what the documents say of it: a kind word after it, a description, an enumeration", () => {
    expect([...kinds.kindsOf("FooTune")!]).toEqual(["software"]);
    expect([...kinds.kindsOf("Bamboo-7B")!]).toEqual(["model"]);
    for (const name of ["Numpa", "Pandor", "TorchX", "FooChain"]) expect([...kinds.kindsOf(name)!], name).toEqual(["software"]);
    expect([...kinds.kindsOf("Quokka")!]).toEqual(["model"]);
    expect([...kinds.kindsOf("GPT")!]).toEqual(["model"]);
    expect([...kinds.kindsOf("Milvo")!]).toEqual(["database"]);
  });

  it("takes a label's kind only for a name nothing else is said of, and a title's words as no names", () => {
    expect([...kinds.kindsOf("Zephyrine")!]).toEqual(["model"]);
    expect([...kinds.kindsOf("Kagglet")!]).toEqual(["platform"]);
    // A cloud's service ("阿里云 PAI").
    expect([...kinds.kindsOf("Forge")!]).toEqual(["platform"]);
    // Listed under 开源模型, but said elsewhere to be a community.
    expect([...kinds.kindsOf("Hub")!]).toEqual(["platform"]);
    expect([...kinds.kindsOf("Chatbot")!]).toEqual(["title"]);
    expect(kinds.kindsOf("Nowhere")).toBeUndefined();
  });

  it("reads people and sites, and no library in a 库 that is a Chinese word's end (案例库)", () => {
    const more = NameKinds.of([
      chunk("  • 书籍\n《深度学习入门》(Ada Lovegood)，系统介绍理论。\n  • 案例库\nCaseHub《应用报告合集》，收集项目案例。", ["资源"]),
      {
        ...chunk("- [Tutorial: Scaling Laws by Grace Hopkins](https://www.videohost.com/v/1)"),
        links: [{ text: "t", url: "https://www.videohost.com/v/1", line: 1 }],
      },
    ]);
    expect([...more.kindsOf("Lovegood")!]).toEqual(["person"]);
    expect([...more.kindsOf("Hopkins")!]).toEqual(["person"]);
    expect([...more.kindsOf("videohost")!]).toEqual(["site"]);
    expect(more.kindsOf("CaseHub")).toBeUndefined();
  });

  it("admits a name of the kind, of no known kind, or known only as a method", () => {
    expect(kinds.admits("Bamboo-7B", "model")).toBe(true);
    expect(kinds.admits("Nowhere", "model")).toBe(true);
    expect(kinds.admits("TinyOwl", "model")).toBe(true);
    expect(kinds.admits("FooChain", "model")).toBe(false);
    expect(kinds.admits("Kagglet", "model")).toBe(false);
  });
});

describe("kindAsked", () => {
  it("reads which model or data set a which-question asks for", () => {
    expect(kindAsked("客服那个项目拿哪个大模型当底座？")).toBe("model");
    expect(kindAsked("Which embedding model should the search project use?")).toBe("model");
    expect(kindAsked("does the plan suggest a dataset for the summarisation project?")).toBe("dataset");
    expect(kindAsked("知识库那个项目用的是哪个向量数据库？")).toBe("database");
    expect(kindAsked("Which vector database does the guide pick for the search project?")).toBe("database");
    expect(kindAsked("该项目采用何种数据集进行训练？")).toBe("dataset");
  });

  it("leaves tools, what a thing is of, a compound's first word and a method to the check as it was", () => {
    expect(kindAsked("那篇最推荐用哪个工具微调大模型？")).toBeUndefined();
    expect(kindAsked("and what ability of the model does the project use?")).toBeUndefined();
    expect(kindAsked("Which popular model-sharing hub does it name?")).toBeUndefined();
    expect(kindAsked("那个讲座是用什么方法研究模型的？")).toBeUndefined();
    // The phrase's head is its last noun: a benchmark of models, not a model.
    expect(kindAsked("那份笔记列举了何种大模型评估基准？")).toBeUndefined();
  });
});

describe("instancePresent with the names' kinds", () => {
  const question = "语音那个项目用的是哪个模型？";

  it("does not take a framework, a platform or a title's word for the model asked", () => {
    expect(instancePresent(["基于 FooChain 框架的 Agent 系统，集成语音识别。"], question, kinds)).toBe(false);
    expect(instancePresent(["Kagglet、天池，通过参与竞赛提升实践能力。"], question, kinds)).toBe(false);
    // Without the kinds, any name answered.
    expect(instancePresent(["基于 FooChain 框架的 Agent 系统，集成语音识别。"], question)).toBe(true);
  });

  it("takes a model, a name of no known kind, and a field concept the documents call a model", () => {
    expect(instancePresent(["用 Bamboo-7B 做语音转写"], question, kinds)).toBe(true);
    expect(instancePresent(["用 Nowhere 做语音转写"], question, kinds)).toBe(true);
    expect(instancePresent(["调用 GPT 的接口"], question, kinds)).toBe(true);
  });

  it("takes only a database for the database asked, not a framework or a platform", () => {
    const asked = "知识库那个项目用的是哪个向量数据库？";
    expect(instancePresent(["教程《动手做应用》，用 FooChain 框架搭建知识库，在 Kagglet 上练习。"], asked, kinds)).toBe(false);
    // Before databases were a kind of their own, any name answered.
    expect(instancePresent(["教程《动手做应用》，用 FooChain 框架搭建知识库，在 Kagglet 上练习。"], asked)).toBe(true);
    expect(instancePresent(["了解向量数据库的应用，如Milvo等。"], asked, kinds)).toBe(true);
  });
});
