/**
 * A question whose subject lies outside the field (offFieldSubject.ts), with questions written for
 * this test: on the bundled corpus, and on a few chunks where what the passages hold is set.
 */
import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { DEFAULT_ABSTAIN_THRESHOLD } from "../../src/config.js";
import { contentTermGroups } from "../../src/retrieval/abstention.js";
import { confidenceOf } from "../../src/retrieval/confidence.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { fieldReading, subjectOutsideField } from "../../src/retrieval/offFieldSubject.js";
import { TermStatistics } from "../../src/retrieval/termStatistics.js";
import { scanGeneralIdf } from "../../src/text/generalIdf.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";
import { useBundledTestIndex } from "../support/buildTestIndex.js";

describe("a question about something outside the field, on the bundled corpus", () => {
  const built = useBundledTestIndex();
  const retriever = () =>
    new HybridRetriever({ index: () => built().snapshot, k: 5, maxChunksPerSection: 2, abstainThreshold: DEFAULT_ABSTAIN_THRESHOLD });

  it("is low when its nouns are no field's words and the passages share only everyday words with it", async () => {
    const question = "周末想学做蛋糕，烤箱和打蛋器要准备哪些？";
    const result = await retriever().retrieve(question);
    expect(result.fieldSubject?.offFieldNouns).toEqual(expect.arrayContaining(["蛋糕", "烤箱"]));
    expect(result.fieldSubject?.fieldWordFound).toBe(false);
    expect(confidenceOf(question, result)).toBe("low");
  });

  it("leaves a learner's paraphrase of the field alone: one unknown noun, and the field's own word found", async () => {
    const question = "公司想把模型部署在自己机房，需要准备什么？";
    const result = await retriever().retrieve(question);
    expect(subjectOutsideField(result.fieldSubject)).toBe(false);
    expect(confidenceOf(question, result)).toBe("high");
  });
});

describe("fieldReading", () => {
  const chunk = (id: string, text: string): Chunk =>
    ({ id, docId: "doc", text, headingPath: [], lines: { start: 1, end: 1 }, ordinal: 0 }) as unknown as Chunk;
  const chunks = [
    chunk("a", "大模型入门：先准备 Python 基础，再学习 Transformer 与注意力机制。"),
    chunk("b", "大模型微调：LoRA 让消费级显卡也能微调模型，准备好数据集。"),
    chunk("c", "部署阶段：学习模型量化、推理加速与私有化部署。"),
    chunk("d", "学习计划：每周留出时间，快速复习前一阶段的内容。"),
  ];
  const statistics = new TermStatistics(chunks, tokenizeForSearch);
  const general = scanGeneralIdf((word) => statistics.frequency(word) > 0);
  const readingOf = (question: string, found: readonly Chunk[]) =>
    fieldReading(
      question,
      contentTermGroups(question, tokenizeForSearch, statistics),
      found.map((c) => statistics.tokensOf(c)),
      statistics,
      () => general,
    );
  const subjectOf = (question: string, found: readonly Chunk[]) => readingOf(question, found).subject;

  it("finds the nouns of a subject of its own, which passages matching its everyday words do not support", () => {
    const subject = subjectOf("考驾照的科目二要准备哪些东西，有快速通过的计划吗？", [chunks[0]!, chunks[3]!]);
    expect(subject?.offFieldNouns).toEqual(expect.arrayContaining(["考驾照", "科目"]));
    expect(subject?.fieldWordFound).toBe(false);
    expect(subjectOutsideField(subject)).toBe(true);
  });

  it("counts a word the corpus uses far more than the general language as the field's, found", () => {
    const subject = subjectOf("考驾照的科目二和大模型微调哪个更难？", [chunks[1]!]);
    expect(subject?.fieldWordFound).toBe(true);
    expect(subjectOutsideField(subject)).toBe(false);
  });

  it("takes a question of known words with a field word found for the field in learners' words (its paraphrase reading)", () => {
    const paraphraseOf = (question: string, found: readonly Chunk[]) => readingOf(question, found).paraphrase;
    // 显卡 and 微调 are the passage's and the corpus's far more than the general language's.
    expect(paraphraseOf("只有消费级显卡，也能微调模型吗？", [chunks[1]!])).toBe(true);
    // The same words, but the passages found hold none of the field's.
    expect(paraphraseOf("只有消费级显卡，也能微调模型吗？", [chunks[3]!])).toBe(false);
    // One word no chunk and no vocabulary of the field names (驾照) is a subject of its own.
    expect(paraphraseOf("驾照考试和微调模型哪个难？", [chunks[1]!])).toBe(false);
  });

  it("reads nothing of a question with fewer than two such nouns", () => {
    expect(subjectOf("LoRA 微调要准备多少数据？", [chunks[1]!])).toBeUndefined();
    expect(subjectOf("驾照考试要准备什么？", [chunks[0]!])).toBeUndefined();
  });
});
