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

  it("gives a sentence ending in a colon the items it introduces, top level only", () => {
    expect(quoteContext(plan, "根据个人兴趣，可选择以下方向深入：")).toEqual({
      introduced: ["应用开发方向", "模型优化方向", "研究创新方向"],
    });
  });

  it("adds nothing to a top-level line, prose, or a sentence it cannot find", () => {
    expect(quoteContext(plan, "预训练：创造出属于自己的全新大模型")).toEqual({});
    expect(quoteContext(plan, "后记：持续学习。")).toEqual({});
    expect(quoteContext(plan, "不在这里")).toEqual({});
  });
});
