import { describe, expect, it } from "vitest";
import type { TermGroup } from "../../src/retrieval/abstention.js";
import { detailFocus, heldGroups, stageFocus, topicEvidence } from "../../src/retrieval/questionEvidence.js";
import { TermStatistics } from "../../src/retrieval/termStatistics.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";
import { lexicalPassage } from "../support/lexicalChunks.js";

/** A plan whose time budget lists its stages in one passage, and each stage's own section. */
const PASSAGES = [
  lexicalPassage("budget", "时间投入", "- 入门阶段：每周10-15小时\n- 应用实践：项目驱动，每个项目1-3个月"),
  lexicalPassage("practice", "应用实践阶段", "做三个项目：问答机器人、文档助手、领域助手。"),
  lexicalPassage("other", "学习资源", "推荐《大模型入门》系列视频。"),
];
const STAGES = ["入门", "基础夯实", "应用实践", "专业深入"];

describe("stageFocus", () => {
  it("keeps a detail asked of a named stage to the passages naming that stage, and names it as the term", () => {
    expect(stageFocus("五阶段那份的应用实践阶段每周要几个小时？", STAGES, PASSAGES)).toEqual({
      chunkIds: ["budget", "practice"],
      terms: ["应用实践"],
    });
    // The longest name the question holds wins over a shorter one inside it.
    expect(stageFocus("应用实践阶段要多久", ["应用", "应用实践"], PASSAGES)?.terms).toEqual(["应用实践"]);
  });

  it("reads no stage from a question that names none, from a book title, or that no passage names", () => {
    expect(stageFocus("每周要几个小时？", STAGES, PASSAGES)).toBeUndefined();
    expect(stageFocus("《大模型入门》是哪位老师讲的？", STAGES, PASSAGES)).toBeUndefined();
    expect(stageFocus("专业深入阶段要多久？", STAGES, PASSAGES)).toBeUndefined();
  });
});

describe("detailFocus of a 《title》", () => {
  const tokensOf = (chunk: { text: string }) => new Set(tokenizeForSearch(chunk.text));
  const group = (label: string, weight: number): TermGroup => ({ label, tokens: tokenizeForSearch(label), weight });

  it("finds nothing beside a book that no passage names: another thing's teacher is not its", () => {
    const teacher = lexicalPassage("teacher", "入门课程", "吴老师的《提示词入门》课程，讲解基础提示词编写。");
    expect(detailFocus("《周末快报》是谁办的？", [teacher], [group("周末", 6), group("快报", 6)], tokensOf)).toEqual({
      chunkIds: [],
      terms: ["周末快报"],
    });
  });

  it("keeps the passages that name it misspelt, or that are of the document with that title", () => {
    const book = lexicalPassage("book", "推荐书籍", "《动手学深度学习》适合入门。");
    expect(detailFocus("《东手学深度学习》是谁写的？", [book], [group("深度学习", 5)], tokensOf)?.chunkIds).toEqual(["book"]);
    // lexicalChunk's document is titled 学习路线.
    const own = lexicalPassage("own", "时间投入", "入门阶段：每周10-15小时。");
    expect(detailFocus("《学习路线》入门阶段每周几个小时？", [own], [group("入门", 5)], tokensOf)?.chunkIds).toEqual(["own"]);
  });
});

describe("detailFocus of a question with a pronoun", () => {
  const tokensOf = (chunk: { text: string }) => new Set(tokenizeForSearch(chunk.text));
  const group = (label: string, weight: number): TermGroup => ({ label, tokens: tokenizeForSearch(label), weight });

  it("never takes a pronoun (每个, 各个, 某个) for the thing a detail is asked of", () => {
    const plan = lexicalPassage("plan", "学习计划", "建议在每阶段配合 1 - 2 个实战项目。");
    const other = lexicalPassage("other", "入门课程", "每个视频约 40 分钟。");
    // 每个 is rarer than 实战项目 here, and only the other passage holds it: it would have been the focus.
    const focus = detailFocus("每个阶段配几个实战项目？", [plan, other], [group("每个", 9), group("实战项目", 5)], tokensOf);
    expect(focus?.chunkIds).toEqual(["plan"]);
  });
});

describe("topicEvidence from the re-ranker's marks", () => {
  const top = [
    lexicalPassage("lora", "参数高效微调", "LoRA 只训练低秩矩阵，显存省很多。"),
    lexicalPassage("rag", "检索增强", "RAG 先检索再生成，公司 内部文档 常用。"),
  ];
  const outside = lexicalPassage("outside", "不在索引里", "LoRA 也在这里。");
  const statistics = new TermStatistics(
    [...top, lexicalPassage("other", "别的", "量化 与 蒸馏")].map((p) => p.chunk),
    tokenizeForSearch,
  );
  const group = (label: string, tokens: string[], weight: number): TermGroup => ({ label, tokens, weight });
  const groups = [
    group("LoRA", ["lora", "低秩"], 2),
    group("蒸馏", ["蒸馏"], 1.5),
    group("公司", ["公司"], 0.5),
    group("显存", ["显存", "vram"], 1),
    group("没有", ["没有的词"], 1),
  ];
  const marks = () =>
    statistics.markTerms(
      groups.map((g) => g.tokens.filter((t) => statistics.frequency(t) > 0)),
      [],
    )!;

  it("finds the same groups from the marks' bits as from the passages' token sets", () => {
    const held = heldGroups(top, marks());
    expect(held).toBe(0b1101);
    const fromSets = topicEvidence(
      groups,
      top.map((p) => statistics.tokensOf(p.chunk)),
      0.2,
    );
    expect(topicEvidence(groups, held!, 0.2)).toEqual(fromSets);
    expect(fromSets.nothingOnTopic).toBe(false);
    // Only the everyday word found: the same from both.
    const second = heldGroups([top[1]!], marks());
    expect(second).toBe(0b0100);
    expect(topicEvidence(groups, second!, 0)).toEqual(topicEvidence(groups, [statistics.tokensOf(top[1]!.chunk)], 0));
    expect(topicEvidence(groups, second!, 0).onlyEverydayWords).toBe(true);
    expect(topicEvidence(groups, 0, 0).nothingOnTopic).toBe(true);
  });

  it("reads no bits when a passage is outside the index or a newer marking replaced the marks", () => {
    expect(heldGroups([...top, outside], marks())).toBeUndefined();
    const old = marks();
    marks();
    expect(heldGroups(top, old)).toBeUndefined();
  });
});
