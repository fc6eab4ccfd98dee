import { describe, expect, it } from "vitest";
import type { TermGroup } from "../../src/retrieval/abstention.js";
import { namesDocumentKind } from "../../src/retrieval/documentKindWords.js";
import { detailFocus } from "../../src/retrieval/questionEvidence.js";
import type { Passage } from "../../src/retrieval/types.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";
import { lexicalPassage } from "../support/lexicalChunks.js";

/** Questions and passages written for this test (not from any evaluation set). */
describe("a word for the document asked of is no subject of the detail", () => {
  it("names a kind of document, not a thing the documents list", () => {
    expect(namesDocumentKind("指南")).toBe(true);
    expect(namesDocumentKind("博客")).toBe(true);
    expect(namesDocumentKind("方法论")).toBe(true);
    expect(namesDocumentKind("blog post")).toBe(true);
    expect(namesDocumentKind("微调")).toBe(false);
    expect(namesDocumentKind("课程")).toBe(false);
  });

  it("is passed over when the detail's passages are chosen", () => {
    const passages = [
      lexicalPassage("overview", "学习路径概览", "入门阶段 (1-2个月)，进阶阶段 (3-6个月)"),
      lexicalPassage("tools", "工具", "推荐阅读官方教程和指南。"),
    ];
    const tokensOf = (chunk: Passage["chunk"]) => new Set(tokenizeForSearch(`${chunk.headingPath.join(" ")} ${chunk.text}`));
    const group = (label: string, weight: number): TermGroup => ({ label, tokens: [label], weight });
    // 指南 is the rarest word, and only the tools passage holds it; 进阶 is the subject.
    const focus = detailFocus("那篇指南里进阶阶段要多久？", passages, [group("指南", 9), group("进阶", 5)], tokensOf);
    expect(focus?.chunkIds).toEqual(["overview"]);
  });
});

describe("a word for a thing's address is no subject of the detail", () => {
  it("is passed over when the detail's passages are chosen", () => {
    const passages = [
      lexicalPassage("course", "入门课程", "- 动手做小模型\n  - 配有中文字幕"),
      lexicalPassage("other", "另一门课", "- 链接：见官网"),
    ];
    const tokensOf = (chunk: Passage["chunk"]) => new Set(tokenizeForSearch(`${chunk.headingPath.join(" ")} ${chunk.text}`));
    const group = (label: string, weight: number): TermGroup => ({ label, tokens: tokenizeForSearch(label), weight });
    // 链接 is the rarest word and only the other course's passage holds it; the course asked of is the subject.
    const focus = detailFocus("动手做小模型有中文字幕吗？链接给一下", passages, [group("链接", 9), group("小模型", 5)], tokensOf);
    expect(focus?.chunkIds).toEqual(["course"]);
  });
});
