import { describe, expect, it } from "vitest";
import { withCorpusMainlandWords } from "../../src/retrieval/mainlandWords.js";

// A corpus's words, as the index's term statistics would answer: 项目 and 视频 are used, 专案 and
// 影片 are not; 核心 is used as it is.
const corpus = new Set(["项目", "视频", "核心", "入门", "阶段", "动手"]);
const inCorpus = (token: string) => corpus.has(token);

describe("withCorpusMainlandWords", () => {
  it("writes a Taiwan word the documents never use as the Mainland word they do use", () => {
    expect(withCorpusMainlandWords("入门阶段的动手专案有哪些？", inCorpus)).toBe("入门阶段的动手项目有哪些？");
    expect(withCorpusMainlandWords("有推荐的影片吗，影片长不长", inCorpus)).toBe("有推荐的视频吗，视频长不长");
  });

  it("keeps a Taiwan word the documents use, and one whose Mainland word they do not use", () => {
    // 核心 → 内核 in the phrase table, but 核心 is the documents' own word.
    expect(withCorpusMainlandWords("核心概念有哪些", inCorpus)).toBe("核心概念有哪些");
    expect(withCorpusMainlandWords("部落格在哪", inCorpus)).toBe("部落格在哪");
  });

  it("leaves a text without Taiwan vocabulary as it is", () => {
    expect(withCorpusMainlandWords("学完 LoRA 之后学什么", inCorpus)).toBe("学完 LoRA 之后学什么");
  });
});
