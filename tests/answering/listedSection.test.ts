import { describe, expect, it } from "vitest";
import { listedSection } from "../../src/answering/listedSection.js";
import { passage } from "../fixtures/answering/passages.js";

const goals = passage("- 掌握应用开发流程\n- 学习系统设计", { chunk: { headingPath: ["应用实践阶段", "学习目标"] } });
const projects = passage(
  "1. **行业知识助手**\n   - 任务：构建特定领域的助手\n2. **图文应用系统**\n   - 任务：结合图像与文本\n3. **智能体开发**\n   - 任务：自主完成任务",
  { chunk: { headingPath: ["应用实践阶段", "推荐资源", "实战项目"] } },
);

describe("listedSection", () => {
  it("names the items of a listed section whose heading is what a list question asks for", () => {
    expect(listedSection("应用实践阶段要做哪些实战项目？", [goals, projects])).toEqual({
      passageIndex: 1,
      heading: "实战项目",
      items: ["行业知识助手", "图文应用系统", "智能体开发"],
    });
  });

  it("reads an English question asking for things ('what … projects does …') through its expansions", () => {
    const question = "What hands-on projects does the second stage give?";
    expect(listedSection(question, [goals, projects], ["项目", "实战项目"])?.heading).toBe("实战项目");
    // Without the expansions no English word is in a Chinese heading.
    expect(listedSection(question, [goals, projects])).toBeUndefined();
  });

  it("gives nothing for a question that asks no list, or whose words no heading holds but a stage's", () => {
    expect(listedSection("实战项目要做多久？", [projects])).toBeUndefined();
    // 阶段 places a passage; it is not what is listed.
    expect(listedSection("应用实践阶段有哪些内容？", [goals])).toBeUndefined();
  });

  it("keeps a longer item whole: a list's items are the answer", () => {
    const faq = passage("- 使用云服务提供商的免费额度(Colab, Kaggle)\n- 先用小模型学习核心概念\n- 利用 API 服务开发应用", {
      chunk: { headingPath: ["常见问题", "没有显卡怎么学？"] },
    });
    expect(listedSection("没有显卡有哪些办法？", [faq])?.items[0]).toBe("使用云服务提供商的免费额度(Colab, Kaggle)");
  });

  it("skips the lines before a list and the labels over sub-lists", () => {
    const course = passage("课程分为三个部分：\n\n1. 基础：数学\n2. 理论：架构\n3. 工程：部署", {
      chunk: { headingPath: ["一些课程", "llm-course"] },
    });
    expect(listedSection("llm-course 分成哪几个部分？", [course])?.items).toEqual(["基础", "理论", "工程"]);
    const path = passage("- 学习重点：\n  - 分布式训练\n- 实战项目：\n  - 预训练小模型\n- 推荐资源：\n  - 文档", {
      chunk: { headingPath: ["模型训练与优化专家"] },
    });
    expect(listedSection("模型训练与优化专家有哪些要学？", [path])).toBeUndefined();
  });

  it("reads a passage's heading and items for each question anew (what it holds is remembered per passage)", () => {
    for (let round = 0; round < 2; round++) {
      expect(listedSection("应用实践阶段要做哪些实战项目？", [projects])?.items).toEqual(["行业知识助手", "图文应用系统", "智能体开发"]);
      expect(listedSection("应用实践阶段有哪些学习目标？", [projects])).toBeUndefined();
      expect(listedSection("应用实践阶段有哪些学习目标？", [goals])).toBeUndefined();
    }
  });
});
