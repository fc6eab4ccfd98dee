/**
 * A field word against a subject outside the field counts only when the corpus uses it in a few
 * passages (fieldWordSupport.ts), with questions written for this test: on a few chunks where how
 * often a word is used is set, and on the bundled corpus.
 */
import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { DEFAULT_ABSTAIN_THRESHOLD } from "../../src/config.js";
import { contentTermGroups } from "../../src/retrieval/abstention.js";
import { confidenceOf } from "../../src/retrieval/confidence.js";
import { FIELD_WORD_MIN_PASSAGES, usedAcrossPassages } from "../../src/retrieval/fieldWordSupport.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { fieldReading, fieldWordFound } from "../../src/retrieval/offFieldSubject.js";
import { TermStatistics } from "../../src/retrieval/termStatistics.js";
import { scanGeneralIdf } from "../../src/text/generalIdf.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";
import { useBundledTestIndex } from "../support/buildTestIndex.js";

describe("usedAcrossPassages, on a few chunks", () => {
  const chunk = (id: string, text: string): Chunk =>
    ({ id, docId: "doc", text, headingPath: [], lines: { start: 1, end: 1 }, ordinal: 0 }) as unknown as Chunk;
  const chunks = [
    chunk("a", "第一阶段：微调入门，先读懂 LoRA 的论文，再动手微调一个小模型。"),
    chunk("b", "第二阶段：用 LoRA 微调对话模型，准备好指令数据。"),
    chunk("c", "第三阶段：微调之后做评测，比较不同模型的效果。"),
    chunk("d", "附录：推荐读物与计算机专业课的参考书目。"),
    chunk("e", "常见问题：显存不够时怎么办？"),
  ];
  const statistics = new TermStatistics(chunks, tokenizeForSearch);
  const general = scanGeneralIdf((word) => statistics.frequency(word) > 0);
  const inUse = usedAcrossPassages(statistics);
  const groupsOf = (question: string) => contentTermGroups(question, tokenizeForSearch, statistics);
  const tokensOf = (found: readonly Chunk[]) => found.map((c) => statistics.tokensOf(c));

  it("reads a word held by FIELD_WORD_MIN_PASSAGES chunks as used, one mentioned once as not", () => {
    expect(FIELD_WORD_MIN_PASSAGES).toBe(3);
    expect(inUse("微调")).toBe(true);
    expect(inUse("专业课")).toBe(false);
    expect(inUse("显存")).toBe(false);
  });

  it("does not let a word one passage mentions in passing stand for the field against a subject of the question's own", () => {
    const question = "考驾照要报哪些专业课？";
    const found = tokensOf([chunks[3]!]);
    // Without the support check 专业课's keyness is jieba's idf alone, and it reads as the field's.
    expect(fieldWordFound(groupsOf(question), found, statistics, () => general)).toBe(true);
    expect(fieldWordFound(groupsOf(question), found, statistics, () => general, undefined, inUse)).toBe(false);
  });

  it("still counts a word the corpus uses across its passages", () => {
    const question = "驾校教练说微调很难，是真的吗？";
    expect(fieldWordFound(groupsOf(question), tokensOf([chunks[1]!]), statistics, () => general, undefined, inUse)).toBe(true);
  });

  it("leaves the field-paraphrase reading as it was: learners' paraphrases rely on such words", () => {
    const question = "显存不够怎么办？";
    const reading = fieldReading(question, groupsOf(question), tokensOf([chunks[4]!]), statistics, () => general, inUse);
    expect(reading.paraphrase).toBe(true);
  });
});

describe("a subject outside the field sharing only a word mentioned in passing, on the bundled corpus", () => {
  const built = useBundledTestIndex();
  const retriever = () =>
    new HybridRetriever({ index: () => built().snapshot, k: 5, maxChunksPerSection: 2, abstainThreshold: DEFAULT_ABSTAIN_THRESHOLD });

  it("is low: 专业课 is in one passage of the roadmaps", async () => {
    const question = "雅思口语的专业课怎么选？";
    const result = await retriever().retrieve(question);
    expect(result.outsideSubjects).toContain("雅思");
    expect(confidenceOf(question, result)).toBe("low");
  });

  it("keeps a question about the field asked from another trade, whose field words the roadmaps use throughout", async () => {
    const question = "想给律师事务所搭一个大模型知识库问答，要先学什么？";
    const result = await retriever().retrieve(question);
    expect(result.outsideSubjects).toBeUndefined();
    expect(confidenceOf(question, result)).toBe("high");
  });
});
