import { describe, expect, it } from "vitest";
import { chunkDocument, contextualText } from "../../src/chunking/chunkDocument.js";
import { fencedLines, isAtxHeading } from "../../src/corpus/headingCandidates.js";
import { isNumberedItemLine } from "../../src/corpus/leadingList.js";
import { realDocument } from "../corpus/realCorpus.js";

const STRUCTURAL = /^ {0,3}(?:([-*_])(?:\s*\1){2,}|=+|-+)\s*$/;

describe("chunking the real corpus", () => {
  for (const prefix of ["000", "001", "002", "003", "004"]) {
    it(`${prefix}: every non-empty cleaned body line is covered, chunks stay inside one section`, () => {
      const doc = realDocument(prefix);
      const chunks = chunkDocument(doc);
      const lines = doc.text.split("\n");
      const inFence = fencedLines(lines);
      // A leading list's items are sections whose lines stay in the passage around the list (000).
      const bounding = doc.outline.filter((s) => !isNumberedItemLine(lines[s.startLine - 1] ?? ""));
      const headingLines = new Set(bounding.map((s) => s.startLine));
      const covered = new Set<number>();
      for (const chunk of chunks) {
        for (let line = chunk.startLine; line <= chunk.endLine; line++) covered.add(line);
        const section = doc.outline[chunk.sectionIndex];
        const first = bounding[0]?.startLine ?? Infinity;
        if (section === undefined) {
          expect(chunk.endLine).toBeLessThan(first);
        } else {
          expect(chunk.startLine).toBeGreaterThan(section.startLine);
          expect(chunk.endLine).toBeLessThanOrEqual(section.endLine);
          expect(chunk.headingPath).toEqual(section.headingPath);
        }
        // The chunk's text comes from its line range.
        const range = lines.slice(chunk.startLine - 1, chunk.endLine).join("\n");
        for (const piece of chunk.text
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean))
          expect(range).toContain(piece);
      }
      lines.forEach((line, index) => {
        const lineNumber = index + 1;
        if (line.trim() === "" || headingLines.has(lineNumber)) return;
        if (!inFence[index] && (STRUCTURAL.test(line) || isAtxHeading(line))) return;
        expect(covered.has(lineNumber), `${prefix} line ${lineNumber}: ${line}`).toBe(true);
      });
    });
  }

  it("000: the leading list stays one passage with the lines around it, though its items are sections", () => {
    const doc = realDocument("000");
    const passage = chunkDocument(doc).find((c) => c.text.includes("3. 提示词工程"))!;
    expect([passage.sectionIndex, passage.startLine, passage.endLine]).toEqual([-1, 40, 63]);
    expect(passage.text).toContain("1. 微调：Lora->垂类");
    expect(passage.text).toContain("agent->担任80%脑力工作");
  });

  it("a bare stage list item knows its stage through contextualText", () => {
    const chunk = chunkDocument(realDocument("001")).find((c) => c.text.includes("参数高效微调技术：学习参数高效微调的方法，如LoRA"))!;
    expect(chunk.headingPath).toEqual(["学习笔记", "第七阶段：前沿技术探索"]);
    expect(contextualText(chunk).split("\n")[0]).toBe("学习路径 › 学习笔记 › 第七阶段：前沿技术探索");
  });

  it("keeps link targets in the text so URL words stay searchable", () => {
    const chunk = chunkDocument(realDocument("004")).find((c) => c.links.some((l) => l.url.includes("LLMSurvey")))!;
    expect(chunk.text).toContain("https://github.com/RUCAIBox/LLMSurvey");
    expect(chunk.headingPath).toEqual(["0x30 深入篇", "0x32 大模型技术原理方向"]);
  });

  it("002: no promotional text reaches any chunk", () => {
    const all = chunkDocument(realDocument("002"))
      .map((c) => c.text)
      .join("\n");
    for (const word of ["红包", "二维码", "余额", "扫码", "领取"]) expect(all).not.toContain(word);
    expect(all).toContain("通过以上系统的学习路径");
  });
});
