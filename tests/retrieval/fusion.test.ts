import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { fuseDenseAndLexical, isNearDuplicate, reciprocalRankFusion, selectDiverse } from "../../src/retrieval/fusion.js";
import type { Passage } from "../../src/retrieval/types.js";

function chunk(id: string, overrides: Partial<Chunk> = {}): Chunk {
  return {
    id,
    docId: "doc-a",
    source: "roadmaps/a.md",
    title: "A",
    kind: "roadmap",
    headingPath: ["第一阶段"],
    sectionIndex: 0,
    text: `passage ${id} with its own distinct wording number ${id.repeat(3)}`,
    startLine: 1,
    endLine: 2,
    links: [],
    linkedFrom: [],
    ...overrides,
  };
}

function passage(c: Chunk, score = 1): Passage {
  return { chunk: c, score, role: "match" };
}

describe("reciprocalRankFusion", () => {
  it("sums 1/(60 + rank) over the lists", () => {
    const fused = reciprocalRankFusion([
      ["a", "b", "c"],
      ["b", "d"],
    ]);
    expect(fused.map((f) => f.id)).toEqual(["b", "a", "d", "c"]);
    expect(fused[0]!.score).toBeCloseTo(1 / 62 + 1 / 61, 12);
    expect(fused[1]!.score).toBeCloseTo(1 / 61, 12);
    expect(fused[2]!.score).toBeCloseTo(1 / 62, 12);
    expect(fused[3]!.score).toBeCloseTo(1 / 63, 12);
  });

  it("honours another k and counts a repeated id once per list", () => {
    const fused = reciprocalRankFusion([["x", "x", "y"]], 1);
    expect(fused).toEqual([
      { id: "x", score: 1 / 2 },
      { id: "y", score: 1 / 4 },
    ]);
  });

  it("breaks ties by best rank, then by id, so the order is deterministic", () => {
    // p and q both score 1/61 + 1/62; r and s tie exactly with equal best ranks.
    const fused = reciprocalRankFusion([
      ["q", "p", "r"],
      ["p", "q", "s"],
    ]);
    expect(fused.map((f) => f.id)).toEqual(["p", "q", "r", "s"]);
    expect(reciprocalRankFusion([])).toEqual([]);
  });
});

describe("fuseDenseAndLexical", () => {
  /** A ranking of `length` ids drawn from a small pool (so lists share ids and may repeat one), with made-up scores. */
  const ranking = (seed: number, length: number) =>
    Array.from({ length }, (_, i) => ({ id: `c${(seed * 7 + i * ((seed % 5) + 2)) % 23}`, value: ((seed * 31 + i * 17) % 100) / 7 }));

  it("is reciprocalRankFusion of both rankings, each entry carrying its ranks and scores as maps of each ranking would", () => {
    for (let seed = 0; seed < 60; seed++) {
      const dense = ranking(seed, seed % 25).map((r) => ({ chunkId: r.id, similarity: r.value }));
      const lexical = ranking(seed + 101, (seed * 3) % 26).map((r) => ({ chunkId: r.id, score: r.value }));
      const { fused, byId } = fuseDenseAndLexical(dense, lexical);
      const expected = reciprocalRankFusion([dense.map((d) => d.chunkId), lexical.map((h) => h.chunkId)]);
      expect(fused.map((f) => ({ id: f.id, score: f.score }))).toEqual(expected);
      // What the re-ranker read before: new Map(list.map((x, i) => [id, rank or score])), the last of a repeated id.
      const denseRank = new Map(dense.map((d, i) => [d.chunkId, i + 1]));
      const denseSimilarity = new Map(dense.map((d) => [d.chunkId, d.similarity]));
      const lexicalRank = new Map(lexical.map((h, i) => [h.chunkId, i + 1]));
      const lexicalScore = new Map(lexical.map((h) => [h.chunkId, h.score]));
      for (const entry of fused) {
        expect(byId.get(entry.id)).toBe(entry);
        expect(entry.denseRank).toBe(denseRank.get(entry.id));
        expect(entry.denseSimilarity).toBe(denseSimilarity.get(entry.id));
        expect(entry.lexicalRank).toBe(lexicalRank.get(entry.id));
        expect(entry.lexicalScore).toBe(lexicalScore.get(entry.id));
      }
      expect(byId.size).toBe(fused.length);
    }
  });

  it("counts a third, concept ranking as reciprocalRankFusion does; its own candidates carry no dense or lexical rank", () => {
    for (let seed = 0; seed < 60; seed++) {
      const dense = ranking(seed, seed % 25).map((r) => ({ chunkId: r.id, similarity: r.value }));
      const lexical = ranking(seed + 101, (seed * 3) % 26).map((r) => ({ chunkId: r.id, score: r.value }));
      const concept = ranking(seed + 211, seed % 11).map((r) => ({ chunkId: `k${r.id}` }));
      const { fused, byId } = fuseDenseAndLexical(dense, lexical, concept);
      const expected = reciprocalRankFusion([dense.map((d) => d.chunkId), lexical.map((h) => h.chunkId), concept.map((c) => c.chunkId)]);
      expect(fused.map((f) => ({ id: f.id, score: f.score }))).toEqual(expected);
      for (const { chunkId } of concept) {
        expect(byId.get(chunkId)?.denseRank).toBeUndefined();
        expect(byId.get(chunkId)?.lexicalRank).toBeUndefined();
      }
    }
  });
});

describe("near-duplicates", () => {
  it("treats chunks of one document sharing most lines as duplicates, but not a one-line overlap", () => {
    const a = chunk("a", { startLine: 10, endLine: 14 });
    expect(isNearDuplicate(a, chunk("b", { startLine: 11, endLine: 14 }))).toBe(true);
    expect(isNearDuplicate(a, chunk("c", { startLine: 14, endLine: 20 }))).toBe(false);
    expect(isNearDuplicate(a, chunk("d", { docId: "doc-b", startLine: 10, endLine: 14 }))).toBe(false);
  });

  it("treats nearly identical text as a duplicate across documents", () => {
    const text = "预训练是大模型训练的第一步，SFT和RLHF是进一步优化模型性能的方法。";
    const a = chunk("a", { text });
    const b = chunk("b", { docId: "doc-b", startLine: 40, endLine: 40, text: `${text} ` });
    const c = chunk("c", {
      docId: "doc-b",
      startLine: 50,
      endLine: 50,
      text: "预训练、SFT、RLHF：学习大模型的训练方法，掌握预训练、SFT和RLHF等技术。",
    });
    expect(isNearDuplicate(a, b)).toBe(true);
    // Same stage name, different text (001's plan and notes halves): both stay.
    expect(isNearDuplicate(a, c)).toBe(false);
  });

  it("keeps the best-ranked of each duplicate group, in order", () => {
    const first = chunk("a", { startLine: 1, endLine: 4 });
    const duplicate = chunk("b", { startLine: 2, endLine: 4 });
    const other = chunk("c", { startLine: 30, endLine: 33 });
    expect(selectDiverse([passage(first), passage(other), passage(duplicate)], 10, 10).map((p) => p.chunk.id)).toEqual(["a", "c"]);
  });
});

describe("selectDiverse: section cap and k", () => {
  // Distinct line ranges, so only the section cap is at work.
  let line = 0;
  const at = (id: string, overrides: Partial<Chunk>) => chunk(id, { startLine: (line += 10), endLine: line + 1, ...overrides });
  const passages = [
    passage(at("a1", { sectionIndex: 1 })),
    passage(at("a2", { sectionIndex: 1 })),
    passage(at("b1", { sectionIndex: 2 })),
    passage(at("a3", { sectionIndex: 1 })),
    passage(at("x1", { sectionIndex: 1, docId: "doc-x" })),
    passage(at("p1", { sectionIndex: -1 })),
    passage(at("p2", { sectionIndex: -1 })),
    passage(at("p3", { sectionIndex: -1 })),
  ];

  it("reads the candidates only as far as it needs, and the same from a lazy list as from an array", () => {
    let read = 0;
    function* lazily() {
      for (const p of passages) {
        read++;
        yield p;
      }
    }
    expect(selectDiverse(lazily(), 3, 2).map((p) => p.chunk.id)).toEqual(selectDiverse(passages, 3, 2).map((p) => p.chunk.id));
    // a1, a2, b1 chosen: nothing after b1 is made (the retriever builds each passage as it is read).
    expect(read).toBe(3);
  });

  it("keeps at most N passages per document section, in order", () => {
    expect(selectDiverse(passages, 10, 2).map((p) => p.chunk.id)).toEqual(["a1", "a2", "b1", "x1", "p1", "p2"]);
    expect(selectDiverse(passages, 10, 1).map((p) => p.chunk.id)).toEqual(["a1", "b1", "x1", "p1"]);
  });

  it("stops at k", () => {
    expect(selectDiverse(passages, 3, 2).map((p) => p.chunk.id)).toEqual(["a1", "a2", "b1"]);
  });

  it("still treats a passage dropped by the cap as seen for duplicate checks", () => {
    // a3 is capped out; its near-duplicate in another section must not take its place.
    const capped = at("c1", { sectionIndex: 1 });
    const twin = chunk("c2", { sectionIndex: 5, startLine: capped.startLine, endLine: capped.endLine });
    const chosen = selectDiverse([passages[0]!, passages[1]!, passage(capped), passage(twin)], 10, 2);
    expect(chosen.map((p) => p.chunk.id)).toEqual(["a1", "a2"]);
  });
});
