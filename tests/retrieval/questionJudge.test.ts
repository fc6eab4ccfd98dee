import { describe, expect, it } from "vitest";
import { QuestionJudge } from "../../src/retrieval/questionJudge.js";
import { useRetrievalFixtureIndex } from "../support/buildTestIndex.js";

/** A real index of the hand-made roadmaps in tests/fixtures/retrieval/corpus (local embedder). */
describe("QuestionJudge", () => {
  const index = useRetrievalFixtureIndex();

  it("judges a misspelt name as the corpus word it stands for, only when typo repair is on", () => {
    const judge = new QuestionJudge({});
    expect(judge.repaired(index(), "Lroa 需要多少显存")).toContain("lora");
    expect(judge.termGroups(index(), "Lroa 需要多少显存").map((g) => g.label)).toEqual(["lora", "显存"]);
    const literal = new QuestionJudge({ typos: false });
    expect(literal.repaired(index(), "Lroa 需要多少显存")).toBe("Lroa 需要多少显存");
    expect(literal.termGroups(index(), "Lroa 需要多少显存").map((g) => g.label)).not.toContain("lora");
  });

  it("finds nothing on topic when there is no passage", () => {
    expect(new QuestionJudge({}).evidence(index(), "LoRA 需要多少显存", [], 0)).toEqual({
      evidence: 0,
      nothingOnTopic: true,
      onlyEverydayWords: false,
    });
  });

  it("leaves a naming word's pieces (github → git, hub) out of the focus, as the word itself", () => {
    const judge = new QuestionJudge({});
    const question = "GitHub 上那份清单推荐用哪个工具做 LoRA 微调？";
    const labels = judge.termGroups(index(), question).map((g) => g.label);
    expect(labels).toEqual(expect.arrayContaining(["github", "git", "hub"]));
    // A passage that holds a piece of the naming word, beside the index's own.
    const piece = { ...index().chunks[0]!, id: "git-piece", text: "先学会用 git 管理代码，再做 LoRA 微调。" };
    const passages = [piece, ...index().chunks].map((chunk) => ({ chunk, score: 1, role: "match" as const }));
    const focus = judge.focus(index(), question, passages, { naming: ["github"] });
    for (const term of focus?.terms ?? []) expect(["github", "git", "hub"]).not.toContain(term);
  });

  it("names what no passage of the index uses", () => {
    expect(new QuestionJudge({}).unknownNames(index(), "Does the example roadmap cover Kotlin?")).toEqual(["Kotlin"]);
  });

  it("reads no place in a homophone typo of a corpus word (五街段 for 五阶段), only when typo repair is on", () => {
    const question = "那份五街段的路线里先学什么？";
    expect(new QuestionJudge({ typos: false }).unknownNames(index(), question)).toEqual(["五街"]);
    expect(new QuestionJudge({}).unknownNames(index(), question)).toEqual([]);
    // A real place beside no typo stays a name no passage uses.
    expect(new QuestionJudge({}).unknownNames(index(), "台北有没有这条路线的课程？")).toEqual(["台北"]);
  });
});
