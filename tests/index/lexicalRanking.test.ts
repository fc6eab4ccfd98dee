import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/chunking/index.js";
import { loadCorpus } from "../../src/corpus/index.js";
import { LexicalIndex } from "../../src/index/LexicalIndex.js";
import { miniSearchReference } from "./support/miniSearchReference.js";

/** Questions a learner asks, with the common words (模型, 学习, LLM) that made the old index slow. */
const QUERIES = [
  "LoRA 微调是什么",
  "大模型学习路线",
  "如何学习 Transformer 模型",
  "RAG 检索增强生成",
  "transformer attention",
  "Python 基础 PyTorch 入门",
  "模型 学习 数据 训练",
  "提示工程 prompt engineering",
  "LLM agent 智能体",
  "量化 部署 推理加速",
  "向量数据库 embedding",
  "RLHF 对齐 强化学习",
  "预训练 数据集",
  "大语言模型综述",
  "fine-tuning instruction tuning",
  "多模态 模型",
  "学习",
  "模型",
];

describe("LexicalIndex ranks as the MiniSearch index it replaced (bundled corpus)", async () => {
  const { documents } = await loadCorpus("corpus");
  const chunks = documents.flatMap((doc) => chunkDocument(doc));
  const index = LexicalIndex.fromChunks(chunks);
  const reference = miniSearchReference(chunks);

  it.each(QUERIES)("same top 10, same order and scores: %s", (query) => {
    const expected = reference.search(query, 10);
    const actual = index.search(query, 10);
    expect(expected.length).toBeGreaterThan(0);
    expect(actual.map((hit) => hit.chunkId)).toEqual(expected.map((hit) => hit.chunkId));
    for (const [i, hit] of actual.entries()) {
      expect(hit.score).toBeCloseTo(expected[i]!.score, 6);
      expect([...hit.matchedTerms].sort()).toEqual([...expected[i]!.matchedTerms].sort());
    }
  });

  it("returns the same top 10 after a round trip through its files", () => {
    const { json, bin } = index.toFiles();
    const reloaded = LexicalIndex.fromFiles(json, Buffer.from(bin), chunks.map((chunk) => chunk.id));
    for (const query of QUERIES) expect(reloaded.search(query, 10)).toEqual(index.search(query, 10));
  });
});
