import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { confidenceOf } from "../../src/retrieval/confidence.js";
import { buildTestIndex, type BuiltTestIndex } from "../support/buildTestIndex.js";

/**
 * Two hand-made roadmaps, the second of which mentions the first one's stage name (实战演练) in its
 * own text: asked of the second, that stage by its name and stage word is the first roadmap's.
 */
const ROADMAPS: Record<string, string> = {
  "sprint.md":
    "---\ntitle: 冲刺路线\n---\n\n# 冲刺路线\n\n## 一、入门阶段\n读一本入门书，装好 Python。\n\n## 二、实战演练阶段\n做三个检索问答项目。\n\n## 三、冲刺阶段\n准备面试，复盘项目。\n",
  "theory.md":
    "---\ntitle: 原理路线\n---\n\n# 原理路线\n\n## 第一阶段：原理\n学注意力机制，配合实战演练巩固所学。\n\n## 第二阶段：应用\n搭建一个问答系统。\n",
};

describe("a stage of another roadmap asked of the roadmap named", () => {
  let root: string;
  let built: BuiltTestIndex;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "other-stage-"));
    await mkdir(path.join(root, "roadmaps"));
    for (const [name, text] of Object.entries(ROADMAPS)) await writeFile(path.join(root, "roadmaps", name), text);
    built = await buildTestIndex({ corpusDir: root });
  }, 120_000);
  afterAll(async () => {
    await built?.cleanup();
    await rm(root, { recursive: true, force: true });
  });
  const retriever = () => new HybridRetriever({ index: () => built.snapshot, k: 4, maxChunksPerSection: 2, abstainThreshold: 0.3 });

  it("places it where that roadmap has it, not where its words occur in the named one, and marks the answer low", async () => {
    for (const question of ["原理路线里，实战演练阶段之后学什么？", "原理路线里「实战演练阶段」的下一阶段是什么"]) {
      const result = await retriever().retrieve(question);
      expect(
        result.roadmap.map((p) => p.title),
        question,
      ).toEqual(["冲刺路线"]);
      expect(confidenceOf(question, result), question).toBe("low");
    }
    // Its own roadmap: placed there, answered.
    const own = await retriever().retrieve("冲刺路线里，实战演练阶段之后学什么？");
    expect(own.roadmap.map((p) => [p.title, p.next?.heading])).toEqual([["冲刺路线", "三、冲刺阶段"]]);
  });
});
