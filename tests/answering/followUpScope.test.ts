import { describe, expect, it } from "vitest";
import { conversationRoadmap } from "../../src/answering/conversationRoadmap.js";
import { carryTopicIntoQuery } from "../../src/answering/followUp.js";
import { choosesAmongDocuments, opensNewSubject, pointsAtListedItem } from "../../src/answering/followUpScope.js";

const turns = (...questions: string[]) => questions.map((content) => ({ role: "user" as const, content }));
const namedIn = (question: string) => (/五阶段/.test(question) ? "doc-five" : undefined);

describe("choosesAmongDocuments", () => {
  it("is a question choosing a roadmap, or asking about the others", () => {
    for (const q of [
      "那 MoE 呢？哪一篇讲得细？",
      "哪条路线最适合转行的人",
      "so which of the guides covers quantization?",
      "那另外几份清单也提到了吗",
      "do the other roadmaps list it too?",
      "另一篇七个阶段的也讲了吗",
      "does another guide cover it?",
    ])
      expect(choosesAmongDocuments(q), q).toBe(true);
  });
  it("is not a choice among the things a roadmap lists", () => {
    for (const q of ["哪个阶段最难？", "which stage comes first?", "那另外两种方法呢？", "这篇还推荐了哪些书"])
      expect(choosesAmongDocuments(q), q).toBe(false);
  });
  it("keeps such a question out of the roadmap the conversation named", () => {
    const history = turns("五阶段那份的入门阶段学什么？");
    expect(conversationRoadmap("那 MoE 呢？哪一篇讲得细？", history, namedIn, "那 MoE 呢？哪一篇讲得细？")).toBeUndefined();
    expect(conversationRoadmap("那 MoE 呢？", history, namedIn, "那 MoE 呢？")).toBe("doc-five");
  });
});

describe("opensNewSubject", () => {
  it("is a question opened by a change of subject", () => {
    for (const q of ["对了，转行要先辞职吗？", "哎，话说今天会下雨吗", "btw what's a good laptop?", "By the way, is Rust worth learning?"])
      expect(opensNewSubject(q), q).toBe(true);
  });
  it("is a question that says it changes the subject after a thanks or an interjection", () => {
    for (const q of [
      "好的谢谢，换个话题，煮咖啡用什么豆子？",
      "跟這個無關，考駕照要多久？",
      "nice. totally unrelated, but what's a good laptop?",
      "ok, on a different note: is Rust worth learning?",
    ])
      expect(opensNewSubject(q), q).toBe(true);
    const history = turns("五阶段那份的入门阶段学什么？");
    const question = "cool, thanks. totally unrelated, but how do I train for a 10k run?";
    expect(conversationRoadmap(question, history, namedIn, question)).toBeUndefined();
  });
  it("is not a question that goes on", () => {
    for (const q of ["那之后呢？", "and the next stage?", "对于新手来说难吗"]) expect(opensNewSubject(q), q).toBe(false);
  });
  it("reads such a question on its own, unless a pronoun points back", () => {
    const history = turns("五阶段那份的入门阶段学什么？");
    expect(carryTopicIntoQuery("对了，你知道怎么做红烧肉吗", history, () => undefined)).toBe("对了，你知道怎么做红烧肉吗");
    expect(conversationRoadmap("对了，你知道怎么做红烧肉吗", history, namedIn, "对了，你知道怎么做红烧肉吗")).toBeUndefined();
    expect(carryTopicIntoQuery("对了，它要学多久？", history, () => "入门阶段")).toContain("入门阶段");
    expect(conversationRoadmap("对了，这个阶段要多久？", history, namedIn, "对了，这个阶段要多久？")).toBe("doc-five");
  });
});

describe("pointsAtListedItem", () => {
  it("is an item of the previous list by what sets it apart, or the rest of the list", () => {
    for (const q of [
      "最便宜的那个要多少钱？",
      "那剩下的几个呢",
      "其余的？不，另外三种分别讲什么",
      "and the cloud one, is it free?",
      "which ones need a GPU?",
      "what about the other two?",
    ])
      expect(pointsAtListedItem(q), q).toBe(true);
  });
  it("is not an ordinal, a name with 那个, or a question of its own", () => {
    for (const q of ["第二个是什么？", "the first one?", "Hugging Face 那个呢？", "which one is harder?", "RAG 是什么"])
      expect(pointsAtListedItem(q), q).toBe(false);
  });
  it("makes a longer question a follow-up, asked of the previous list", () => {
    const history = turns("五阶段那份的应用实践阶段有哪些实战项目？");
    const question = "做法律问答的那个，具体要用到哪些技术和工具呢？";
    expect(carryTopicIntoQuery(question, history, () => undefined)).toContain("应用实践阶段有哪些实战项目");
    expect(carryTopicIntoQuery("the legal one, what tools does it need?", history, () => undefined)).toContain("实战项目");
  });
});
