import { describe, expect, it } from "vitest";
import { stageFocus } from "../../src/retrieval/questionEvidence.js";
import type { Passage } from "../../src/retrieval/types.js";
import { lexicalChunk } from "../support/lexicalChunks.js";

const passage = (id: string, heading: string, text: string): Passage => ({
  chunk: lexicalChunk(id, [heading], text),
  score: 1,
  role: "match",
});

/** A plan whose time budget lists its stages in one passage, and each stage's own section. */
const PASSAGES = [
  passage("budget", "时间投入", "- 入门阶段：每周10-15小时\n- 应用实践：项目驱动，每个项目1-3个月"),
  passage("practice", "应用实践阶段", "做三个项目：问答机器人、文档助手、领域助手。"),
  passage("other", "学习资源", "推荐《大模型入门》系列视频。"),
];
const STAGES = ["入门", "基础夯实", "应用实践", "专业深入"];

describe("stageFocus", () => {
  it("keeps a detail asked of a named stage to the passages naming that stage, and names it as the term", () => {
    expect(stageFocus("五阶段那份的应用实践阶段每周要几个小时？", STAGES, PASSAGES)).toEqual({
      chunkIds: ["budget", "practice"],
      terms: ["应用实践"],
    });
    // The longest name the question holds wins over a shorter one inside it.
    expect(stageFocus("应用实践阶段要多久", ["应用", "应用实践"], PASSAGES)?.terms).toEqual(["应用实践"]);
  });

  it("reads no stage from a question that names none, from a book title, or that no passage names", () => {
    expect(stageFocus("每周要几个小时？", STAGES, PASSAGES)).toBeUndefined();
    expect(stageFocus("《大模型入门》是哪位老师讲的？", STAGES, PASSAGES)).toBeUndefined();
    expect(stageFocus("专业深入阶段要多久？", STAGES, PASSAGES)).toBeUndefined();
  });
});
