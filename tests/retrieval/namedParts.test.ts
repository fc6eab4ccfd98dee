import { describe, expect, it } from "vitest";
import { namedPart, namedPartNeighbour, partsNamedIn } from "../../src/retrieval/namedParts.js";
import { passage } from "../fixtures/answering/passages.js";

const course = passage("课程分为三个部分：\n\n1. 基础：数学与编程\n2. 训练：从预训练到对齐\n3. 部署：推理服务与监控", {
  chunk: { id: "course", headingPath: ["一些课程", "tiny-llm-course :star:"] },
});
const other = passage("1. 第一步：读论文\n2. 第二步：复现", { chunk: { id: "other", headingPath: ["学习方法"] } });

describe("namedPart", () => {
  it("picks the asked item of the numbered parts of the thing the question names by its heading", () => {
    expect(namedPart("tiny-llm-course 的第二部分讲啥", [other, course], { from: "start", position: 2 })).toEqual({
      part: { passage: course, item: "2. 训练：从预训练到对齐" },
    });
    // Written without its hyphen, counted from the end.
    expect(namedPart("What is the last part of the Tiny LLM course?", [course], { from: "end", position: 1 })).toHaveProperty(
      "part.item",
      "3. 部署：推理服务与监控",
    );
  });

  it("takes the thing by the owner of the repository its section links to under its name", () => {
    const linked = passage("课程分为两个部分：\n\n1. 基础：数学\n2. 进阶：训练", {
      chunk: {
        id: "linked",
        headingPath: ["一些课程", "tiny-llm-course :star:"],
        links: [{ text: "tiny-llm-course", url: "https://github.com/someteacher/tiny-llm-course", line: 3 }],
      },
    });
    expect(namedPart("someteacher 那门课的第二部分讲啥", [linked], { from: "start", position: 2 })).toHaveProperty(
      "part.item",
      "2. 进阶：训练",
    );
    // An owner of another repository names nothing here.
    const elsewhere = passage(linked.chunk.text, {
      chunk: { headingPath: ["tiny-llm-course"], links: [{ text: "x", url: "https://github.com/someteacher/other-repo", line: 3 }] },
    });
    expect(namedPart("someteacher 那门课的第二部分讲啥", [elsewhere], { from: "start", position: 2 })).toBeUndefined();
  });

  it("says how many parts there are when the ordinal asks past the last of them", () => {
    expect(namedPart("tiny-llm-course 的第五部分", [course], { from: "start", position: 5 })).toEqual({ pastEnd: 3 });
    // A passage further down that has the asked part wins over the count.
    const longer = passage("1. 甲\n2. 乙\n3. 丙\n4. 丁\n5. 戊", { chunk: { id: "longer", headingPath: ["资料", "tiny-llm-course"] } });
    expect(namedPart("tiny-llm-course 的第五部分", [course, longer], { from: "start", position: 5 })).toHaveProperty("part.item", "5. 戊");
  });

  it("gives nothing when the question names no such section, or the list is too short or a stage's", () => {
    // The question does not name 学习方法: an ordinal of a roadmap's stages is left to the roadmap.
    expect(namedPart("第二部分讲啥", [other, course], { from: "start", position: 2 })).toBeUndefined();
    const stage = passage("1. 学 Python\n2. 学数学", { chunk: { headingPath: ["第一阶段：基础入门"] } });
    expect(namedPart("第一阶段：基础入门的第二部分", [stage], { from: "start", position: 2 })).toBeUndefined();
    // Numbering that does not run 1, 2, 3 is no list of parts.
    const broken = passage("1. 甲\n3. 丙", { chunk: { headingPath: ["tiny-llm-course"] } });
    expect(namedPart("tiny-llm-course 第二部分", [broken], { from: "start", position: 2 })).toBeUndefined();
  });
});

describe("namedPartNeighbour", () => {
  it("gives the part after or before the one the question's topic names, in the thing it names", () => {
    expect(namedPartNeighbour("tiny-llm-course 的训练部分之后是哪部分", "tiny-llm-course 的训练部分", "next", [other, course])).toEqual({
      passage: course,
      item: "3. 部署：推理服务与监控",
    });
    expect(namedPartNeighbour("tiny-llm-course 的训练部分之前呢", "tiny-llm-course 的训练部分", "previous", [course])).toHaveProperty(
      "item",
      "1. 基础：数学与编程",
    );
    // A topic cut short at the name: the part is named in the rest of the question.
    expect(namedPartNeighbour("tiny-llm-course 学完基础那部分之后接着是什么", "tiny-llm-course", "next", [course])).toHaveProperty(
      "item",
      "2. 训练：从预训练到对齐",
    );
  });

  it("gives nothing past the last part, for a question naming no part or no such thing", () => {
    expect(namedPartNeighbour("tiny-llm-course 的部署部分之后呢", "tiny-llm-course 的部署部分", "next", [course])).toBeUndefined();
    expect(namedPartNeighbour("tiny-llm-course 之后学什么", "tiny-llm-course", "next", [course])).toBeUndefined();
    expect(namedPartNeighbour("训练之后学什么", "训练", "next", [course])).toBeUndefined();
  });
});

describe("partsNamedIn", () => {
  it("finds the passage numbering the parts of the thing the question names, and nothing for a question naming none", () => {
    expect(partsNamedIn("tiny-llm-course 分成哪几块？", [other, course])).toBe(course);
    expect(partsNamedIn("那篇分成哪几块？", [other, course])).toBeUndefined();
  });
});
