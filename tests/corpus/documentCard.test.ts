import { describe, expect, it } from "vitest";
import { buildDocument } from "../../src/corpus/buildDocument.js";

describe("a document's card", () => {
  it("keeps the front matter's lines that state a fact, with their line numbers, and leaves out empty and layout keys", () => {
    const raw = [
      "---",
      "title: 向量数据库入门笔记",
      "date: 2025-03-14",
      "updated:",
      "tags: [RAG, 检索]",
      "cover: /img/cover.png",
      "author: 小周",
      "keywords:",
      "---",
      "# 向量数据库入门笔记",
      "正文第一行。",
    ].join("\n");
    const { document } = buildDocument("roadmaps/vector-notes.md", raw);
    expect(document.card).toEqual({
      startLine: 2,
      endLine: 7,
      text: "title: 向量数据库入门笔记\ndate: 2025-03-14\ntags: [RAG, 检索]\nauthor: 小周",
      lines: [
        { line: 2, text: "title: 向量数据库入门笔记", fact: "title" },
        { line: 3, text: "date: 2025-03-14", fact: "date" },
        { line: 5, text: "tags: [RAG, 检索]", fact: "tags" },
        { line: 7, text: "author: 小周", fact: "author" },
      ],
    });
    // The front matter stays blanked in the text: only the card holds it.
    expect(document.text).not.toContain("2025-03-14");
  });

  it("reads a byline block under the title heading, blank lines between its lines allowed, and stops at the first other line", () => {
    const raw = ["# Prompt 工程读书清单", "", "> Author: **lin**", "> Created: **2024-01-02T03:04:05Z**", "", "最后更新：20250101", "目标：把提示写清楚。", "Date: 2020-01-01"].join("\n");
    const card = buildDocument("roadmaps/prompt-list.md", raw).document.card;
    expect(card?.lines.map((line) => [line.line, line.fact])).toEqual([
      [3, "author"],
      [4, "date"],
    ]);
    expect(card?.endLine).toBe(4);
  });

  it("reads 更新时间-style Chinese keys and has no card when the document states nothing of itself", () => {
    expect(buildDocument("roadmaps/a.md", "# 标题\n作者：王五\n更新时间：20240501\n## 第一阶段").document.card?.lines.map((l) => l.fact)).toEqual([
      "author",
      "date",
    ]);
    expect(buildDocument("roadmaps/b.md", "学习路径\n第一阶段：基础\n目标：打基础。").document.card).toBeUndefined();
  });
});
