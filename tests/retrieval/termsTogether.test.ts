/**
 * Whether the question's words found in the top passages are held by one of them (termsTogether.ts),
 * with questions written for this test, on a few chunks whose words are set.
 */
import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { contentTermGroups } from "../../src/retrieval/abstention.js";
import { decideConfidence } from "../../src/retrieval/confidence.js";
import { TermStatistics } from "../../src/retrieval/termStatistics.js";
import { termsFoundTogether } from "../../src/retrieval/termsTogether.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";

describe("termsFoundTogether", () => {
  const chunk = (id: string, text: string): Chunk =>
    ({ id, docId: "doc", text, headingPath: [], lines: { start: 1, end: 1 }, ordinal: 0 }) as unknown as Chunk;
  const chunks = [
    chunk("finetune", "LoRA 让消费级显卡也能微调模型，准备好数据集即可。"),
    chunk("hardware", "显卡选购：显存越大越好，二手卡性价比高。"),
    chunk("basics", "入门阶段：先学 Python，再读 Transformer 论文。"),
    chunk("both", "显卡不够也能读 Transformer 的代码。"),
  ];
  const statistics = new TermStatistics(chunks, tokenizeForSearch);
  const together = (question: string, ids: readonly string[]) =>
    termsFoundTogether(
      contentTermGroups(question, tokenizeForSearch, statistics),
      ids.map((id) => statistics.tokensOf(chunks.find((c) => c.id === id)!)),
    );

  it("holds when one passage has every word of the question the passages have", () => {
    // 旧显卡 and LoRA both in the passage on fine-tuning; 穷学生 in none.
    expect(together("穷学生只有一张旧显卡，LoRA 还跑得动吗", ["finetune", "hardware"])).toBe(true);
    expect(together("穷学生只有一张旧显卡，LoRA 还跑得动吗", ["hardware", "finetune"])).toBe(true);
  });

  it("does not hold when the words found are spread over the passages", () => {
    expect(together("旧显卡能跑 Transformer 吗", ["hardware", "basics"])).toBe(false);
    expect(together("显存不够的话 Python 能帮上忙吗", ["hardware", "basics"])).toBe(false);
    // The same words, one passage holding both: together.
    expect(together("旧显卡能跑 Transformer 吗", ["hardware", "basics", "both"])).toBe(true);
  });

  it("needs two words of the question found: one alone says nothing of how they go together", () => {
    expect(together("我家猫总半夜跑酷，显卡会被撞坏吗", ["hardware", "basics"])).toBe(false);
    expect(together("周末去哪儿爬山比较好", ["finetune", "hardware", "basics"])).toBe(false);
  });
});

describe("confidence with the question's words found together (thinEvidence.ts)", () => {
  const thin = { evidence: 0.1, weak: false, missingDetails: [] };

  it("lets thin evidence answer high when one passage holds the words found", () => {
    expect(decideConfidence(thin)).toBe("low");
    expect(decideConfidence({ ...thin, termsTogether: true })).toBe("high");
  });

  it("never lifts what another rule makes low, nor a refusal", () => {
    expect(decideConfidence({ ...thin, termsTogether: true, missingDetails: ["price"] })).toBe("low");
    expect(decideConfidence({ ...thin, termsTogether: true, outsideSubject: true })).toBe("low");
    expect(decideConfidence({ ...thin, termsTogether: true, weak: true })).toBe("none");
  });
});
