import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/chunking/chunkDocument.js";
import { buildDocument } from "../../src/corpus/buildDocument.js";
import { countedItemsPastEnd, countedOrdinal } from "../../src/retrieval/countedItems.js";
import { roadmapProfiles } from "../../src/retrieval/roadmapProfile.js";

const text = [
  "# 示范路线",
  "## 常见问题",
  "### 要学多久？",
  "三个月。",
  "### 要花钱吗？",
  "不用。",
  "## 一、起步阶段",
  "### 练手项目",
  "1. **命令行聊天机器人**",
  "   - 任务：调用接口做多轮对话",
  "2. **文本分类小实验**",
  "   - 任务：用小模型给评论分好坏",
  "3. **摘要生成**",
  "   - 任务：给长文写三句话摘要",
  "## 二、进阶阶段",
  "### 2.1 检索增强方向",
  "把资料切块、向量化再检索。",
  "### 2.2 智能体方向",
  "让模型调用工具完成任务。",
  "## 答疑",
  "### 1. 没有显卡怎么办？",
  "用云端的免费额度。",
  "### 2. 数学不好能学吗？",
  "先会用，再补数学。",
].join("\n");

const built = buildDocument("roadmaps/demo.md", text).document;
const doc = { ...built, kind: "roadmap" as const };
const chunks = chunkDocument(doc);
const profiles = roadmapProfiles([doc], chunks);

describe("countedItemsPastEnd: an ordinal past what a section the question names holds", () => {
  it("reads the number and the unit, leaving stages and parts to their own readings", () => {
    expect(countedOrdinal("进阶阶段的第五个方向讲什么？")).toEqual({ position: 5, unit: "方向", measured: true });
    expect(countedOrdinal("第三阶段讲什么？")).toBeUndefined();
    expect(countedOrdinal("llm-course 的第二部分")).toBeUndefined();
  });

  it("counts a section's sub-sections in the unit they are headed by", () => {
    expect(countedItemsPastEnd("进阶阶段的第五个方向讲什么？", profiles, chunks)).toEqual({ count: 2, heading: "二、进阶阶段" });
    expect(countedItemsPastEnd("进阶阶段的第二个方向讲什么？", profiles, chunks)).toBeUndefined();
    // Neither 答疑 nor its sub-sections' headings say 问题: what it holds is not counted in questions.
    expect(countedItemsPastEnd("答疑里第三个问题是什么？", profiles, chunks)).toBeUndefined();
  });

  it("counts a section's sub-sections when its own heading names the unit", () => {
    expect(countedItemsPastEnd("常见问题里第三个问题是什么？", profiles, chunks)?.count).toBe(2);
    expect(countedItemsPastEnd("常见问题里第二个问题是什么？", profiles, chunks)).toBeUndefined();
  });

  it("counts a list's top-level items when the section is headed by the unit", () => {
    expect(countedItemsPastEnd("起步阶段练手项目里第六个项目是什么？", profiles, chunks)?.count).toBe(3);
    expect(countedItemsPastEnd("起步阶段练手项目里第三个项目是什么？", profiles, chunks)).toBeUndefined();
  });

  it("reads nothing when no section the question names counts the unit", () => {
    // 起步阶段's sub-section is a project list, not books.
    expect(countedItemsPastEnd("起步阶段的第五本书是什么？", profiles, chunks)).toBeUndefined();
    expect(countedItemsPastEnd("第九个方向是什么？", profiles, chunks)).toBeUndefined();
  });
});
