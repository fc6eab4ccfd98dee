import { describe, expect, it } from "vitest";
import { buildDocument } from "../../src/corpus/buildDocument.js";
import { CHUNKER_VERSION, chunkDocument, contextualText } from "../../src/chunking/chunkDocument.js";
import { chunkIdFor } from "../../src/chunking/chunkId.js";
import { countUnits } from "../../src/chunking/textUnits.js";
import type { Chunk } from "../../src/chunking/types.js";
import type { CorpusDocument } from "../../src/corpus/types.js";

const doc = (text: string, source = "roadmaps/t.md"): CorpusDocument => buildDocument(source, text).document;

/** Every line of the chunk's text appears, in order, in the document's lines startLine..endLine. */
function expectTrueLineRange(document: CorpusDocument, chunk: Chunk): void {
  const lines = document.text.split("\n").slice(chunk.startLine - 1, chunk.endLine);
  let at = 0;
  for (const piece of chunk.text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")) {
    while (at < lines.length && !lines[at]!.includes(piece)) at++;
    expect(at, `"${piece}" within lines ${chunk.startLine}-${chunk.endLine}`).toBeLessThan(lines.length);
  }
  expect(lines[0]!.trim()).not.toBe("");
  expect(lines.at(-1)!.trim()).not.toBe("");
}

describe("chunkDocument", () => {
  const text = [
    "# 指南", // 1: title heading
    "",
    "引言段落。", // 3: preamble
    "",
    "## 第一阶段", // 5
    "",
    "学习 [LLMSurvey](https://github.com/RUCAIBox/LLMSurvey) 综述。", // 7
    "- 线性代数", // 8
    "",
    "## 空节", // 10
    "### 子节", // 11
    "子节正文。", // 12
  ].join("\n");
  const document = doc(text);
  const chunks = chunkDocument(document);

  it("chunks within sections, preamble as -1, empty sections contribute nothing", () => {
    expect(chunks.map((c) => [c.sectionIndex, c.headingPath, c.text, c.startLine, c.endLine])).toEqual([
      [-1, [], "引言段落。", 3, 3],
      [0, ["第一阶段"], "学习 [LLMSurvey](https://github.com/RUCAIBox/LLMSurvey) 综述。\n- 线性代数", 7, 8],
      [2, ["空节", "子节"], "子节正文。", 12, 12],
    ]);
    for (const chunk of chunks) expectTrueLineRange(document, chunk);
  });

  it("carries links in range, document fields, and stable ids", () => {
    const stage = chunks[1]!;
    expect(stage.links).toEqual([{ text: "LLMSurvey", url: "https://github.com/RUCAIBox/LLMSurvey", line: 7 }]);
    expect(chunks[0]!.links).toEqual([]);
    expect(stage).toMatchObject({ docId: document.id, source: "roadmaps/t.md", title: "指南", kind: "roadmap" });
    expect(stage.url).toBeUndefined();
    expect(stage.id).toBe(chunkIdFor("roadmaps/t.md", ["第一阶段"], stage.text));
    expect(stage.id).toMatch(/^[0-9a-f]{16}$/);
    expect(chunkDocument(doc(text)).map((c) => c.id)).toEqual(chunks.map((c) => c.id));
    expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
    expect(typeof CHUNKER_VERSION).toBe("string");
  });

  it("copies url and linkedFrom from the document", () => {
    const web = doc("---\nsource_url: https://example.com/p\n---\n\n正文。\n", "notes/web/p.md");
    const withLinks = { ...web, linkedFrom: [{ docId: "abc", source: "roadmaps/a.md", title: "A", headingPath: ["S"], line: 3 }] };
    const [chunk] = chunkDocument(withLinks);
    expect(chunk).toMatchObject({ url: "https://example.com/p", kind: "web", startLine: 5, linkedFrom: withLinks.linkedFrom });
  });

  it("contextualText puts title and heading path above the text", () => {
    expect(contextualText(chunks[1]!)).toBe("指南 › 第一阶段\n学习 [LLMSurvey](https://github.com/RUCAIBox/LLMSurvey) 综述。\n- 线性代数");
    expect(contextualText(chunks[0]!)).toBe("指南\n引言段落。");
  });

  it("splits long sections on sentence boundaries with whole-sentence overlap", () => {
    const sentences = Array.from({ length: 12 }, (_, i) => `第${"一二三四五六七八九十"[i % 10]}句话讲的是注意力机制的细节${i}。`);
    const long = doc(`## 长节\n\n${sentences.join("")}\n`);
    const parts = chunkDocument(long, { maxUnits: 60, overlapUnits: 20 });
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(countUnits(part.text)).toBeLessThanOrEqual(60);
      expect(part.text.endsWith("。")).toBe(true);
      expect(part.startLine).toBe(3);
      expectTrueLineRange(long, part);
    }
    // Each chunk after the first starts with the previous chunk's last sentence.
    for (let i = 1; i < parts.length; i++) {
      const previousLast = parts[i - 1]!.text.split(/(?<=。)/).at(-1)!;
      expect(parts[i]!.text.startsWith(previousLast)).toBe(true);
    }
    expect(parts.map((p) => p.text).join("")).toContain(sentences.at(-1)!);
  });

  it("hard-splits a single sentence longer than a chunk", () => {
    const sentence = "大".repeat(250);
    const parts = chunkDocument(doc(`## 节\n${sentence}\n`), { maxUnits: 100, overlapUnits: 10 });
    expect(parts.map((p) => p.text.length)).toEqual([100, 100, 50]);
    expect(parts.map((p) => p.text).join("")).toBe(sentence);
  });

  it("sizes CJK by characters and English by words", () => {
    const chinese = doc(`## 中文\n${"模型训练需要数据。".repeat(30)}\n`); // 9 units × 30 = 270
    const english = doc(`## English\n${"Models need data to train well. ".repeat(30)}\n`); // 6 units × 30 = 180
    expect(chunkDocument(chinese, { maxUnits: 100, overlapUnits: 0 })).toHaveLength(3);
    expect(chunkDocument(english, { maxUnits: 100, overlapUnits: 0 })).toHaveLength(2);
  });

  it("keeps code fences verbatim and gives repeated text distinct ids", () => {
    const code = doc("## A\n\n```\n  indented code\n```\n\n## B\n同样的句子。\n\n同样的句子。\n", "roadmaps/c.md");
    const [fence] = chunkDocument(code);
    expect(fence!.text).toBe("```\n  indented code\n```");
    const repeated = chunkDocument(code, { maxUnits: 6, overlapUnits: 0 }).filter((c) => c.headingPath[0] === "B");
    expect(repeated.map((c) => c.text)).toEqual(["同样的句子。", "同样的句子。"]);
    expect(repeated[0]!.id).not.toBe(repeated[1]!.id);
  });
});
