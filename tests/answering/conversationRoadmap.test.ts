import { describe, expect, it } from "vitest";
import { conversationRoadmap } from "../../src/answering/conversationRoadmap.js";

describe("conversationRoadmap", () => {
  // How a retriever reads roadmap names, reduced to two: the real one is tested in HybridRetriever.test.ts.
  const namedIn = (question: string) => (/ninehills/i.test(question) ? "doc-ninehills" : /五阶段/.test(question) ? "doc-five" : undefined);
  const turns = (...questions: string[]) => questions.map((content) => ({ role: "user" as const, content }));

  it("is the roadmap the conversation last named, for a question that goes on without naming one", () => {
    const history = turns("五阶段那份的入门阶段学什么？", "ninehills 那篇的入门篇看完之后学什么？");
    expect(conversationRoadmap("那最后一篇呢？如果我对原理没兴趣，可以跳过吗？", history, namedIn)).toBe("doc-ninehills");
    expect(conversationRoadmap("and what about the last part?", history, namedIn)).toBe("doc-ninehills");
  });

  it("is that roadmap too when the learner's own words read as a follow-up or point inside it", () => {
    const history = turns("ninehills 那篇推荐了哪些课程？");
    // The carried query starts with no 那/and, but the question itself goes on.
    expect(conversationRoadmap("其中哪门课标了必看 课程", history, namedIn, "其中哪门课标了必看？")).toBe("doc-ninehills");
    expect(conversationRoadmap("Which tools are listed in there?", history, namedIn, "Which tools are listed in there?")).toBe(
      "doc-ninehills",
    );
    expect(conversationRoadmap("第二部分讲什么", history, namedIn, "第二部分讲什么？")).toBe("doc-ninehills");
    // A question asking where something sits ("放在第几阶段") places it in that roadmap.
    const placed = "prompt engineering 放在第几阶段？";
    expect(conversationRoadmap(placed, turns("五阶段那份的入门阶段学什么？"), namedIn, placed)).toBe("doc-five");
    // A longer question that only points at the document ("同一篇文章里…") is about it too.
    const pointing = "同一篇文章里还推荐了哪些讲深度学习原理的视频课程？";
    expect(conversationRoadmap(pointing, history, namedIn, pointing)).toBe("doc-ninehills");
    // A question of its own, long and pointing nowhere, starts afresh.
    const afresh = "RAG 和微调在企业知识库问答里分别适合什么样的场景？";
    expect(conversationRoadmap(afresh, history, namedIn, afresh)).toBeUndefined();
  });

  it("is that roadmap for a short question on a field term the previous question asked about", () => {
    const history = turns("五阶段那份的入门阶段推荐了哪些 Prompt Engineering 的资料？");
    const short = "Prompt Engineering 之后学什么？";
    expect(conversationRoadmap(short, history, namedIn, short)).toBe("doc-five");
    // Another term, or a longer question of its own on the same one, starts afresh.
    expect(conversationRoadmap("RAG 之后学什么？", history, namedIn, "RAG 之后学什么？")).toBeUndefined();
    const long = "Prompt Engineering 和微调在企业里分别适合解决什么样的业务问题呢？";
    expect(conversationRoadmap(long, history, namedIn, long)).toBeUndefined();
  });

  it("is none for a question that names its own roadmap, or starts afresh", () => {
    const history = turns("ninehills 那篇的入门篇看完之后学什么？");
    expect(conversationRoadmap("那五阶段那份呢？", history, namedIn)).toBeUndefined();
    expect(conversationRoadmap("RAG 要学多久？", history, namedIn)).toBeUndefined();
    expect(conversationRoadmap("那 RAG 呢？", turns("RAG 和微调有什么区别？"), namedIn)).toBeUndefined();
  });

  it("is that roadmap for a long question that picks an item of the list by its place", () => {
    const history = turns("五阶段那份的入门阶段有哪些项目？");
    const pick = "第二个聊天机器人的项目用的是什么框架，有没有源码可以下载？";
    expect(conversationRoadmap(pick, history, namedIn, pick)).toBe("doc-five");
  });
});
