import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { contentTermGroups } from "../../src/retrieval/abstention.js";
import { candidateFeatures, tokenGroupMasks, type RerankContext } from "../../src/retrieval/rerank.js";
import { TermStatistics } from "../../src/retrieval/termStatistics.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";

describe("TermStatistics", () => {
  const chunk = (id: string, text: string) =>
    ({ id, text, headingPath: [], docId: "d", source: "d.md", lineStart: 1, lineEnd: 1 }) as unknown as Chunk;
  const statistics = new TermStatistics(
    [chunk("a", "基于 BERT 的系统(Java+Python 混合架构)"), chunk("b", "用 LLaMA-Factory 微调")],
    tokenizeForSearch,
  );

  it("knows a word used only inside a compound token as used", () => {
    expect(statistics.frequency("java")).toBe(0);
    expect(statistics.usedAsPart("java")).toBe(true);
    expect(statistics.usedAsPart("python")).toBe(true);
    expect(statistics.usedAsPart("kotlin")).toBe(false);
  });

  it("lists a chunk's terms, and the chunks naming every token of a name, by position", () => {
    const vocabulary = [...statistics.vocabulary()];
    expect([...statistics.termIdsOfChunk(1)].map((id) => vocabulary[id])).toEqual(
      tokenizeForSearch("用 LLaMA-Factory 微调").filter((t, i, all) => all.indexOf(t) === i),
    );
    const naming: number[] = [];
    statistics.forEachChunkNaming("Java+Python 混合架构", (c) => naming.push(c));
    expect(naming).toEqual([0]);
    statistics.forEachChunkNaming("BERT 微调", (c) => naming.push(c));
    expect(naming).toEqual([0]);
    expect(statistics.chunkPosition("b")).toBe(1);
    expect(statistics.chunkPosition("z")).toBeUndefined();
  });

  it("finds exactly the chunks holding every token of a name, however its tokens' chunk lists interleave", () => {
    // Chunk i holds "alpha" when i % 2 == 0, "beta" when i % 3 == 0, "gamma" when i % 7 < 2, "delta" in 5 of 600.
    const words = (i: number) =>
      [i % 2 === 0 && "alpha", i % 3 === 0 && "beta", i % 7 < 2 && "gamma", [5, 42, 126, 300, 599].includes(i) && "delta", "filler"]
        .filter(Boolean)
        .join(" ");
    const many = Array.from({ length: 600 }, (_, i) => chunk(`c${i}`, words(i)));
    const large = new TermStatistics(many, tokenizeForSearch);
    for (const name of ["alpha beta", "beta gamma", "alpha beta gamma", "gamma delta", "delta alpha beta", "alpha", "alpha omega"]) {
      const tokens = name.split(" ");
      const expected = many.flatMap((_, i) => (tokens.every((t) => words(i).split(" ").includes(t)) ? [i] : []));
      const found: number[] = [];
      large.forEachChunkNaming(name, (c) => found.push(c));
      expect(found, name).toEqual(expected);
    }
  });
});

describe("TermStatistics.markTerms", () => {
  const chunk = (id: string, text: string, headingPath = ["微调"]) =>
    ({ id, text, headingPath, docId: `d${id}`, source: "d.md", lineStart: 1, lineEnd: 1, links: [] }) as unknown as Chunk;
  const chunks = [
    chunk("a", "LoRA 是一种参数高效微调方法, 也可以搭配 QLoRA 量化"),
    chunk("b", "RAG 检索增强生成: 向量数据库与 embedding", ["RAG", "向量数据库"]),
    chunk("c", "先学 Python 和 PyTorch, 再学 Transformer 与注意力机制", ["PyTorch 与注意力机制"]),
  ];
  const statistics = new TermStatistics(chunks, tokenizeForSearch);
  const outside = chunk("z", "LoRA 微调");

  it("tells which groups and how many expansion tokens each chunk holds, as its token set does", () => {
    const marks = statistics.markTerms([["lora", "qlora"], ["rag"], ["pytorch", "never-seen"]], ["量化", "向量", "python", "lora"])!;
    expect(marks(chunks[0]!)).toEqual({ groups: 0b001, expansions: 2 });
    expect(marks(chunks[1]!)).toEqual({ groups: 0b010, expansions: 1 });
    expect(marks(chunks[2]!)).toEqual({ groups: 0b100, expansions: 1 });
    expect(marks(outside)).toBeUndefined();
  });

  it("reads the same marks from the marked terms' chunk lists as from each chunk's terms, short lists or long", () => {
    // 300 chunks of ~3 terms: "common" is in every one (its list is read chunk by chunk instead), "rare" in 3, each wN in ~8.
    const texts = Array.from({ length: 300 }, (_, i) => `common w${i % 37} v${i % 5}${i % 100 === 7 ? " rare" : ""}`);
    const many = texts.map((text, i) => chunk(`m${i}`, text, []));
    const large = new TermStatistics(many, tokenizeForSearch);
    for (const [groups, expansions] of [
      [[["rare"], ["w3", "w5"]], ["w16"]],
      [[["common"], ["rare"]], ["w1"]],
      [[["w0"]], ["common", "v4"]],
    ] as const) {
      const marks = large.markTerms(groups, expansions)!;
      many.forEach((c, i) => {
        const tokens = new Set(texts[i]!.split(" "));
        const expected = {
          groups: groups.reduce((bits, group, g) => (group.some((t) => tokens.has(t)) ? bits | (1 << g) : bits), 0),
          expansions: expansions.filter((t) => tokens.has(t)).length,
        };
        expect(marks(c), texts[i]).toEqual(expected);
        expect(marks(c, i)).toEqual(expected);
      });
    }
  });

  it("reads nothing once a newer marking exists, and marks nothing over 30 groups", () => {
    const older = statistics.markTerms([["lora"]], [])!;
    const newer = statistics.markTerms([["rag"]], [])!;
    expect(older(chunks[0]!)).toBeUndefined();
    expect(newer(chunks[0]!)).toEqual({ groups: 0, expansions: 0 });
    expect(newer(chunks[1]!)).toEqual({ groups: 1, expansions: 0 });
    expect(
      statistics.markTerms(
        Array.from({ length: 31 }, () => ["lora"]),
        [],
      ),
    ).toBeUndefined();
  });

  it("gives the re-ranker the same features as the candidates' token sets, to the last bit", () => {
    let headingsCovered = 0;
    for (const question of [
      "LoRA 和 QLoRA 的量化怎么学",
      "RAG 的向量数据库",
      "PyTorch 还是 Transformer 先学",
      "注意力机制 lora rag python",
    ]) {
      const groups = contentTermGroups(question, tokenizeForSearch, statistics);
      const expansions = ["量化", "向量", "python", "embedding", "nowhere"].filter((t) => statistics.frequency(t) > 0);
      const base: RerankContext = {
        groups,
        groupsInIndex: groups.map((g) => ({ ...g, tokens: g.tokens.filter((t) => statistics.frequency(t) > 0) })),
        expansionTokensInIndex: expansions,
        expansionTokenCount: 5,
        topLexicalScore: 0,
        tokensOf: (c) => statistics.tokensOf(c),
        headingTokensOf: (c) => new Set(tokenizeForSearch(c.headingPath.join(" "))),
        documentVote: new Map(),
        questionBigrams: new Float64Array(),
        bigramsOf: () => new Float64Array(),
      };
      const marked: RerankContext = {
        ...base,
        // The heading read by term id (TermMarks.headingGroups) against the base's token sets.
        headingGroupMasks: tokenGroupMasks(groups),
        termMarks: statistics.markTerms(
          base.groupsInIndex.map((g) => g.tokens),
          expansions,
        ),
      };
      for (const c of chunks) {
        const fused = { id: c.id, score: 0.01 };
        const features = candidateFeatures(c, fused, marked);
        expect(features).toEqual(candidateFeatures(c, fused, base));
        expect(features[5]! + features[7]!).toBeGreaterThanOrEqual(0);
      }
      // Something was covered: the comparison is not of zeros alone.
      expect(chunks.some((c) => candidateFeatures(c, { id: c.id, score: 0 }, marked)[5]! > 0)).toBe(true);
      headingsCovered += chunks.filter((c) => candidateFeatures(c, { id: c.id, score: 0 }, marked)[6]! > 0).length;
    }
    expect(headingsCovered).toBeGreaterThan(0);
  });
});
