import { describe, expect, it } from "vitest";
import { durationSpans, roadmapProfiles } from "../../src/retrieval/roadmapProfile.js";
import { roadmapDocument } from "../support/roadmapDocument.js";

const doc = roadmapDocument;

describe("title words that name the corpus's subject", () => {
  it("are no roadmap's own when another title names the subject in other words", () => {
    const subject = (entry: { zh: readonly string[] }) => entry.zh.includes("大模型");
    const titles = ["大模型学习路线", "大语言模型（LLM）学习路径和资料汇总", "大模型学习路径指南"];
    const profiles = (isSubject?: typeof subject) =>
      roadmapProfiles(
        titles.map((title, i) => doc(`r${i}`, title, `# ${title}\n正文`)),
        [],
        isSubject,
      ).map((p) => [...p.distinctTitleTokens].sort());
    // LLM and 大语言模型 are the others' 大模型: "the llm-course", "NLP (自然语言处理)" name no title.
    expect(profiles(subject)).toEqual([["路线"], ["汇总", "资料"], ["指南"]]);
    // 学习路线 and 学习路径 share a glossary concept, not the subject: 路线 still names its title.
    expect(profiles()[1]).toEqual(expect.arrayContaining(["llm", "语言"]));
  });
});

describe("durationSpans", () => {
  it("reads spans of months and weeks however they are written", () => {
    expect(durationSpans("一、原理学习阶段(2-3 个月)")).toEqual(["2-3m"]);
    expect(durationSpans("3–4 months of projects, then 6 weeks")).toEqual(["3-4m", "6-6w"]);
    expect(durationSpans("每周10-15小时")).toEqual([]);
    expect(durationSpans("两到三个月")).toEqual([]);
    expect(durationSpans("２-３ months")).toEqual([]);
  });
});
