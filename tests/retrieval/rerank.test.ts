import { describe, expect, it } from "vitest";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import type { Chunk } from "../../src/chunking/types.js";
import type { TermGroup } from "../../src/retrieval/abstention.js";
import {
  candidateFeatures,
  documentVotes,
  FEATURE_NAMES,
  hanBigramCodes,
  hanBigrams,
  RERANK_DEPTH,
  rerankFused,
  tokenGroupMasks,
  type RerankContext,
  type RerankModel,
} from "../../src/retrieval/rerank.js";
import { useRetrievalFixtureIndex } from "../support/buildTestIndex.js";

const zeroWeights = Object.fromEntries(FEATURE_NAMES.map((name) => [name, 0])) as RerankModel["weights"];
/** A context with no question terms, ranks or bigrams: each test sets only what it looks at. */
const quietContext = (parts: Partial<RerankContext>): RerankContext => ({
  groups: [],
  groupsInIndex: [],
  expansionTokensInIndex: [],
  expansionTokenCount: 0,
  topLexicalScore: 0,
  tokensOf: () => new Set(),
  headingTokensOf: () => new Set(),
  documentVote: new Map(),
  questionBigrams: new Float64Array(),
  bigramsOf: () => new Float64Array(),
  ...parts,
});
const only = (name: (typeof FEATURE_NAMES)[number], weight: number): RerankModel => ({
  bias: 0,
  weights: { ...zeroWeights, [name]: weight },
});

describe("rerankFused", () => {
  const fused = Array.from({ length: RERANK_DEPTH + 3 }, (_, i) => ({ id: `c${i}`, score: 1 / (60 + i + 1) }));

  it("re-orders the first RERANK_DEPTH candidates by the model and keeps the rest in fused order", () => {
    // A feature that grows with the fused position: the model reverses the head.
    const reordered = rerankFused(fused, only("rrf", -1), (entry) => FEATURE_NAMES.map((name) => (name === "rrf" ? entry.score : 0)));
    expect(reordered.slice(0, 3).map((f) => f.id)).toEqual([`c${RERANK_DEPTH - 1}`, `c${RERANK_DEPTH - 2}`, `c${RERANK_DEPTH - 3}`]);
    expect(reordered.slice(RERANK_DEPTH).map((f) => f.id)).toEqual([`c${RERANK_DEPTH}`, `c${RERANK_DEPTH + 1}`, `c${RERANK_DEPTH + 2}`]);
    // Scores are the model's and stay sorted, tail included (search results show them).
    const scores = reordered.map((f) => f.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("scores each candidate's features before asking for the next, so one array can serve them all", () => {
    const model: RerankModel = {
      bias: 0.1,
      weights: Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, (i % 3) - 0.7])) as RerankModel["weights"],
    };
    const values = (entry: { id: string; score: number }, out: number[]) => {
      FEATURE_NAMES.forEach((_, i) => (out[i] = ((Number(entry.id.slice(1)) * 7 + i * 3) % 11) / 10));
      return out;
    };
    const scratch: number[] = [];
    const reused = rerankFused(fused, model, (entry) => values(entry, scratch));
    expect(reused).toEqual(rerankFused(fused, model, (entry) => values(entry, [])));
    expect(reused.slice(0, RERANK_DEPTH).map((f) => f.id)).not.toEqual(fused.slice(0, RERANK_DEPTH).map((f) => f.id));
  });

  it("keeps the fused order on ties and puts candidates without features last", () => {
    const same = rerankFused(fused, only("coverage", 1), (entry) => (entry.id === "c1" ? undefined : FEATURE_NAMES.map(() => 0)));
    expect(same.slice(0, 3).map((f) => f.id)).toEqual(["c0", "c2", "c3"]);
    expect(same[RERANK_DEPTH - 1]?.id).toBe("c1");
  });
});

describe("re-ranker features", () => {
  it("splits Han runs into character bigrams (segmentation-free matching)", () => {
    expect([...hanBigrams("模型量化 and 蒸馏")]).toEqual(["模型", "型量", "量化", "蒸馏"]);
    expect(hanBigrams("only latin").size).toBe(0);
  });

  it("codes bigrams one to one, sorted and distinct, so counting shared codes counts shared bigrams", () => {
    const texts = ["模型量化 and 蒸馏", "量化模型，模型量化", "𠮷野家的𠀀𠀁 野家", "only latin", "大模型学习路线：大模型"];
    for (const text of texts) expect(hanBigramCodes(text)).toHaveLength(hanBigrams(text).size);
    const codes = hanBigramCodes("量化模型，模型量化 模型");
    expect([...codes]).toEqual([...codes].sort((a, b) => a - b));
    // Each code is its bigram's two code points, for a question's few codes (sorted by insertion)
    // and a chunk's many (over 64: sorted as a typed array) alike; a lone surrogate ends a run.
    const code = (bigram: string) => {
      const [first, second] = Array.from(bigram);
      return first!.codePointAt(0)! * 0x200000 + second!.codePointAt(0)!;
    };
    const long = Array.from({ length: 90 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 37) % 83))).join("");
    for (const text of [...texts, "中\uD840文字\uDC00中文", "〇々中文，中文", long, `${long} ${long}`]) {
      const expected = [...hanBigrams(text)].map(code).sort((a, b) => a - b);
      expect([...hanBigramCodes(text)]).toEqual(expected);
    }
    // The overlap feature: the share of the question's bigrams a chunk holds, as with sets of strings.
    const overlap = FEATURE_NAMES.indexOf("bigramOverlap");
    const context = (question: string, chunkText: string): RerankContext =>
      quietContext({ questionBigrams: hanBigramCodes(question), bigramsOf: () => hanBigramCodes(chunkText) });
    for (const [question, chunkText] of [
      ["模型量化怎么学", "量化：把模型变小。蒸馏也可以"],
      ["𠮷野家的套餐", "野家的𠮷野"],
      ["latin only", "模型"],
      ["大模型大模型", "大模型"],
    ] as const) {
      const wanted = hanBigrams(question);
      const found = hanBigrams(chunkText);
      const expected = wanted.size === 0 ? 0 : [...wanted].filter((b) => found.has(b)).length / wanted.size;
      const chunk = { id: "c", docId: "d", text: chunkText, headingPath: [] } as unknown as Chunk;
      expect(candidateFeatures(chunk, { id: "c", score: 0 }, context(question, chunkText))[overlap]).toBe(expected);
    }
  });

  it("counts shared bigrams as sets of strings do, for short questions against long passages", () => {
    // Few characters, so questions and passages share some bigrams and miss others.
    const alphabet = Array.from("模型量化蒸馏学习路线大语言微调数据集𠮷野家");
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const text = (length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
    const overlap = FEATURE_NAMES.indexOf("bigramOverlap");
    for (let round = 0; round < 300; round++) {
      const question = text(1 + Math.floor(random() * 20));
      const chunkText = text(Math.floor(random() * 600));
      const wanted = hanBigrams(question);
      const found = hanBigrams(chunkText);
      const expected = wanted.size === 0 ? 0 : [...wanted].filter((b) => found.has(b)).length / wanted.size;
      const context = quietContext({ questionBigrams: hanBigramCodes(question), bigramsOf: () => hanBigramCodes(chunkText) });
      const chunk = { id: "c", docId: "d", text: chunkText, headingPath: [] } as unknown as Chunk;
      expect(candidateFeatures(chunk, { id: "c", score: 0 }, context)[overlap], `${question} / ${chunkText}`).toBe(expected);
    }
  });

  it("shares the leading candidates' fused score among their documents", () => {
    const votes = documentVotes(
      [
        { id: "a1", score: 3 },
        { id: "b1", score: 1 },
      ],
      (id) => id.slice(0, 1),
    );
    expect(votes.get("a")).toBeCloseTo(0.75);
    expect(votes.get("b")).toBeCloseTo(0.25);
  });

  it("reads a heading's coverage from its tokens' group bits exactly as from the groups' tokens", () => {
    const groups: TermGroup[] = [
      { label: "LoRA", tokens: ["lora", "低秩", "适配"], weight: 2.5 },
      { label: "显存", tokens: ["显存"], weight: 1.3 },
      { label: "量化", tokens: ["量化", "quantization", "lora"], weight: 0.7 },
      { label: "入门", tokens: ["入门"], weight: 0.1 },
    ];
    const headings = [[], ["lora"], ["显存", "其他"], ["适配", "quantization", "显存"], ["无关"], ["入门", "量化", "低秩"]];
    const context = (headingGroupMasks?: ReadonlyMap<string, number>): RerankContext =>
      quietContext({
        groups,
        groupsInIndex: groups,
        headingTokensOf: (chunk) => new Set(chunk.headingPath),
        ...(headingGroupMasks ? { headingGroupMasks } : {}),
      });
    const masked = context(tokenGroupMasks(groups));
    const plain = context();
    const heading = FEATURE_NAMES.indexOf("headingCoverage");
    for (const [i, headingPath] of headings.entries()) {
      const chunk = { id: `c${i}`, docId: "d", text: "", headingPath } as unknown as Chunk;
      const features = candidateFeatures(chunk, { id: chunk.id, score: 0 }, masked);
      expect(features).toEqual(candidateFeatures(chunk, { id: chunk.id, score: 0 }, plain));
      // Written into an array the caller hands in, whatever it held: the same features.
      expect(candidateFeatures(chunk, { id: chunk.id, score: 0 }, masked, Array<number>(11).fill(-1))).toEqual(features);
      if (headingPath.length > 1) expect(features[heading]).toBeGreaterThan(0);
    }
    // Past 30 groups there are not enough bits: no masks, and the groups are read.
    expect(tokenGroupMasks(Array.from({ length: 31 }, (_, g) => ({ label: `${g}`, tokens: [`t${g}`], weight: 1 })))).toBeUndefined();
  });
});

/** The hand-made roadmaps of tests/fixtures/retrieval/corpus, real index, local embedder. */
describe("HybridRetriever with a re-ranker", () => {
  const index = useRetrievalFixtureIndex();
  const retriever = (rerank: RerankModel | false) =>
    new HybridRetriever({ index, k: 4, maxChunksPerSection: 2, abstainThreshold: 0.3, rerank });

  it("gives every fused candidate one value per feature, in fused order", async () => {
    const candidates = await retriever(false).rankedCandidates("入门深度学习读哪本书");
    expect(candidates.length).toBeGreaterThan(1);
    expect(candidates.length).toBeLessThanOrEqual(RERANK_DEPTH);
    for (const c of candidates) expect(c.features).toHaveLength(FEATURE_NAMES.length);
    // The rrf feature falls with the fused rank.
    const rrf = candidates.map((c) => c.features[FEATURE_NAMES.indexOf("rrf")]!);
    expect([...rrf].sort((a, b) => b - a)).toEqual(rrf);
  });

  it("puts the passage the model prefers first", async () => {
    const question = "入门深度学习读哪本书";
    const plain = await retriever(false).search(question);
    // A model that prefers the weakest fused score turns the order round.
    const reranked = await retriever(only("rrf", -5)).search(question);
    expect(reranked.map((p) => p.chunk.id)).not.toEqual(plain.map((p) => p.chunk.id));
    const candidates = await retriever(false).rankedCandidates(question);
    expect(reranked[0]?.chunk.id).not.toBe(candidates[0]?.chunk.id);
  });
});
