import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/corpus/frontMatter.js";
import { realDocument } from "./realCorpus.js";

describe("parseFrontMatter", () => {
  it("reads title, date, tags, categories and drops empty fields (real 000)", () => {
    const doc = realDocument("000");
    expect(doc.title).toBe("大模型学习路线");
    expect(doc.metadata).toEqual({ date: "2024-09-05", tags: ["人工智能", "大模型学习路线"], categories: ["大模型"], platform: "hexo" });
    expect(doc.text.split("\n").slice(0, 30).every((line) => line === "")).toBe(true);
    expect(doc.text).not.toContain("top_img");
  });

  it("reads web-note fields and linked_from", () => {
    const lines = [
      "---",
      "source_url: https://example.com/lora",
      "title: LoRA explained",
      "fetched_at: 2025-01-02T03:04:05Z",
      "description: ''",
      "linked_from:",
      "  - doc: roadmaps/a.md",
      "    headingPath: [阶段一, LoRA]",
      "  - doc: roadmaps/b.md",
      "    headingPath: []",
      "    line: 7",
      "---",
      "body",
    ];
    const result = parseFrontMatter(lines);
    expect(result.lineCount).toBe(12);
    expect(result.title).toBe("LoRA explained");
    expect(result.metadata).toEqual({ sourceUrl: "https://example.com/lora", fetchedAt: "2025-01-02T03:04:05.000Z" });
    expect(result.linkedFrom).toEqual([
      { doc: "roadmaps/a.md", headingPath: ["阶段一", "LoRA"] },
      { doc: "roadmaps/b.md", headingPath: [], line: 7 },
    ]);
  });

  it("reports invalid YAML instead of throwing, and ignores files without a block", () => {
    const broken = parseFrontMatter(["---", "title: [unclosed", "---", "body"]);
    expect(broken.lineCount).toBe(0);
    expect(broken.error).toMatch(/invalid YAML/);
    expect(parseFrontMatter(["# Title", "---", "x"]).lineCount).toBe(0);
    expect(parseFrontMatter(["---", "no closing"]).lineCount).toBe(0);
  });

  it("turns a scalar tag into a list and keeps a string date", () => {
    const result = parseFrontMatter(["---", "tags: rag", "date: 'May 2024'", "---"]);
    expect(result.metadata.tags).toEqual(["rag"]);
    expect(result.metadata.date).toBe(new Date("May 2024").toISOString());
  });
});

describe("the generator a front matter's scaffold tells", () => {
  it("reads Hexo from its scaffold's keys beside the ones every generator writes", () => {
    const hexo = ["---", "title: 入门笔记", "date: 2023-03-01", "updated:", "tags: [AI]", "top_img: /img/a.jpg", "comments: true", "toc: true", "---", "正文"];
    expect(parseFrontMatter(hexo).generator).toBe("hexo");
  });

  it("names none for a block of the keys every generator writes, or only one or two of a scaffold's", () => {
    expect(parseFrontMatter(["---", "title: 笔记", "date: 2023-03-01", "tags: [AI]", "---"]).generator).toBeUndefined();
    expect(parseFrontMatter(["---", "title: 笔记", "comments: true", "toc: true", "---"]).generator).toBeUndefined();
  });
});
