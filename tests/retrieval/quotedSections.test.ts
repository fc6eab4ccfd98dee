import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { quotedSectionPassages } from "../../src/retrieval/quotedSections.js";

const chunk = (id: string, docId: string, sectionIndex: number, headingPath: string[]) =>
  ({ id, docId, sectionIndex, headingPath, text: `${id} 的正文`, source: `roadmaps/${docId}.md` }) as unknown as Chunk;

const chunks = [
  chunk("a1", "a", 1, ["学习路线", "一些课程"]),
  chunk("a2", "a", 2, ["学习路线", "一些项目"]),
  chunk("a3", "a", 2, ["学习路线", "一些项目"]),
  chunk("a4", "a", 2, ["学习路线", "一些项目"]),
  chunk("b1", "b", 1, ["清单", "0x31 大模型技术基础方向"]),
  chunk("c1", "c", 4, ["指南", "一些项目"]),
];

describe("a section the question quotes by its heading", () => {
  it("leads with the section's first chunks, in any of the usual quotes", () => {
    expect(quotedSectionPassages("『一些项目』里第一个推荐的是什么？", chunks, "a", "zh").map((p) => p.chunk.id)).toEqual(["a2", "a3"]);
    // The question in its search form (Simplified: 「一些課程」 reaches here as 「一些课程」).
    expect(quotedSectionPassages("「一些课程」讲了什么", chunks, undefined, "zh").map((p) => p.chunk.id)).toEqual(["a1"]);
    // The heading's numbering is not its name.
    expect(quotedSectionPassages('What is under "大模型技术基础方向"?', chunks, undefined, "en").map((p) => p.chunk.id)).toEqual(["b1"]);
  });

  it("in every roadmap that has it when none is named, and nothing for a phrase that is no heading", () => {
    expect(quotedSectionPassages("『一些项目』里有什么", chunks, undefined, "zh").map((p) => p.chunk.docId)).toEqual(["a", "a", "c"]);
    expect(quotedSectionPassages("『动手学深度学习』讲什么", chunks, undefined, "zh")).toEqual([]);
    expect(quotedSectionPassages("《一些项目》讲什么", chunks, undefined, "zh")).toEqual([]);
    expect(quotedSectionPassages("一些项目里有什么", chunks, undefined, "zh")).toEqual([]);
  });
});
