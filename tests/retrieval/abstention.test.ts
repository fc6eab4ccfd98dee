import { describe, expect, it } from "vitest";
import { contentTermGroups, COVERAGE_WEIGHT, evidenceScore, termCoverage, type TermGroup } from "../../src/retrieval/abstention.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";

const groups: TermGroup[] = [
  { label: "LoRA", tokens: ["lora", "低秩"], weight: 3 },
  { label: "显存", tokens: ["显存"], weight: 1 },
];

describe("termCoverage", () => {
  it("is the idf-weighted share of groups with any token found", () => {
    expect(termCoverage(groups, new Set(["低秩", "显存"]))).toBe(1);
    expect(termCoverage(groups, new Set(["lora"]))).toBeCloseTo(0.75, 12);
    expect(termCoverage(groups, new Set(["显存"]))).toBeCloseTo(0.25, 12);
    expect(termCoverage(groups, new Set(["bread"]))).toBe(0);
  });

  it("is 0 for a question without content", () => {
    expect(termCoverage([], new Set(["lora"]))).toBe(0);
  });
});

describe("contentTermGroups", () => {
  const flatIdf = { idf: () => 1 };

  it("keeps a glossary name that is one character (月 for month), so a passage saying '6-8 个月' covers 'how many months'", () => {
    const months = contentTermGroups("这条路线要学几个月", tokenizeForSearch, flatIdf).find((g) => g.tokens.includes("months"));
    expect(months?.tokens).toContain("月");
    expect(termCoverage(months ? [months] : [], new Set(tokenizeForSearch("总周期为 6 - 8 个月")))).toBe(1);
  });

  it("still drops a lone character that is only a piece of a longer name (个 of 个月)", () => {
    const tokens = contentTermGroups("这条路线要学几个月", tokenizeForSearch, flatIdf).flatMap((g) => g.tokens);
    expect(tokens).not.toContain("个");
  });

  it("weighs a remembered term by each call's idf and hands each caller its own tokens", () => {
    const lora = (idf: (token: string) => number) =>
      contentTermGroups("LoRA 和 lora 微调要学多久", tokenizeForSearch, { idf }).find((g) => g.label === "LoRA")!;
    const first = lora(() => 1);
    expect(first.tokens).toContain("lora");
    first.tokens.push("changed by a caller");
    const second = lora((token) => (token === "lora" ? 5 : 1));
    expect(second.tokens).not.toContain("changed by a caller");
    expect(second.weight).toBe(5);
    // "lora" names the same concept with the same tokens: one group, not two.
    expect(contentTermGroups("LoRA 和 lora 微调", tokenizeForSearch, flatIdf).filter((g) => g.tokens.includes("lora"))).toHaveLength(1);
  });
});

describe("evidenceScore", () => {
  it("blends coverage and dense similarity into 0..1", () => {
    expect(evidenceScore({ coverage: 1, topDenseSimilarity: 1 })).toBe(1);
    expect(evidenceScore({ coverage: 0, topDenseSimilarity: 0 })).toBe(0);
    expect(evidenceScore({ coverage: 1, topDenseSimilarity: 0 })).toBeCloseTo(COVERAGE_WEIGHT, 12);
    expect(evidenceScore({ coverage: 0.5, topDenseSimilarity: 0 })).toBeCloseTo(COVERAGE_WEIGHT / 2, 12);
  });

  it("clamps out-of-range and non-finite inputs", () => {
    expect(evidenceScore({ coverage: 2, topDenseSimilarity: 5 })).toBe(1);
    expect(evidenceScore({ coverage: Number.NaN, topDenseSimilarity: -1 })).toBe(0);
  });
});
