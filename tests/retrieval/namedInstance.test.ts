import { describe, expect, it } from "vitest";
import { instanceAsked, instanceNonSubjectWords, instancePresent, namesBeyondQuestion } from "../../src/retrieval/namedInstance.js";

describe("instanceAsked", () => {
  it("reads a question for a particular model, data set, format, library, framework or tool", () => {
    for (const question of [
      "那份路线推荐用哪个开源大模型做客服？",
      "向量检索那一步用什么库？",
      "Ollama 能读哪些 weight 格式",
      "有推荐具体的中文模型吗",
      "Which embedding model does the guide pick?",
      "does the plan suggest a dataset for the summarisation project?",
      "做检索增强该选哪个向量数据库？",
      "What vector DB do the notes use for retrieval?",
      // A named thing's architecture or network structure: answered by its name (DiT, U-Net), not by "分析其架构".
      "那个视频模型具体用的是什么网络结构？",
      "Which architecture does that video model use?",
    ])
      expect(instanceAsked(question), question).toBe(true);
  });

  it("leaves why-questions, a model's architecture and other 库 (题库, 知识库) alone", () => {
    for (const question of [
      "为什么要把模型放到本地跑？",
      "讲模型压缩时用什么模型架构举例？",
      "考试用什么题库？",
      "知识库怎么建？",
      "How do models learn from feedback?",
      // What is asked is knowledge, in a clause about models (被视为理解模型…的关键), not one model.
      "概率论中哪些知识被视为理解模型训练的关键？",
    ])
      expect(instanceAsked(question), question).toBe(false);
  });

  it("reads the noun a qualified category describes as what is asked (哪些讲大模型的播客), not the category", () => {
    for (const question of ["有哪些专门讲大模型的播客？", "推荐哪些适合聊开源模型的论坛"])
      expect(instanceAsked(question), question).toBe(false);
    // The category asked right after "which", and a qualified category with nothing after it, still ask for one.
    for (const question of ["哪个模型的中文效果最好？", "哪些开源的中文模型"]) expect(instanceAsked(question), question).toBe(true);
  });
});

describe("namesBeyondQuestion", () => {
  it("finds names the question does not give, not the field's concepts nor a link's address", () => {
    expect(
      namesBeyondQuestion("- [Axolotl](https://github.com/some-org/axolotl)：好用的微调工具，支持 LoRA 和 RLHF", "微调用哪个工具"),
    ).toEqual(["Axolotl"]);
    expect(namesBeyondQuestion("- FooTune：个人最推荐的微调工具", "FooTune 支持哪些模型")).toEqual([]);
  });

  it("takes a concept's word used as a library's name", () => {
    expect(namesBeyondQuestion("熟悉 Transformers 库的用法", "用哪个库")).toEqual(["Transformers"]);
    expect(namesBeyondQuestion("理解 Transformer 的原理", "用哪个库")).toEqual([]);
  });
});

describe("instancePresent", () => {
  it("needs a name beside the subject; a category named is not one", () => {
    expect(instancePresent(["开源大模型（离线，更安全）/在线大模型"], "推荐哪个开源大模型？")).toBe(false);
    expect(instancePresent(["开源模型：Zephyr、Falcon 等，适合中文场景"], "推荐哪个开源大模型？")).toBe(true);
    // A vector database is a product like a framework: the category is not one, a product is.
    expect(instancePresent(["检索增强：向量数据库，相似度检索"], "检索增强用哪个向量数据库？")).toBe(false);
    expect(instancePresent(["检索增强：向量数据库（如 VecStoreX）"], "检索增强用哪个向量数据库？")).toBe(true);
  });

  it("asks a format's name of a format question: a tool's name is not one", () => {
    expect(instancePresent(["端侧部署(SomeRT、tiny.cpp)"], "tiny.cpp 支持哪些量化格式")).toBe(false);
    expect(instancePresent(["量化(FP16/INT8)后用 tiny.cpp 部署"], "tiny.cpp 支持哪些量化格式")).toBe(true);
  });
});

describe("instanceNonSubjectWords", () => {
  it("leaves the category, the document asked of and everyday words out of the subject", () => {
    const words = instanceNonSubjectWords("那篇博客里自己最推荐用哪个工具做 RAG？");
    expect(words).toEqual(expect.arrayContaining(["博客", "工具", "自己"]));
    expect(words).not.toContain("rag");
  });
});
