import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { LocalHashedEmbeddings } from "../../src/embeddings/LocalHashedEmbeddings.js";
import { TokenIds } from "../../src/text/tokenIds.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
  return dot;
}

function norm(v: number[]): number {
  return Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
}

describe("LocalHashedEmbeddings", () => {
  const embeddings = new LocalHashedEmbeddings();

  it("identifies itself as the local lexical embedder with its size", () => {
    expect(embeddings.identity()).toEqual({ provider: "local", model: "hashed-lexical-v1", dimensions: 1024 });
    expect(new LocalHashedEmbeddings({ dimensions: 256 }).identity().dimensions).toBe(256);
  });

  it("is deterministic across instances and between query and document embedding", async () => {
    const text = "第二阶段：参数高效微调 LoRA / QLoRA";
    const [doc] = await embeddings.embedDocuments([text]);
    const query = await new LocalHashedEmbeddings().embedQuery(text);
    expect(doc).toEqual(query);
    expect(doc).toHaveLength(1024);
  });

  it("returns unit-length vectors", async () => {
    for (const text of ["Transformer 架构解析", "x", "RAG RAG RAG retrieval"]) {
      expect(norm(await embeddings.embedQuery(text))).toBeCloseTo(1, 5);
    }
  });

  it("puts texts that share words closer than unrelated ones", async () => {
    const [lora, peft, cooking, english] = await embeddings.embedDocuments([
      "微调 LoRA",
      "参数高效微调 LoRA",
      "番茄炒蛋的做法和火候",
      "fine-tuning large language models with LoRA adapters",
    ]);
    expect(cosine(lora!, peft!)).toBeGreaterThan(0.5);
    expect(cosine(lora!, peft!)).toBeGreaterThan(cosine(lora!, cooking!) + 0.4);
    expect(cosine(lora!, english!)).toBeGreaterThan(cosine(lora!, cooking!));
  });

  it("gives near-identical English word forms some similarity through character trigrams", async () => {
    const [a, b, c] = await embeddings.embedDocuments(["transformers", "transformer", "kitchen"]);
    expect(cosine(a!, b!)).toBeGreaterThan(0.3);
    expect(Math.abs(cosine(a!, c!))).toBeLessThan(0.15);
  });

  it("is safe on empty and punctuation-only text (zero vector, no NaN)", async () => {
    for (const text of ["", "   ", "。，！？"]) {
      const vector = await embeddings.embedQuery(text);
      expect(vector).toHaveLength(1024);
      expect(vector.every((x) => x === 0)).toBe(true);
    }
  });

  // An index on disk holds vectors of this embedder: a faster implementation must give the very
  // same bits, or every existing index would silently stop matching its questions. The digests
  // are those of the implementation that wrote the indexes of session 4.
  it("gives the same vector bits as the implementation existing indexes were written with", () => {
    const digest = (text: string) => createHash("sha256").update(embeddings.embedText(text)).digest("hex").slice(0, 16);
    expect(digest("学完 LoRA 之后该学什么? 低秩适配 low-rank adaptation 参数高效微调")).toBe("febf9fc58ef7ddb6");
    expect(digest("Transformer 的自注意力机制怎么学? self-attention transformers 注意力机制")).toBe("5f00d1be7d9fd210");
    expect(digest("微调微调 fine-tuning fine-tuning GPT-4 https://github.com/RUCAIBox/LLMSurvey")).toBe("51d24cc68d219a5d");
    // Han characters beyond the BMP (surrogate pairs) in bigrams, full-width text NFKC folds, one-character runs.
    expect(digest("𠮷野家的𠀀𠀁套餐 学习 𠮷 ＬｏＲＡ　微调，㍿ 模型模型模型")).toBe("a026ae0d8556b758");
    expect(digest("单 字 𠮷 a")).toBe("f041564762e5261a");
  });

  // A short text (a question with its expansions) is embedded from its remembered pieces; it must
  // be the very vector of the whole text's features, whatever the spacing, scripts or repeats.
  it("embeds a text from its pieces exactly as from the whole text's tokens, remembered or not", () => {
    const texts = [
      "学完 LoRA 之后该学什么? 低秩适配 low-rank adaptation 参数高效微调",
      "  leading and trailing spaces  and  double  spaces ",
      "微调微调 微调 fine-tuning fine-tuning GPT-4 https://github.com/RUCAIBox/LLMSurvey",
      "全角　空格ＬｏＲＡ和\t制表符\n换行 ㍿ 𠮷野家 𠀀𠀁",
      "transformers transformer transformers 注意力 注意力机制 注意力",
      "",
      " ",
      "x",
    ];
    // Eight dimensions: most features share a slot, where the order they are summed in shows in the bits.
    for (const embedder of [embeddings, new LocalHashedEmbeddings({ dimensions: 8 })]) {
      for (let round = 0; round < 2; round++) {
        for (const text of texts) {
          const whole = embedder.embedTokenized(text, tokenizeForSearch(text));
          expect(Buffer.from(embedder.embedText(text).buffer).equals(Buffer.from(whole.buffer)), JSON.stringify(text)).toBe(true);
        }
      }
    }
  });

  it("embeds a corpus by token ids (an ingest's path) to the same bits as embedTokenized", () => {
    const texts = [
      "学完 LoRA 之后该学什么? 低秩适配 low-rank adaptation 参数高效微调",
      "微调微调 微调 fine-tuning fine-tuning GPT-4 https://github.com/RUCAIBox/LLMSurvey",
      "transformers transformer transformers 注意力 注意力机制 注意力",
      // A word that is also another word's trigram ("ora" of "lora"): the kinds are counted apart.
      "ora lora lora ora 𠮷野家",
      "",
      "x",
      "微调微调 微调 fine-tuning fine-tuning GPT-4 https://github.com/RUCAIBox/LLMSurvey",
    ];
    for (const embedder of [embeddings, new LocalHashedEmbeddings({ dimensions: 8 })]) {
      const vocabulary = new TokenIds();
      const embed = embedder.corpusEmbedder(vocabulary);
      let ids: Uint32Array = new Uint32Array(1);
      for (const text of texts) {
        const tokens = tokenizeForSearch(text);
        ids = vocabulary.idsOf(tokens, ids);
        const byIds = embed(text, ids, tokens.length);
        const whole = embedder.embedTokenized(text, tokens);
        expect(Buffer.from(byIds.buffer).equals(Buffer.from(whole.buffer)), JSON.stringify(text)).toBe(true);
      }
    }
  });

  it("still embeds exactly after its table of feature names fills up and starts over", () => {
    // Questions' worth of new words (a name each, and their trigrams'): past the table's 65,536
    // names it starts over, and the pieces remembered before must not keep stale ids.
    const text = (n: number) => Array.from({ length: 70 }, (_, j) => `q${(n * 70 + j).toString(36)}z`).join(" ");
    const same = (t: string) =>
      Buffer.from(embeddings.embedText(t).buffer).equals(Buffer.from(embeddings.embedTokenized(t, tokenizeForSearch(t)).buffer));
    const probe = "学完 LoRA 之后该学什么? 低秩适配 low-rank adaptation 参数高效微调";
    expect(same(probe)).toBe(true);
    for (let n = 0; n < 1000; n++) {
      const t = text(n);
      expect(t.length).toBeLessThanOrEqual(1024);
      embeddings.embedText(t);
      // The previous text's pieces were remembered a call ago: stale if the table started over since.
      if (n > 0) expect(same(text(n - 1)), `text ${n - 1}`).toBe(true);
    }
    expect(same(probe)).toBe(true);
    expect(same(text(0))).toBe(true);
  });

  it("rejects a nonsensical size", () => {
    expect(() => new LocalHashedEmbeddings({ dimensions: 0 })).toThrow(RangeError);
  });
});
