import { describe, expect, it } from "vitest";
import { namedItemsTexts } from "../../src/retrieval/namedListItem.js";

/** Lists and questions written for this test (not from any evaluation set). */
const COURSES = [
  "基础阶段 推荐课程",
  "1. **某大学DL101深度学习课程**",
  "   - 内容：神经网络基础",
  "   - 链接：[DL101](https://example.edu/dl101)",
  "2. **《动手做小模型》系列**",
  "   - 内容：从零训练一个小模型",
  "   - 时长：约8小时",
  "3. **Agent入门工作坊**",
  "   - 内容：工具调用",
].join("\n");
const OTHER = [
  "进阶阶段 推荐课程",
  "1. **《评测方法》讲座**",
  "   - 时长：约2小时",
  "2. **《部署实践》**",
  "   - 时长：约5小时",
  "3. **《数据工程》**",
].join("\n");

describe("a detail asked of a listed thing is its item's to give", () => {
  it("reads only the items the question names, with the lines before the list", () => {
    const [text] = namedItemsTexts("DL101 那门课要学多少小时？", [COURSES]);
    expect(text).toContain("DL101");
    expect(text).toContain("基础阶段 推荐课程");
    expect(text).not.toContain("约8小时");
    // By a title in book marks, without the label's other words (系列).
    expect(namedItemsTexts("《动手做小模型》要多久？", [COURSES])[0]).toContain("约8小时");
  });

  it("reads a line's label before its colon as the name of what the line gives", () => {
    const hours = ["学习时间投入：", "- 起步阶段：每周5-8小时，持续1个月", "- 提高阶段：每周10小时", "- 研究阶段：长期投入，不设时限"].join(
      "\n",
    );
    const [research] = namedItemsTexts("研究阶段每周要花几个小时？", [hours]);
    expect(research).toContain("长期投入");
    expect(research).not.toContain("每周10小时");
    expect(namedItemsTexts("起步阶段每周几个小时？", [hours])[0]).toContain("每周5-8小时");
  });

  it("reads a list naming none of the named things as its lead lines only, and prose whole", () => {
    const prose = "学完基础阶段大约需要两个月。";
    const [courses, other, whole] = namedItemsTexts("DL101 要学多少小时？", [COURSES, OTHER, prose]);
    expect(courses).not.toContain("约8小时");
    expect(other).toBe("进阶阶段 推荐课程");
    expect(whole).toBe(prose);
  });

  it("reads the same list for each question anew, however often it was read before", () => {
    for (let round = 0; round < 2; round++) {
      const [first] = namedItemsTexts("Agent入门工作坊 要几天？", [COURSES]);
      expect(first).toContain("工具调用");
      expect(first).not.toContain("神经网络基础");
      const [second] = namedItemsTexts("dl101 要学多久？", [COURSES]);
      expect(second).toContain("神经网络基础");
      expect(second).not.toContain("工具调用");
      expect(namedItemsTexts("这些课要学多久？", [COURSES])[0]).toBe(COURSES);
    }
  });

  it("reads a reading list's link text as the name of the item it opens", () => {
    const list = [
      "## 原理方向",
      "- [某本中文大模型书：从入门到实践](https://example.org/book)：另一本不错的中文书籍。",
      "- [Some Survey of Models](https://example.org/survey)：2023 年的综述，作者张三。",
      "- [另一份课程讲义](https://example.org/notes)：配套视频。",
    ].join("\n");
    const [text] = namedItemsTexts("Who wrote '某本中文大模型书：从入门到实践', and when?", [list]);
    expect(text).toContain("另一本不错的中文书籍");
    expect(text).not.toContain("2023");
    expect(text).not.toContain("张三");
  });

  it("leaves every text whole when the question names no listed thing", () => {
    const texts = [COURSES, OTHER];
    expect(namedItemsTexts("入门课程一般要学多久？", texts)).toBe(texts);
    // A short name (AI, LLM) names nothing in particular.
    expect(namedItemsTexts("AI 课程要多久？", ["1. **AI课**\n2. **ML课**\n3. **DL课**"])).toEqual([
      "1. **AI课**\n2. **ML课**\n3. **DL课**",
    ]);
  });
});
