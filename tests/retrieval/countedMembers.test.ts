import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { countedMembersUnlisted, countsWithMembersAsked } from "../../src/retrieval/countedMembers.js";

const blog = [
  "## 一些项目",
  "",
  "[【最新】36个大模型实战项目，练完就能上手](https://example.com/video/1)",
  "",
  "[另一个教程合集](https://example.com/video/2)",
].join("\n");
const plan = ["## 学习路线", "整个学习分为六个阶段：", "1. 数学", "2. 编程", "3. 深度学习", "4. 大模型原理", "5. 微调", "6. 应用"].join(
  "\n",
);
const docs: Record<string, string> = { blog, plan };
const chunkAt = (docId: string, line: number): { chunk: Chunk } => ({
  chunk: { id: `${docId}-${line}`, docId, text: docs[docId]!.split("\n")[line - 1]!, startLine: line, endLine: line } as unknown as Chunk,
});
const textOf = (docId: string) => docs[docId];

describe("countsWithMembersAsked", () => {
  it("reads the counts of five or more whose members the question asks for", () => {
    expect(countsWithMembersAsked("那36个实战项目具体是哪36个？")).toEqual([36]);
    expect(countsWithMembersAsked("Can you list the 36 projects?")).toEqual([36]);
    expect(countsWithMembersAsked("这六个阶段分别叫什么？")).toEqual([6]);
    // Not the members, or too small a count to be listed apart from one sentence.
    expect(countsWithMembersAsked("那36个实战项目的视频在哪看？")).toEqual([]);
    expect(countsWithMembersAsked("这三个部分分别是什么？")).toEqual([]);
  });
});

describe("countedMembersUnlisted", () => {
  it("is true when the passage naming the count only counts the collection", () => {
    expect(countedMembersUnlisted("那36个大模型实战项目具体是哪些？", [chunkAt("blog", 3)], textOf)).toBe(true);
  });

  it("is false when the document lists the members after the count, or no passage names the count", () => {
    expect(countedMembersUnlisted("这六个阶段分别是什么？", [chunkAt("plan", 2)], textOf)).toBe(false);
    expect(countedMembersUnlisted("那36个大模型实战项目具体是哪些？", [chunkAt("plan", 2)], textOf)).toBe(false);
    // "第六阶段" is one stage, not a count of six.
    expect(
      countedMembersUnlisted("这6个阶段分别叫什么？", [{ chunk: { ...chunkAt("blog", 5).chunk, text: "第六阶段：应用" } }], textOf),
    ).toBe(false);
  });
});
