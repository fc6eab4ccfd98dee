import { describe, expect, it } from "vitest";
import { conceptsOutsideRoadmap } from "../../src/retrieval/conceptsOutsideRoadmap.js";

describe("conceptsOutsideRoadmap", () => {
  const roadmap = ["# 示例路线", "## 第一阶段：基础", "- Python 与 PyTorch", "## 第二阶段：模型压缩", "- 蒸馏与剪枝：把大模型变小"].join(
    "\n",
  );

  it("names a field concept the question asks about that the roadmap never names", () => {
    expect(conceptsOutsideRoadmap("这份路线里 Kubernetes 放在哪个阶段？", roadmap)).toEqual(["Kubernetes"]);
    expect(conceptsOutsideRoadmap("Where does Kubernetes come in this plan?", roadmap)).toEqual(["Kubernetes"]);
  });

  it("finds a concept the roadmap names in another of its names (the glossary's synonyms)", () => {
    // 知识蒸馏 is written 蒸馏 in the roadmap; PyTorch as the roadmap writes it.
    expect(conceptsOutsideRoadmap("这份路线里知识蒸馏放在哪个阶段？", roadmap)).toEqual([]);
    expect(conceptsOutsideRoadmap("which stage covers pytorch?", roadmap)).toEqual([]);
  });

  it("reads a Latin name only as a word of the question", () => {
    // "storage" holds no RAG, "ragged" neither.
    expect(conceptsOutsideRoadmap("which stage covers storage of ragged arrays?", roadmap)).toEqual([]);
    expect(conceptsOutsideRoadmap("which stage covers RAG?", roadmap)).toEqual(["RAG"]);
  });

  it("leaves out a concept whose name only said which document was meant", () => {
    expect(conceptsOutsideRoadmap("GitHub 上那份路线，剪枝放在哪个阶段？", roadmap, ["github"])).toEqual([]);
    expect(conceptsOutsideRoadmap("GitHub 上那份路线，剪枝放在哪个阶段？", roadmap)).toEqual(["GitHub"]);
  });
});
