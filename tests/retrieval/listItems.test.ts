import { describe, expect, it } from "vitest";
import { foldForMatching, itemsNaming, listItems } from "../../src/retrieval/listItems.js";

describe("listItems", () => {
  it("splits a list-shaped passage into top-level items with their sub-items", () => {
    const text = ["推荐资源：", "- 课程 A：入门", "  - 约 20 小时", "- 书籍 B", "1. 比赛 C", "\t- 奖金丰厚"].join("\n");
    expect(listItems(text)).toEqual(["推荐资源：", "- 课程 A：入门\n  - 约 20 小时", "- 书籍 B", "1. 比赛 C\n\t- 奖金丰厚"]);
  });

  it("keeps a flush-left description with the bullet whose short label it follows", () => {
    // An export that dropped the description's indentation: the label's line and its description are one item.
    const text = [
      "  • 入门练习",
      "用 Foo 框架写一个分类器,熟悉流程。",
      "  • 中级练习",
      "用 Bar 工具搭建检索系统。",
      "  • 高级练习",
      "部署到 Baz 平台。",
    ].join("\n");
    expect(listItems(text)).toEqual([
      "  • 入门练习\n用 Foo 框架写一个分类器,熟悉流程。",
      "  • 中级练习\n用 Bar 工具搭建检索系统。",
      "  • 高级练习\n部署到 Baz 平台。",
    ]);
    // A bullet that already says something (a sentence) keeps a flush-left line as a new item.
    const sentences = ["  • 先学基础知识，打好底子。", "再看论文。", "  • 做项目", "  • 找工作"].join("\n");
    expect(listItems(sentences)).toEqual(["  • 先学基础知识，打好底子。", "再看论文。", "  • 做项目", "  • 找工作"]);
  });

  it("leaves prose and short lists whole (undefined)", () => {
    expect(listItems("第一段介绍原理。\n第二段讲实践。")).toBeUndefined();
    expect(listItems("- 只有一项\n- 和另一项")).toBeUndefined();
  });

  it("keeps the items that name a term, read afresh for each set of terms on the same passage", () => {
    const text = ["- 课程 A：吴恩达主讲，约 20 小时", "- 书籍 B：2019 年出版", "- 比赛 C：奖金丰厚"].join("\n");
    // A passage's items are split and folded once; which of them are kept depends on the terms asked.
    for (let round = 0; round < 2; round++) {
      expect(itemsNaming(text, ["课程A"])).toBe("- 课程 A：吴恩达主讲，约 20 小时");
      expect(itemsNaming(text, ["书籍 b", "比赛-C"])).toBe("- 书籍 B：2019 年出版\n- 比赛 C：奖金丰厚");
      expect(itemsNaming(text, ["论文"])).toBe(text);
      expect(itemsNaming("只是一段话，没有列表。", ["课程"])).toBe("只是一段话，没有列表。");
    }
  });

  it("keeps the paragraphs of prose that name a term, a quoted block as one", () => {
    const prose = ["头部公司紧缺算法工程师等技术岗。", "此外还有产品经理等岗位，平均月薪 5-6 万。", "", "AI 正在改变各行各业。"].join("\n");
    expect(itemsNaming(prose, ["算法工程师"])).toBe("头部公司紧缺算法工程师等技术岗。");
    expect(itemsNaming(prose, ["产品经理", "各行各业"])).toBe("此外还有产品经理等岗位，平均月薪 5-6 万。\nAI 正在改变各行各业。");
    expect(itemsNaming(prose, ["论文"])).toBe(prose);
    const header = ["# 清单", "> Author: **someone**", "> Created: **2023-06-27**", "", "正文第一段。"].join("\n");
    expect(itemsNaming(header, ["author"])).toBe("> Author: **someone**\n> Created: **2023-06-27**");
  });

  it("keeps a short label's flush-left description with it in a passage of two labels, as in a list", () => {
    const labelled = ["  • 开放权重模型", "Zephyrine、Quokka，适合中文场景。", "  • 比赛平台", "Kagglet、天池，可以练手。"].join("\n");
    expect(itemsNaming(labelled, ["开放权重"])).toBe("  • 开放权重模型\nZephyrine、Quokka，适合中文场景。");
    expect(itemsNaming(labelled, ["天池"])).toBe("  • 比赛平台\nKagglet、天池，可以练手。");
  });

  it("folds short and long texts alike: lowercase, without spaces and punctuation", () => {
    expect(foldForMatching("Hugging Face：入门 Course!")).toBe("huggingface入门course");
    expect(foldForMatching("Hugging Face：入门 Course!")).toBe("huggingface入门course");
    const long = `${"LoRA, QLoRA 与 Adapter。".repeat(20)}`;
    expect(foldForMatching(long)).toBe("loraqlora与adapter".repeat(20));
  });
});
