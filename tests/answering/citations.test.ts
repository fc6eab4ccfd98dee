import { describe, expect, it } from "vitest";
import { buildCitations, checkCitationMarkers, citationUrl } from "../../src/answering/citations.js";
import { chunk, passage } from "../fixtures/answering/passages.js";

describe("buildCitations", () => {
  it("numbers passages from 1 and carries provenance", () => {
    const citations = buildCitations([
      passage("第七阶段：前沿技术探索", {
        chunk: { id: "a1", headingPath: ["学习路径", "第七阶段：前沿技术探索"], startLine: 36, endLine: 41 },
      }),
      passage("LoRA、Adapter 等参数高效微调技术", {
        role: "next-section",
        chunk: { id: "b2", docId: "doc-b", source: "roadmaps/b.txt", title: "B" },
      }),
    ]);
    expect(citations.map((c) => c.n)).toEqual([1, 2]);
    expect(citations[0]).toMatchObject({
      id: "a1",
      docId: "doc-a",
      headingPath: ["学习路径", "第七阶段：前沿技术探索"],
      lines: { start: 36, end: 41 },
      role: "match",
    });
    expect(citations[0]).not.toHaveProperty("url");
    expect(citations[1]).toMatchObject({ id: "b2", source: "roadmaps/b.txt", title: "B", role: "next-section" });
  });

  it("uses the web note's url and lists linkedFrom titles", () => {
    const [citation] = buildCitations([
      passage("A long note about agents and planning.", {
        role: "linked-note",
        chunk: {
          kind: "web",
          url: "https://lilianweng.github.io/posts/2023-06-23-agent/",
          linkedFrom: [{ docId: "d", source: "roadmaps/d.txt", title: "LLM 学习路径", headingPath: ["0x36 大模型应用方向"], line: 99 }],
        },
      }),
    ]);
    expect(citation!.url).toBe("https://lilianweng.github.io/posts/2023-06-23-agent/");
    expect(citation!.linkedFrom).toEqual([{ title: "LLM 学习路径", headingPath: ["0x36 大模型应用方向"] }]);
  });

  it("uses the sole link of a chunk that is essentially one link, and not of a prose chunk", () => {
    const url = "https://github.com/FudanNLP/nlp-beginner";
    const linkOnly = chunk({
      text: `[FudanNLP/nlp-beginner: NLP上手教程 (github.com)](${url})\n\n自然语言处理的入门练习`,
      headingPath: ["一些课程", "NLP"],
      links: [{ text: "FudanNLP/nlp-beginner: NLP上手教程 (github.com)", url, line: 71 }],
    });
    expect(citationUrl(linkOnly)).toBe(url);
    const prose = chunk({
      text: `推荐 [课程](${url})。这门课从词向量讲到序列标注，配套练习覆盖文本分类、命名实体识别、机器翻译和语言模型，适合在学完深度学习基础之后系统练手。`,
      links: [{ text: "课程", url, line: 3 }],
    });
    expect(citationUrl(prose)).toBeUndefined();
    const twoLinks = chunk({
      text: "[a](https://a.example) [b](https://b.example)",
      links: [
        { text: "a", url: "https://a.example", line: 1 },
        { text: "b", url: "https://b.example", line: 1 },
      ],
    });
    expect(citationUrl(twoLinks)).toBeUndefined();
  });
});

describe("checkCitationMarkers", () => {
  it("keeps valid markers and reports them as used", () => {
    const result = checkCitationMarkers("LoRA 之后学习第七阶段 [1]。量化见 [2][3]。", 3);
    expect(result).toEqual({ answer: "LoRA 之后学习第七阶段 [1]。量化见 [2][3]。", removed: 0, used: [1, 2, 3] });
  });

  it("removes markers that point to no passage and counts them", () => {
    const result = checkCitationMarkers("First claim [1]. Invented claim [9]. Mixed [2, 7].", 3);
    expect(result.answer).toBe("First claim [1]. Invented claim. Mixed [2].");
    expect(result.removed).toBe(2);
    expect(result.used).toEqual([1, 2]);
  });

  it("handles full-width brackets, lists, ranges and zero", () => {
    const result = checkCitationMarkers("甲【1】乙［2］丙[1，3]丁[0]戊[2-4]", 3);
    expect(result.answer).toBe("甲[1]乙[2]丙[1][3]丁戊[2][3]");
    expect(result.removed).toBe(2); // [0] and the 4 of 2-4
    expect(result.used).toEqual([1, 2, 3]);
  });

  it("leaves markdown links and non-numeric brackets alone", () => {
    const text = "See [the course](https://example.com) and section [0x31] and [1](https://x.example).";
    expect(checkCitationMarkers(text, 1)).toEqual({ answer: text, removed: 0, used: [] });
  });

  it("with no passages, every marker is removed", () => {
    expect(checkCitationMarkers("Claim [1][2].", 0)).toEqual({ answer: "Claim.", removed: 2, used: [] });
  });
});
