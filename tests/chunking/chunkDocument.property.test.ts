import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/chunking/index.js";
import { buildDocument } from "../../src/corpus/buildDocument.js";

// Lines that look like the structures the outline recovers, mixed with arbitrary Unicode, so
// the property explores headings, stage lines, lists and links as well as garbage.
const structuredLine = fc.oneof(
  fc.string({ unit: "binary", maxLength: 120 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.constantFrom(
    "# 标题",
    "## 第一阶段：入门",
    "第二阶段：进阶",
    "一、原理学习",
    "### 0x31 方向",
    "**加粗标题**",
    "- 列表项",
    "1. 第一步",
    "```",
    "---",
    "",
  ),
  fc.tuple(fc.string({ maxLength: 20 }), fc.webUrl()).map(([text, url]) => `[${text}](${url}) 说明。`),
  fc
    .array(fc.constantFrom("大模型", "微调", "LoRA", "。", "！", ".", " ", "注意力机制", "transformer"), { maxLength: 400 })
    .map((w) => w.join("")),
);

describe("chunkDocument on arbitrary Unicode (property-based)", () => {
  it("never throws and keeps its invariants", () => {
    let chunked = 0;
    let multiSection = 0;
    fc.assert(
      fc.property(fc.array(structuredLine, { maxLength: 60 }), fc.integer({ min: 20, max: 400 }), (lines, maxUnits) => {
        const raw = lines.join("\n");
        const { document } = buildDocument("roadmaps/prop.md", raw);
        const chunks = chunkDocument(document, { maxUnits, overlapUnits: Math.floor(maxUnits / 8) });
        const docLines = document.text.split("\n");
        const ids = new Set<string>();
        for (const chunk of chunks) {
          expect(chunk.text.trim().length).toBeGreaterThan(0);
          expect(chunk.startLine).toBeGreaterThanOrEqual(1);
          expect(chunk.endLine).toBeGreaterThanOrEqual(chunk.startLine);
          expect(chunk.endLine).toBeLessThanOrEqual(document.lineCount);
          // Never across sections: the chunk lies inside its section's lines.
          if (chunk.sectionIndex >= 0) {
            const section = document.outline[chunk.sectionIndex]!;
            expect(chunk.startLine).toBeGreaterThanOrEqual(section.startLine);
            expect(chunk.endLine).toBeLessThanOrEqual(section.endLine);
            expect(chunk.headingPath).toEqual(section.headingPath);
          }
          // Every non-blank line of the chunk comes from its source line range.
          const window = docLines
            .slice(chunk.startLine - 1, chunk.endLine)
            .join("\n")
            .replace(/\s+/g, "");
          for (const piece of chunk.text.split("\n")) {
            const squashed = piece.replace(/\s+/g, "");
            if (squashed) expect(window).toContain(squashed);
          }
          ids.add(chunk.id);
        }
        expect(ids.size).toBe(chunks.length);
        if (chunks.length > 0) chunked++;
        if (new Set(chunks.map((c) => c.sectionIndex)).size > 1) multiSection++;
        // Deterministic: the same document gives the same chunks.
        expect(chunkDocument(document, { maxUnits, overlapUnits: Math.floor(maxUnits / 8) }).map((c) => c.id)).toEqual(
          chunks.map((c) => c.id),
        );
      }),
      { numRuns: 300 },
    );
    // The generator must exercise real chunking, not mostly empty documents.
    expect(chunked).toBeGreaterThan(150);
    expect(multiSection).toBeGreaterThan(30);
  });
});
