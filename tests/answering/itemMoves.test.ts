import { describe, expect, it } from "vitest";
import { readConversation } from "../../src/answering/followUp.js";
import { movedFromPickedItem, movedFromSectionCode } from "../../src/answering/itemMoves.js";
import { analyzeQuery } from "../../src/retrieval/analyzeQuery.js";

const topicOf = (question: string) => analyzeQuery(question).topic;
const user = (content: string) => ({ role: "user" as const, content });

describe("movedFromPickedItem", () => {
  it("asks the previous question of the item one place on, in the previous question's numerals", () => {
    expect(movedFromPickedItem("它前面那个呢", "入门篇列了几本书？第四本是哪本")).toBe("入门篇列了几本书？第三本是哪本");
    expect(movedFromPickedItem("那后面那一门呢？", "进阶课程里第2门课是什么")).toBe("进阶课程里第3门课是什么");
    expect(movedFromPickedItem("下一个呢", "推荐的项目里第一个做什么")).toBe("推荐的项目里第二个做什么");
    expect(movedFromPickedItem("and the one before it?", "Which tool is the third pick in the deployment list?")).toBe(
      "Which tool is the second pick in the deployment list?",
    );
    expect(movedFromPickedItem("ok, the next one?", "what's the first book in the theory section")).toBe(
      "what's the second book in the theory section",
    );
  });

  it("reads a step with a Cantonese lead word (咁) or without its article (next one 呢)", () => {
    expect(movedFromPickedItem("咁再下一個呢？", "推荐的项目里第一个做什么")).toBe("推荐的项目里第二个做什么");
    expect(movedFromPickedItem("next one 呢？", "推荐的项目里第一个做什么")).toBe("推荐的项目里第二个做什么");
  });

  it("moves from the place asked about, the last one the question says", () => {
    expect(movedFromPickedItem("再下一个呢", "清单第一项是数学，第二项是什么？")).toBe("清单第一项是数学，第三项是什么？");
  });

  it("leaves stages, places before the first, and follow-ups that say more to the other readings", () => {
    // A stage by its place moves as a stage.
    expect(movedFromPickedItem("下一个呢", "第三阶段学什么")).toBeUndefined();
    expect(movedFromPickedItem("and the one after it?", "what's in the second stage of the guide?")).toBeUndefined();
    expect(movedFromPickedItem("它前面那个呢", "第一本是哪本")).toBeUndefined();
    // A topic or a question of its own beside the step.
    expect(movedFromPickedItem("后面那个项目要用 GPU 吗", "第二个项目是什么")).toBeUndefined();
    expect(movedFromPickedItem("下一个阶段呢", "第二个项目是什么")).toBeUndefined();
    // No item picked by its place before.
    expect(movedFromPickedItem("后面那个呢", "哪本书讲 Transformer？")).toBeUndefined();
  });
});

describe("a step to the neighbouring item in a conversation", () => {
  it("walks the list the conversation picked from, not the stage around it", () => {
    const history = [user("深入阶段分几个方向？"), user("第三个是啥")];
    expect(readConversation("它后面那个呢", history, topicOf).at(-1)).toBe("第四个是啥 深入阶段分几个方向？");
  });
});

describe("movedFromSectionCode", () => {
  it("asks the previous question of the section one code on, a chapter by 0x10 and a section by one", () => {
    expect(movedFromSectionCode("下一个呢", "ninehills清单0x32讲什么")).toBe("ninehills清单0x33讲什么");
    expect(movedFromSectionCode("那再下一个呢", "ninehills清单0x33讲什么")).toBe("ninehills清单0x34讲什么");
    expect(movedFromSectionCode("and the one before it?", "what does 0x20 cover in the list?")).toBe("what does 0x10 cover in the list?");
    // Past the last code is asked as such (the retriever finds no section of it); back from a chapter's first section leaves it.
    expect(movedFromSectionCode("下一个呢", "0x36 讲什么")).toBe("0x37 讲什么");
    expect(movedFromSectionCode("上一个呢", "0x31 讲什么")).toBeUndefined();
  });

  it("moves nothing without a code, or for a question with a topic of its own", () => {
    expect(movedFromSectionCode("下一个呢", "入门篇讲什么")).toBeUndefined();
    expect(movedFromSectionCode("LangChain 那一节讲什么", "0x20 讲什么")).toBeUndefined();
  });
});
