import { describe, expect, it } from "vitest";
import { quoteContext } from "../../src/answering/quoteContext.js";

describe("quoteContext", () => {
  const plan = [
    "1. 微调：Lora->垂类",
    "   - 适用于用户意图识别",
    "2. 预训练：创造出属于自己的全新大模型",
    "   - 需要算力最多（微调其次）",
    "根据个人兴趣，可选择以下方向深入：",
    "1. **应用开发方向**：侧重 API 使用",
    "2. **模型优化方向**：侧重训练",
    "   - 细分：量化",
    "3. **研究创新方向**：侧重前沿",
    "后记：持续学习。",
  ].join("\n");

  it("gives a sub-item the label of the item it belongs to", () => {
    expect(quoteContext(plan, "需要算力最多（微调其次）")).toEqual({ parent: "预训练" });
    expect(quoteContext(plan, "适用于用户意图识别")).toEqual({ parent: "微调" });
  });

  it("reads each passage's own lines when passages alternate (recent passages' lines are remembered)", () => {
    const other = ["3. 部署：上线服务", "   - 适用于用户意图识别"].join("\n");
    for (let round = 0; round < 2; round++) {
      expect(quoteContext(plan, "适用于用户意图识别")).toEqual({ parent: "微调" });
      expect(quoteContext(other, "适用于用户意图识别")).toEqual({ parent: "部署" });
    }
  });

  it("gives a sentence ending in a colon the items it introduces, top level only", () => {
    expect(quoteContext(plan, "根据个人兴趣，可选择以下方向深入：")).toEqual({
      introduced: ["应用开发方向", "模型优化方向", "研究创新方向"],
    });
  });

  it("gives a sentence saying 如下 (as follows) the items under it too", () => {
    const outline = [
      "本文分为三个章节，各章节的学习目标如下。",
      "",
      "- 入门篇：",
      "\t- 了解基础术语。",
      "- 应用篇：",
      "\t- 搭建推理环境。",
      "- 深入篇：",
      "\t- 读论文。",
    ].join("\n");
    expect(quoteContext(outline, "本文分为三个章节，各章节的学习目标如下。")).toEqual({ introduced: ["入门篇", "应用篇", "深入篇"] });
    expect(quoteContext("The plan is as follows:\n- Basics\n- Practice\n- Research", "The plan is as follows:")).toEqual({
      introduced: ["Basics", "Practice", "Research"],
    });
    // A sentence that merely ends the paragraph introduces nothing.
    expect(quoteContext("学习目标很明确。\n- 入门篇\n- 应用篇", "学习目标很明确。")).toEqual({});
  });

  it("gives a bare bulleted label its paragraph, and the paragraph its label", () => {
    const projects = [
      "  • 初级项目",
      "基于 BERT 的情感分析系统。",
      "  • 进阶项目",
      "物流行业 RAG 问答系统。",
      "  • 高阶项目",
      "电商虚拟试衣系统。",
    ].join("\n");
    expect(quoteContext(projects, "进阶项目")).toEqual({ body: "物流行业 RAG 问答系统。" });
    expect(quoteContext(projects, "物流行业 RAG 问答系统。")).toEqual({ parent: "进阶项目" });
    // A name with its abbreviation after it is a bare label too; a sentence's aside is not.
    const methods = ["  • 监督微调(SFT)", "在预训练的基础上使用有标注的数据进行微调。", "  • 其他(见下文)，还有更多", "下一行。"].join(
      "\n",
    );
    expect(quoteContext(methods, "监督微调(SFT)")).toEqual({ body: "在预训练的基础上使用有标注的数据进行微调。" });
    expect(quoteContext(methods, "其他(见下文)，还有更多")).toEqual({});
    // A colon inside a book title does not end an item's label.
    const books = ["1. **《人工智能：现代方法》相关章节**", "   - 重点：机器学习基础章节", "2. **其他**", "3. **更多**"].join("\n");
    expect(quoteContext(books, "重点：机器学习基础章节")).toEqual({ parent: "《人工智能：现代方法》相关章节" });
    // A linked item is named by its link text.
    const links = [
      "- [大语言模型](https://example.org/llm)【必看】",
      "\t- 迄今为止最好的书籍。",
      "- [综述](https://example.org/s)",
      "- [课程](https://example.org/c)",
    ].join("\n");
    expect(quoteContext(links, "迄今为止最好的书籍。")).toEqual({ parent: "大语言模型" });
  });

  it("gives a list item its one or two short sub-items, which say what it is for", () => {
    expect(quoteContext(plan, "微调：Lora->垂类")).toEqual({ children: ["适用于用户意图识别"] });
    expect(quoteContext(plan, "预训练：创造出属于自己的全新大模型")).toEqual({ children: ["需要算力最多（微调其次）"] });
    // Many sub-items, or long ones, are a list of their own: quoted as they rank, not after the item.
    const many = ["1. RAG：检索增强生成", "   - 适合私有数据库", "   - 降低幻觉", "   - 推理更慢", "2. 部署"].join("\n");
    expect(quoteContext(many, "RAG：检索增强生成")).toEqual({});
    const long = ["1. RAG：检索增强生成", "   - 对知识库构建和信息压缩排名等有很高的要求，需要深度学习算法工程师进行辅助"].join("\n");
    expect(quoteContext(long, "RAG：检索增强生成")).toEqual({});
  });

  it("adds nothing to a top-level line without sub-items, prose, or a sentence it cannot find", () => {
    expect(quoteContext(plan, "研究创新方向：侧重前沿")).toEqual({});
    expect(quoteContext(plan, "后记：持续学习。")).toEqual({});
    expect(quoteContext(plan, "不在这里")).toEqual({});
  });

  it("gives a sentence quoted again the same context, and another passage's its own (contexts are remembered per passage)", () => {
    const other = ["3. 部署：上线服务", "   - 需要算力最多（微调其次）"].join("\n");
    for (let round = 0; round < 2; round++) {
      expect(quoteContext(plan, "需要算力最多（微调其次）")).toEqual({ parent: "预训练" });
      expect(quoteContext(other, "需要算力最多（微调其次）")).toEqual({ parent: "部署" });
      expect(quoteContext(plan, "适用于用户意图识别")).toEqual({ parent: "微调" });
    }
  });
});
