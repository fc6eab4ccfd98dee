import { describe, expect, it } from "vitest";
import { detailGateStarts, detailGateTable } from "../../src/retrieval/detailGateStarts.js";
import table from "../../src/retrieval/detailGateStarts.json" with { type: "json" };
import { DETAIL_RULES } from "../../src/retrieval/detailRules.js";
import { matchStarts, patternGates } from "../../src/text/patternStarts.js";

/**
 * The detail rules' gate reads its patterns' starts from a table written ahead of time
 * (scripts/build-detail-gate-starts.ts); the table must be what reading the patterns gives.
 */
describe("detailGateStarts.json", () => {
  it("is what reading the rules' asked patterns gives now (else: npx tsx scripts/build-detail-gate-starts.ts)", () => {
    expect(table).toEqual(detailGateTable(DETAIL_RULES.map((rule) => rule.asked)));
  });

  it("gives each rule's pattern the starts matchStarts reads", () => {
    for (const { asked } of DETAIL_RULES) expect(detailGateStarts(asked)).toEqual(matchStarts(asked));
  });

  it("reads a pattern the table lacks (a rule edited since) from its source", () => {
    const edited = /几个小时|多少分钟/u;
    expect(detailGateStarts(edited)).toEqual(matchStarts(edited));
    expect(detailGateStarts(edited)).not.toBe("any");
  });

  it("makes the same gates as the patterns' own starts (32 patterns a gate, as detailKinds.ts makes them)", () => {
    const asked = DETAIL_RULES.map((rule) => rule.asked);
    const fromTable = patternGates(asked, detailGateStarts);
    const read = patternGates(asked);
    for (const text of [
      "学大模型要多久",
      "How much does the course cost?",
      "哪一天截止报名",
      "需要什么显卡",
      "第几章讲了注意力",
      "谁写的这份路线",
      "这样做犯法吗",
    ])
      for (const [g, gate] of fromTable.entries()) expect(gate.mayMatch(text)).toBe(read[g]!.mayMatch(text));
  });
});
