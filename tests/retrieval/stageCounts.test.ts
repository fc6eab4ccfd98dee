import { describe, expect, it } from "vitest";
import { statedItemCounts, statedStageCounts } from "../../src/retrieval/stageCounts.js";

describe("stage counts a question states", () => {
  it("read 段 as a stage (分六段的那份), never an ordinal (第三段)", () => {
    expect(statedStageCounts("分六段的那份路线里先学什么")).toEqual([6]);
    expect(statedStageCounts("那份四段式的清单")).toEqual([4]);
    expect(statedStageCounts("第三段讲什么")).toEqual([]);
    // Mixed wording: a Chinese count with an English stage word.
    expect(statedStageCounts("六个 stage 的那份路线")).toEqual([6]);
    // Chapters and sections are counted as parts, as 篇 and 章节 are.
    expect(statedStageCounts("In the three-chapter reading list, what comes first?")).toEqual([3]);
    expect(statedStageCounts("the guide with five sections")).toEqual([5]);
  });

  it("read a stage word in any case, with the case-insensitive Unicode reading (ſ is an s), and none without one", () => {
    expect(statedStageCounts("Three STAGES, which one?")).toEqual([3]);
    expect(statedStageCounts("the three-ſtage plan")).toEqual([3]);
    expect(statedStageCounts("7 Levels of the course")).toEqual([7]);
    expect(statedStageCounts("学完 LoRA 之后该学什么? 3 个")).toEqual([]);
  });

  it("leave out a count that picks some of a roadmap's stages (前三个阶段, the first two phases)", () => {
    expect(statedStageCounts("六阶段那份的前两个阶段各讲什么？")).toEqual([6]);
    expect(statedStageCounts("In the five-stage plan, what do the last two phases cover?")).toEqual([5]);
  });

  it("leave out a count of a course's or a book's parts, with or without a verb of dividing", () => {
    expect(statedStageCounts("那门课三个部分分别讲什么")).toEqual([]);
    expect(statedStageCounts("那篇博客推荐的 cs-course 分成四部分，第二部分讲什么？")).toEqual([]);
    expect(statedStageCounts("那本书一共有五部分，三阶段那份推荐的")).toEqual([3]);
  });
});

describe("item counts a question states", () => {
  it("read a count of a list's points or ways, never a clock's hour or an ordinal", () => {
    expect(statedItemCounts("那篇分了五条路子讲转行")).toContain(5);
    expect(statedItemCounts("the post that gives three approaches")).toEqual([3]);
    expect(statedItemCounts("那篇只有四点再加几个链接的短文")).toEqual([4]);
    expect(statedItemCounts("下午四点半开会")).toEqual([]);
    expect(statedItemCounts("只有四点钟有空")).toEqual([]);
    expect(statedItemCounts("第三个方向是什么")).toEqual([]);
  });
});
