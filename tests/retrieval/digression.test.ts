/**
 * A question that steps aside from the conversation to a thing of its own (digression.ts), with
 * questions written for this test: on a few chunks whose words are set, and on the bundled corpus.
 */
import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { DEFAULT_ABSTAIN_THRESHOLD } from "../../src/config.js";
import { contentTermGroups } from "../../src/retrieval/abstention.js";
import { confidenceOf } from "../../src/retrieval/confidence.js";
import { digressesToItsOwn } from "../../src/retrieval/digression.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { TermStatistics } from "../../src/retrieval/termStatistics.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";
import { useBundledTestIndex } from "../support/buildTestIndex.js";

describe("digressesToItsOwn", () => {
  const chunk = (id: string, text: string): Chunk =>
    ({ id, docId: "doc", text, headingPath: [], lines: { start: 1, end: 1 }, ordinal: 0 }) as unknown as Chunk;
  const statistics = new TermStatistics(
    [
      chunk("a", "大模型入门：先准备 Python 基础，再学习 Transformer 与注意力机制。"),
      chunk("b", "大模型微调：LoRA 让消费级显卡也能微调模型，准备好数据集。"),
      chunk("c", "Kaggle 竞赛适合练手，GitHub 上有很多开源项目。"),
    ],
    tokenizeForSearch,
  );
  // The corpus's Latin words, and two it reaches through the dictionary (worth → 价值, learning → 学习).
  const latinUsed = (token: string) => statistics.frequency(token) > 0 || ["worth", "learning"].includes(token);
  const digresses = (question: string) =>
    digressesToItsOwn(question, contentTermGroups(question, tokenizeForSearch, statistics), statistics, latinUsed);

  it("reads a question that opens by stepping aside and asks of a word of its own", () => {
    expect(digresses("顺便问一下，驾照科目二倒车入库有啥技巧？")).toBe(true);
    expect(digresses("对了，Kaggle 的奖金要交税吗？")).toBe(true);
    expect(digresses("btw how do I patch a flat bike tire?")).toBe(true);
    expect(digresses("ok unrelated but which sourdough starter should I buy?")).toBe(true);
  });

  it("reads the opener after a thanks for the last answer", () => {
    expect(digresses("cool, thanks. btw how do I patch a flat bike tire?")).toBe(true);
    expect(digresses("好的谢谢，顺便问下驾照科目二倒车入库有啥技巧？")).toBe(true);
    expect(digresses("thanks! 对了，LoRA 微调要准备多少数据？")).toBe(false);
  });

  it("reads a change of subject said outright, with a degree or a size before unrelated", () => {
    expect(digresses("好的，换个话题，驾照科目二倒车入库有啥技巧？")).toBe(true);
    expect(digresses("跟这个无关，倒车入库要先看后视镜吗？")).toBe(true);
    expect(digresses("问个跟学习没关系的问题：倒车入库有啥技巧？")).toBe(true);
    expect(digresses("nice. totally unrelated, but how do I patch a flat bike tire?")).toBe(true);
    expect(digresses("quick off-topic question: which sourdough starter should I buy?")).toBe(true);
    expect(digresses("ok, on a different note, how do I patch a flat bike tire?")).toBe(true);
    expect(digresses("换个话题，LoRA 微调要准备多少数据？")).toBe(false);
    expect(digresses("totally unrelated, but is LoRA fine-tuning worth learning?")).toBe(false);
  });

  it("leaves a new topic of the field alone: no word of its own beside the opener", () => {
    expect(digresses("对了，LoRA 微调要准备多少数据？")).toBe(false);
    expect(digresses("btw is LoRA fine-tuning worth learning?")).toBe(false);
  });

  it("needs the opener at the start: a question of its own without one is another rule's, and 对了吗 asks whether", () => {
    expect(digresses("驾照科目二倒车入库有啥技巧？")).toBe(false);
    expect(digresses("Kaggle 竞赛练手，顺便问一下倒车入库？")).toBe(false);
    expect(digresses("对了吗？倒车入库要先看后视镜")).toBe(false);
  });
});

describe("a digression on the bundled corpus", () => {
  const built = useBundledTestIndex();
  const retriever = () =>
    new HybridRetriever({ index: () => built().snapshot, k: 5, maxChunksPerSection: 2, abstainThreshold: DEFAULT_ABSTAIN_THRESHOLD });

  it("is low at best, though its field word finds passages", async () => {
    const question = "顺便问下，GitHub 账号被封了怎么申诉？";
    const result = await retriever().retrieve(question);
    expect(result.digression).toBe(true);
    expect(confidenceOf(question, result)).not.toBe("high");
  });

  it("keeps a new topic of the field as it was", async () => {
    const question = "对了，LoRA 是什么？";
    const result = await retriever().retrieve(question);
    expect(result.digression).toBeUndefined();
    expect(confidenceOf(question, result)).toBe("high");
  });
});
