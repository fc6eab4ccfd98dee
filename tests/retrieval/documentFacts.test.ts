import { describe, expect, it } from "vitest";
import { buildDocument } from "../../src/corpus/buildDocument.js";
import { confidenceOf, confidenceSignals, decideConfidence } from "../../src/retrieval/confidence.js";
import {
  askedOfDocumentAuthor,
  detailStatedByCard,
  documentAuthorAsked,
  documentAuthorStated,
  documentFactsAsked,
  documentFactsOf,
  namesAuthorOf,
  withCardFirst,
} from "../../src/retrieval/documentFacts.js";
import { passage, retrievalResult } from "../fixtures/answering/passages.js";

const withCard = buildDocument(
  "roadmaps/agents.md",
  "---\ntitle: 智能体学习笔记\ndate: 2025-02-03\ntags: [Agent]\n---\n# 智能体学习笔记\n正文。",
).document;
const withoutCard = buildDocument("roadmaps/plain.md", "学习路径\n第一阶段：基础\n目标：打基础。").document;

describe("documentFactsAsked", () => {
  it("reads who wrote it, when it was posted or updated, and its tags", () => {
    expect(documentFactsAsked("那份六个阶段的笔记作者是谁呀")).toEqual(["author"]);
    // A 《title》 said to be the blog's own names the document, not a work inside it.
    expect(documentFactsAsked("2024年9月那篇《学习路线》博客的作者是谁？")).toEqual(["author"]);
    expect(documentFactsAsked("那篇博客里《某本书》的作者是谁？")).toEqual([]);
    expect(documentFactsAsked("Who put together the agents guide?")).toEqual(["author"]);
    expect(documentFactsAsked("那篇讲智能体的博客最后更新是哪天")).toEqual(["date"]);
    expect(documentFactsAsked("When exactly was the agents write-up first published?")).toEqual(["date"]);
    expect(documentFactsAsked("这篇笔记打了哪些标签")).toEqual(["tags"]);
    expect(documentFactsAsked("which categories is the agents post filed under?")).toEqual(["tags"]);
  });

  it("reads no fact of the document in a question about what its author says, about a work it lists, or about labelling data", () => {
    expect(documentFactsAsked("那篇笔记的作者推荐先学哪个框架？")).toEqual([]);
    expect(documentFactsAsked("What does the author of the agents guide like best for evaluation?")).toEqual([]);
    expect(documentFactsAsked("笔记里那本《智能体设计》是谁写的？")).toEqual([]);
    expect(documentFactsAsked("那门课是哪年发布的？")).toEqual([]);
    expect(documentFactsAsked("不用人工打标签的那种训练叫什么？")).toEqual([]);
    expect(documentFactsAsked("笔记里说什么时候开始写代码比较好？")).toEqual([]);
  });
});

describe("documentFactsOf", () => {
  it("counts a fact missing of a named document whose card does not state it", () => {
    expect(documentFactsOf("那份笔记是谁写的", withCard, undefined)).toMatchObject({ asked: ["author"], missing: ["author"], stated: [] });
    expect(documentFactsOf("那份笔记是哪天发的", withoutCard, undefined)).toMatchObject({ missing: ["date"] });
    expect(documentFactsOf("那份笔记是哪天发的", withCard, undefined)).toMatchObject({ missing: [], stated: ["date: 2025-02-03"] });
  });

  it("does not take the day the question names the document by for the date it asks", () => {
    expect(documentFactsOf("2025-02-03 那份笔记后来改过吗？最后改动是哪天？", withCard, undefined)).toMatchObject({
      missing: ["date"],
      stated: [],
    });
    expect(documentFactsOf("The notes dated 2025/2/3: when were they last updated?", withCard, undefined)).toMatchObject({
      missing: ["date"],
    });
    // A month or another day the question names leaves the card's day to answer.
    expect(documentFactsOf("2025年2月那份笔记是哪天发的？", withCard, undefined)).toMatchObject({
      missing: [],
      stated: ["date: 2025-02-03"],
    });
    expect(documentFactsOf("2025-03-01 转发的那份笔记最早是哪天发的？", withCard, undefined)).toMatchObject({ missing: [] });
  });

  it("takes a described document from the leading passage only with a word for a document and a card stating the fact", () => {
    expect(documentFactsOf("讲智能体那篇博客是哪天发的", undefined, withCard)?.doc).toBe(withCard);
    expect(documentFactsOf("讲智能体的是哪天发的", undefined, withCard)).toBeUndefined();
    expect(documentFactsOf("讲智能体那篇博客是谁写的", undefined, withCard)).toBeUndefined();
    expect(documentFactsOf("讲智能体那篇博客是哪天发的", undefined, withoutCard)).toBeUndefined();
  });

  it("lets the card answer the date it states, and marks a missing fact low", () => {
    const dated = documentFactsOf("那份笔记最近一次改动是哪天", withCard, undefined);
    expect(detailStatedByCard("date", dated)).toBe(true);
    expect(detailStatedByCard("price", dated)).toBe(false);
    expect(detailStatedByCard("person", documentFactsOf("那份笔记是谁写的", withCard, undefined))).toBe(false);
    expect(decideConfidence({ evidence: 0.9, weak: false, missingDetails: [], documentFactMissing: true })).toBe("low");
  });

  it("answers thin evidence from the leading card of a named document that states every fact asked, not of a described one", () => {
    const question = "讲智能体那篇博客是哪天发的";
    const passages = withCardFirst([passage("智能体是什么。", { chunk: { docId: withCard.id, startLine: 7, endLine: 7 } })], withCard, 5);
    const thin = { evidence: 0.1, passages };
    const named = documentFactsOf(question, withCard, undefined)!;
    const described = documentFactsOf(question, undefined, withCard)!;
    expect(confidenceOf(question, retrievalResult(question, passages, { ...thin, documentFacts: named }))).toBe("high");
    // "When was the blog about React hooks published" leads with some roadmap's card too: that decides nothing.
    expect(confidenceOf(question, retrievalResult(question, passages, { ...thin, documentFacts: described }))).toBe("low");
    expect(detailStatedByCard("date", described)).toBe(false);
  });
});

describe("withCardFirst", () => {
  it("puts the card first, cited by its own lines, and drops a passage of the same lines", () => {
    const byline = buildDocument("roadmaps/list.md", "# 清单\n> Author: **lin**\n> Created: **2024-01-02**\n## 入门").document;
    const sameLines = passage("> Author: **lin**\n> Created: **2024-01-02**", {
      chunk: { docId: byline.id, startLine: 2, endLine: 3, id: "pre" },
    });
    const other = passage("入门先学 Python。", { chunk: { docId: byline.id, startLine: 5, endLine: 5, id: "body" } });
    const passages = withCardFirst([sameLines, other], byline, 5);
    expect(passages.map((p) => [p.chunk.startLine, p.chunk.endLine])).toEqual([
      [2, 3],
      [5, 5],
    ]);
    expect(passages[0]!.chunk.text).toBe("> Author: **lin**\n> Created: **2024-01-02**");
    expect(withCardFirst([other], withoutCard, 5)).toEqual([other]);
  });
});

/** Questions and passages written for this test (not from any evaluation set). */
describe("documentAuthorAsked", () => {
  it("reads who wrote a roadmap, post or list itself", () => {
    for (const question of ["那篇四个阶段的路线是谁写的？", "那个清单的作者是谁啊", "Who wrote the two-part reading list?"])
      expect(documentAuthorAsked(question), question).toBe(true);
  });

  it("leaves the author of a book, course or talk the roadmap lists", () => {
    for (const question of [
      "那篇路线推荐的《某某实战》是谁写的？",
      "清单里那门课是谁讲的",
      "Who wrote the paper the guide cites?",
      "这份清单里那个开源项目是谁做的？",
    ])
      expect(documentAuthorAsked(question), question).toBe(false);
  });
});

describe("documentAuthorStated", () => {
  it("needs a line that says who wrote the document", () => {
    expect(documentAuthorStated(["# 学习清单\n\n> Author: **somebody**\n> Created: 2023"])).toBe(true);
    expect(documentAuthorStated(["---\ntitle: 学习路线\ncopyright_author: 某某\n---"])).toBe(true);
    // An empty field, or a course's teacher in a link's title, does not say.
    expect(documentAuthorStated(["---\ntitle: 学习路线\ncopyright_author:\ncopyright_author_href:\n---"])).toBe(false);
    expect(documentAuthorStated(["[【张老师】2024 最好的大模型教程](https://example.com/video)"])).toBe(false);
  });
});

describe("a detail asked of the document's author", () => {
  it("reads where the author works as asked of the author, not of a work the document lists", () => {
    expect(askedOfDocumentAuthor("那篇博客的作者在哪家公司工作？", false)).toBe(true);
    expect(askedOfDocumentAuthor("ninehills 的作者在哪间公司上班", true)).toBe(true);
    expect(askedOfDocumentAuthor("Which company does the author of the reading list work for?", false)).toBe(true);
    // A course's author, or no document asked of.
    expect(askedOfDocumentAuthor("那门课的作者在哪家公司？", true)).toBe(false);
    expect(askedOfDocumentAuthor("作者在哪家公司", false)).toBe(false);
  });

  it("finds the employer only on the line saying who wrote the document, not among the companies a passage lists", () => {
    const question = "那篇博客的作者在哪家公司工作？";
    const card = passage("> Author: **lin**\n> Labels: **blog**");
    const companies = passage("字节、阿里等多家公司都在招大模型岗位。");
    expect(confidenceSignals(question, retrievalResult(question, [card, companies])).missingDetails).toContain("organization");
    const withEmployer = passage("> Author: **lin** @ 某某科技公司\n> Labels: **blog**");
    expect(confidenceSignals(question, retrievalResult(question, [withEmployer, companies])).missingDetails).not.toContain("organization");
  });
});

describe("facts asked in hedged English, and the author asked by name", () => {
  it("reads 'when it was written' and 'who its author might be' as the date and the author asked", () => {
    expect(documentFactsAsked("Does the guide ever say when it was written or who its author might be?")).toEqual(["author", "date"]);
  });

  it("reads a question naming the person an author line names as asked of the author", () => {
    expect(namesAuthorOf("li这个人在哪家公司上班？", ["> Author: **li**"])).toBe(false); // too short a name to tell
    expect(namesAuthorOf("somebody这个人在哪家公司上班？", ["> Author: **somebody**"])).toBe(true);
    expect(namesAuthorOf("李沐在哪家公司？", ["> Author: **somebody**"])).toBe(false);
    const question = "somebody这个人在哪家公司上班？";
    const card = passage("> Author: **somebody**\n> Labels: **blog**");
    const companies = passage("字节、阿里等多家公司都在招大模型岗位。");
    expect(confidenceSignals(question, retrievalResult(question, [card, companies])).missingDetails).toContain("organization");
  });
});
