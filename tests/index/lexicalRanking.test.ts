import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/chunking/index.js";
import { loadCorpus } from "../../src/corpus/index.js";
import { LexicalIndex } from "../../src/index/LexicalIndex.js";
import { lexicalIndexFromFiles, lexicalIndexToFiles } from "../../src/index/lexicalIndexFiles.js";
import type { Chunk } from "../../src/chunking/types.js";
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
    const { json, bin } = lexicalIndexToFiles(index);
    const reloaded = lexicalIndexFromFiles(
      json,
      Buffer.from(bin),
      chunks.map((chunk) => chunk.id),
    );
    for (const query of QUERIES) expect(reloaded.search(query, 10)).toEqual(index.search(query, 10));
  });
});

/** Zipf-like word bags: a few words in almost every chunk, most in a handful, where pruning skips the common ones. */
function zipfChunks(count: number): Chunk[] {
  const words = [
    "模型",
    "学习",
    "数据",
    "训练",
    "微调",
    "检索",
    "向量",
    "量化",
    "蒸馏",
    "对齐",
    "transformer",
    "attention",
    "lora",
    "agent",
    "prompt",
    "tokenizer",
  ];
  let seed = 1;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  return Array.from({ length: count }, (_, i) => {
    const bag = Array.from({ length: 6 + Math.floor(random() * 20) }, () => words[Math.floor(words.length * random() ** 3)]!);
    return {
      id: `c${i}`,
      docId: "d",
      source: "s.md",
      title: "t",
      kind: "roadmap",
      headingPath: [],
      sectionIndex: 0,
      text: bag.join(" "),
      startLine: 1,
      endLine: 1,
      links: [],
      linkedFrom: [],
    };
  });
}

describe("pruning keeps the exact top k where common terms dominate", () => {
  const chunks = zipfChunks(1500);
  const index = LexicalIndex.fromChunks(chunks);
  const reference = miniSearchReference(chunks);
  it.each(["模型 学习 tokenizer", "模型 学习 数据 训练 agent", "transformer attention 模型", "lora 微调 模型 学习"])("%s", (query) => {
    for (const k of [1, 3, 10]) {
      const expected = reference.search(query, k);
      const actual = index.search(query, k);
      expect(actual.map((hit) => hit.score)).toEqual(expected.map((hit) => expect.closeTo(hit.score, 6)));
    }
  });
});

/**
 * A larger generated corpus (Zipf over 400 words, Chinese and English, with prefix families) and
 * 120 random queries: the pruned top k must be exactly the first k of the exhaustive ranking
 * (k ≥ every match, where nothing can be pruned), same chunks, same order, same scores; and a
 * filtered search exactly the first k of the exhaustive ranking filtered.
 */
describe("pruned top k equals the exhaustive ranking (generated corpus)", () => {
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const stems = ["模型", "学习", "数据", "训练", "微调", "检索", "向量", "量化", "transformer", "attention", "tokenizer", "embedding"];
  const words = Array.from(
    { length: 400 },
    (_, i) => `${stems[i % stems.length]}${i < stems.length ? "" : i % 3 === 0 ? `s${i}` : `x${i}`}`,
  );
  const pick = () => words[Math.floor(words.length * random() ** 4)]!;
  const template = zipfChunks(1)[0]!;
  const chunks: Chunk[] = Array.from({ length: 3000 }, (_, i) => {
    const bag = Array.from({ length: 4 + Math.floor(random() * 40) }, pick);
    return { ...template, id: `g${i}`, docId: `d${i % 7}`, text: bag.join(" ") };
  });
  const index = LexicalIndex.fromChunks(chunks);
  const queries = Array.from({ length: 120 }, () => Array.from({ length: 1 + Math.floor(random() * 8) }, pick).join(" "));
  const accept = (chunkId: string) => Number(chunkId.slice(1)) % 7 < 3;

  it("same chunks, order and scores for k = 1, 5, 24, filtered or not", () => {
    let compared = 0;
    for (const query of queries) {
      const exhaustive = index.search(query, chunks.length);
      for (const k of [1, 5, 24]) {
        expect(index.search(query, k), `${query} k=${k}`).toEqual(exhaustive.slice(0, k));
        expect(index.search(query, k, accept), `${query} k=${k} filtered`).toEqual(
          exhaustive.filter((hit) => accept(hit.chunkId)).slice(0, k),
        );
        compared += Math.min(k, exhaustive.length);
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it("the WebAssembly loops give what the JavaScript ones give, to the last bit of every score", () => {
    const javascript = LexicalIndex.fromChunks(chunks, { kernel: false });
    expect([index.usesKernel, javascript.usesKernel]).toEqual([true, false]);
    const reloaded = lexicalIndexFromFiles(
      lexicalIndexToFiles(index).json,
      lexicalIndexToFiles(index).bin,
      chunks.map((chunk) => chunk.id),
    );
    for (const query of queries) {
      for (const k of [1, 24, 300]) {
        const hits = index.search(query, k);
        expect(hits, `${query} k=${k}`).toEqual(javascript.search(query, k));
        expect(reloaded.search(query, k), `${query} k=${k} reloaded`).toEqual(hits);
      }
    }
  });
});
