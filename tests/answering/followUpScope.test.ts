import { describe, expect, it } from "vitest";
import { carryTopicIntoQuery, conversationRoadmap } from "../../src/answering/followUp.js";
import { choosesAmongDocuments, opensNewSubject } from "../../src/answering/followUpScope.js";

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
  it("is not a question that goes on", () => {
    for (const q of ["那之后呢？", "and the next stage?", "对于新手来说难吗"]) expect(opensNewSubject(q), q).toBe(false);
  });
  it("reads such a question on its own, unless a pronoun points back", () => {
    const history = turns("五阶段那份的入门阶段学什么？");
    expect(carryTopicIntoQuery("对了，你知道怎么做红烧肉吗", history, () => undefined)).toBe("对了，你知道怎么做红烧肉吗");
    expect(conversationRoadmap("对了，你知道怎么做红烧肉吗", history, namedIn, "对了，你知道怎么做红烧肉吗")).toBeUndefined();
    expect(carryTopicIntoQuery("对了，它要学多久？", history, () => "入门阶段")).toContain("入门阶段");
  });
});
