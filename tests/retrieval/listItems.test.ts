import { describe, expect, it } from "vitest";
import { listItems } from "../../src/retrieval/listItems.js";

describe("listItems", () => {
  it("splits a list-shaped passage into top-level items with their sub-items", () => {
    const text = ["推荐资源：", "- 课程 A：入门", "  - 约 20 小时", "- 书籍 B", "1. 比赛 C", "\t- 奖金丰厚"].join("\n");
    expect(listItems(text)).toEqual(["推荐资源：", "- 课程 A：入门\n  - 约 20 小时", "- 书籍 B", "1. 比赛 C\n\t- 奖金丰厚"]);
  });

  it("leaves prose and short lists whole (undefined)", () => {
    expect(listItems("第一段介绍原理。\n第二段讲实践。")).toBeUndefined();
    expect(listItems("- 只有一项\n- 和另一项")).toBeUndefined();
  });
});
