import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LocalHashedEmbeddings } from "../../src/embeddings/LocalHashedEmbeddings.js";
import { SparseVectorIndex } from "../../src/index/SparseVectorIndex.js";
import { exactTopK } from "../../scripts/bench/scaleRecall.js";

const embedder = new LocalHashedEmbeddings({ dimensions: 1024 });
const TEXTS = [
  "LoRA 是一种参数高效微调方法，冻结原模型权重，只训练低秩矩阵。",
  "QLoRA 在 4-bit 量化模型上做 LoRA 微调，显存更省。",
  "RAG 检索增强生成：先检索相关文档，再让大模型根据文档回答。",
  "向量数据库保存文本的向量，支持近似最近邻检索。",
  "Transformer 的自注意力机制计算每个词与其他词的相关性。",
  "vLLM 用 PagedAttention 提高推理吞吐，适合部署大模型服务。",
  "Prompt engineering: few-shot examples and chain of thought prompting.",
  "Fine-tuning large language models with instruction datasets and RLHF.",
  "BM25 是经典的关键词检索排序函数。",
  "模型评估：困惑度、BLEU、人工评测与基准测试。",
];
const vectors = TEXTS.map((text) => embedder.embedText(text));
const QUERIES = ["LoRA 微调", "检索增强生成 RAG", "推理部署 vllm", "instruction fine-tuning", "评估 基准", "注意力"];

describe("SparseVectorIndex", () => {
  it("stores the local embedder's vectors sparsely (what makes it the chosen index for them)", () => {
    expect(SparseVectorIndex.density(vectors)).toBeLessThan(0.5);
  });

  it("returns exactly the brute-force cosine top k, with the same similarities", () => {
    const index = SparseVectorIndex.fromVectors(vectors, 1024);
    for (const query of QUERIES) {
      const q = embedder.embedText(query);
      const hits = index.search(q, 5);
      expect(hits.map((hit) => hit.label)).toEqual(exactTopK(vectors, q, 5));
      for (const hit of hits) {
        let dot = 0;
        for (let d = 0; d < 1024; d++) dot += q[d]! * vectors[hit.label]![d]!;
        expect(hit.similarity).toBeCloseTo(dot, 5);
      }
    }
  });

  it("searches the same after a round trip through its file, and gives every vector back", () => {
    const { header, bin } = SparseVectorIndex.fromVectors(vectors, 1024).toFile();
    // A Buffer slice at an odd offset, as a pooled read could give.
    const shifted = Buffer.alloc(bin.byteLength + 1);
    shifted.set(bin, 1);
    const loaded = SparseVectorIndex.fromFile(header, shifted.subarray(1));
    const q = embedder.embedText("LoRA 微调");
    expect(loaded.search(q, 3)).toEqual(SparseVectorIndex.fromVectors(vectors, 1024).search(q, 3));
    const vectorAt = loaded.vectorsByLabel();
    for (const [label, vector] of vectors.entries()) expect(Array.from(vectorAt(label))).toEqual(Array.from(vector));
  });

  it("keeps only accepted labels when filtered, and clears its scratch scores between searches", () => {
    const index = SparseVectorIndex.fromVectors(vectors, 1024);
    const q = embedder.embedText("LoRA 微调");
    const even = index.search(q, 3, (label) => label % 2 === 0);
    expect(even.every((hit) => hit.label % 2 === 0)).toBe(true);
    expect(even[0]!.label).toBe(
      exactTopK(
        vectors.filter((_, i) => i % 2 === 0),
        q,
        1,
      )[0]! * 2,
    );
    expect(index.search(q, 3)).toEqual(index.search(q, 3));
  });

  it("sums in WebAssembly to the very same scores as the JavaScript loop, filtered or not", () => {
    // Enough vectors that many share each dimension, and weights of both signs.
    const many = Array.from({ length: 400 }, (_, i) => embedder.embedText(`${TEXTS[i % TEXTS.length]} ${i} 第${i % 37}章 topic${i % 13}`));
    const wasm = SparseVectorIndex.fromVectors(many, 1024);
    const plain = SparseVectorIndex.fromVectors(many, 1024, { kernel: false });
    // Node has WebAssembly: a kernel that failed to compile would silently fall back, so say it ran.
    expect([wasm.usesKernel, plain.usesKernel]).toEqual([true, false]);
    const reloaded = SparseVectorIndex.fromFile(wasm.toFile().header, wasm.toFile().bin, { kernel: false });
    for (const query of [...QUERIES, ...TEXTS]) {
      const q = embedder.embedText(query);
      const hits = wasm.search(q, 50);
      expect(hits).toHaveLength(50);
      expect(hits).toEqual(plain.search(q, 50));
      expect(hits).toEqual(reloaded.search(q, 50));
      expect(wasm.search(q, 10, (label) => label % 3 === 0)).toEqual(plain.search(q, 10, (label) => label % 3 === 0));
    }
    // Ties (the same text under many labels): the lower label first, and the same labels kept, in both.
    const repeated = Array.from({ length: 60 }, (_, i) => vectors[i % 3]!);
    const tiedWasm = SparseVectorIndex.fromVectors(repeated, 1024);
    const tiedPlain = SparseVectorIndex.fromVectors(repeated, 1024, { kernel: false });
    for (const k of [1, 7, 20, 21, 60]) {
      const q = embedder.embedText(TEXTS[1]!);
      expect(tiedWasm.search(q, k), `k=${k}`).toEqual(tiedPlain.search(q, k));
    }
    expect(tiedWasm.search(embedder.embedText(TEXTS[1]!), 5).map((hit) => hit.label)).toEqual([1, 4, 7, 10, 13]);
    // A shorter question vector counts its missing dimensions as zero, in both.
    const short = Array.from(embedder.embedText("LoRA 微调")).slice(0, 300);
    expect(wasm.search(short, 5)).toEqual(plain.search(short, 5));
  });

  it("reads its file straight into its memory, and refuses a file of the wrong size", async () => {
    const { header, bin } = SparseVectorIndex.fromVectors(vectors, 1024).toFile();
    const dir = await mkdtemp(path.join(os.tmpdir(), "sparse-"));
    try {
      await writeFile(path.join(dir, "vectors.bin"), bin);
      const read = await SparseVectorIndex.readFile(header, path.join(dir, "vectors.bin"));
      const q = embedder.embedText("检索增强生成 RAG");
      expect(read.search(q, 4)).toEqual(SparseVectorIndex.fromVectors(vectors, 1024).search(q, 4));
      await writeFile(path.join(dir, "short.bin"), bin.subarray(0, bin.byteLength - 4));
      await expect(SparseVectorIndex.readFile(header, path.join(dir, "short.bin"))).rejects.toThrow(/bytes, expected/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a file of the wrong size or with labels out of range", () => {
    const { header, bin } = SparseVectorIndex.fromVectors(vectors, 1024).toFile();
    expect(() => SparseVectorIndex.fromFile(header, bin.subarray(0, bin.byteLength - 4))).toThrow(/bytes, expected/);
    expect(() => SparseVectorIndex.fromFile({ ...header, count: 2 }, bin)).toThrow(/out of range/);
  });
});
