import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
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
});
