import { describe, expect, it } from "vitest";
import { documentAuthorAsked, documentAuthorStated } from "../../src/retrieval/documentAuthor.js";

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
