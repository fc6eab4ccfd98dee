import { describe, expect, it } from "vitest";
import {
  DOCUMENT_WORDS_LIKE_STAGE_WORDS,
  OTHER_DOCUMENTS,
  POINTED_DOCUMENT,
  SAYS_DOCUMENT,
  WHICH_DOCUMENT,
} from "../../src/text/documentWords.js";

describe("document words", () => {
  it("read one set of nouns for a document, whichever word says which one", () => {
    // The same noun after "that", "which" and "other".
    for (const noun of ["教程", "路径", "笔记"]) {
      expect(POINTED_DOCUMENT.test(`那份${noun}里提到了什么？`), noun).toBe(true);
      expect(WHICH_DOCUMENT.test(`哪条${noun}讲得最细？`), noun).toBe(true);
      expect(OTHER_DOCUMENTS.test(`另一个${noun}怎么说？`), noun).toBe(true);
      expect(SAYS_DOCUMENT.test(`列了五点的${noun}`), noun).toBe(true);
    }
    expect(POINTED_DOCUMENT.test("does that guide pick a framework?")).toBe(true);
    expect(WHICH_DOCUMENT.test("which of the guides covers agents?")).toBe(true);
    expect(OTHER_DOCUMENTS.test("what do the other roadmaps recommend?")).toBe(true);
  });

  it("leave a place inside a document, a thing it lists and a question of its own", () => {
    expect(POINTED_DOCUMENT.test("那篇之后的内容讲什么？")).toBe(false);
    expect(POINTED_DOCUMENT.test("那本书有多少页？")).toBe(false);
    expect(WHICH_DOCUMENT.test("哪个框架更适合新手？")).toBe(false);
    expect(OTHER_DOCUMENTS.test("另外两种方法是什么？")).toBe(false);
    expect(SAYS_DOCUMENT.test("有哪四种微调方法？")).toBe(false);
  });

  it("take the document words that hold a stage word's character out of a question", () => {
    expect("三阶段那篇文章的第二部分".replace(DOCUMENT_WORDS_LIKE_STAGE_WORDS, " ")).toBe("三阶段  的第二部分");
  });
});
