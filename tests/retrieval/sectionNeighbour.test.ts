import { describe, expect, it } from "vitest";
import { DEFAULT_ABSTAIN_THRESHOLD } from "../../src/config.js";
import { confidenceOf } from "../../src/retrieval/confidence.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { useBundledTestIndex } from "../support/buildTestIndex.js";

describe("the section beside one a question names inside a stage it names", () => {
  const built = useBundledTestIndex();
  const retriever = () =>
    new HybridRetriever({ index: () => built().snapshot, k: 5, maxChunksPerSection: 2, abstainThreshold: DEFAULT_ABSTAIN_THRESHOLD });

  it("is the stage's next (previous) section, leading the answer, not the next stage", async () => {
    const after = await retriever().retrieve("三阶段那篇的场景应用阶段里，行业场景实践后面接着讲的是哪一块？");
    expect(after.passages[0]?.chunk.headingPath.at(-1)).toBe("多模态与前沿技术");
    expect(after.roadmap).toEqual([]);
    const before = await retriever().retrieve("三阶段那篇的接入开发阶段里，核心开发技术前面是哪一块？");
    expect(before.passages[0]?.chunk.headingPath.at(-1)).toBe("工具与框架");
  });

  it("reads a section by what sets it apart from its siblings, in the one roadmap with a stage of that name", async () => {
    // "推理优化" of "0x35 大模型推理优化方向"; 深入篇 is the reading list's only.
    const after = await retriever().retrieve("深入篇那几个方向里，推理优化后面是哪个方向？");
    expect(after.passages[0]?.chunk.headingPath.at(-1)).toBe("0x36 大模型应用方向");
  });

  it("moves among the tracks or resources a stage lists as headings under one of its sections", async () => {
    // 专业深入阶段 › 专业方向详细路径 › 模型训练与优化专家 → 基础架构专家: not the next stage.
    const track = await retriever().retrieve("五阶段指南的专业深入阶段里，「模型训练与优化专家」后面一个方向是什么");
    expect(track.askedPart?.item).toBe("基础架构专家");
    expect(track.roadmap).toEqual([]);
    const resource = await retriever().retrieve("五阶段指南入门阶段里，「入门课程」之后是哪部分");
    expect(resource.askedPart?.item).toBe("入门读物");
    const direction = await retriever().retrieve("五阶段指南的前沿研究阶段里，「推理与优化」之后的方向是什么");
    expect(direction.askedPart?.item).toBe("应用与系统");
  });

  it("moves to the next section named by 下一个小节, and among a section's listed items when the question asks inside it", async () => {
    const section = await retriever().retrieve("3阶段那篇，接入开发阶段内「工具与框架」的下一个小节是什么");
    expect(section.askedPart?.item).toBe("核心开发技术");
    // 核心开发技术 lists • API 开发, • RAG(检索增强生成), • 多模态应用: "里" asks inside it, not for the section after it.
    const item = await retriever().retrieve("CSDN三阶段接入开发阶段的核心开发技术里，API开发之后是什么");
    expect(item.askedPart?.item).toContain("RAG(检索增强生成)");
    const back = await retriever().retrieve("CSDN三阶段的核心开发技术中，多模态应用前面那项是什么");
    expect(back.askedPart?.item).toContain("RAG(检索增强生成)");
  });

  it("leads with the section a question asks by its code, whose passages do not repeat it", async () => {
    const coded = await retriever().retrieve("ninehills清单0x34讲什么");
    expect(coded.passages[0]?.chunk.headingPath.at(-1)).toBe("0x34 大模型数据工程方向");
  });

  it("reads a section by its hexadecimal code, and a step to the next (previous) direction as a move by sections", async () => {
    const byCode = await retriever().retrieve("ninehills清单 0x35 的上一节是什么");
    expect(byCode.passages[0]?.chunk.headingPath.at(-1)).toBe("0x34 大模型数据工程方向");
    const next = await retriever().retrieve("ninehills清单 0x33 训练微调方向的下一节是什么");
    expect(next.passages[0]?.chunk.headingPath.at(-1)).toBe("0x34 大模型数据工程方向");
    // 前一个方向: the sibling direction, not the stage before the chapter holding it.
    const direction = await retriever().retrieve("ninehills清单里，数据工程方向的前一个方向是什么");
    expect(direction.passages[0]?.chunk.headingPath.at(-1)).toBe("0x33 大模型训练微调方向");
    expect(direction.roadmap).toEqual([]);
  });

  it("reads a section named by its heading outside any stage when the question moves by sections", async () => {
    // 五、关键资源汇总 → 六、持续学习建议, in the one roadmap with that heading.
    const after = await retriever().retrieve("关键资源汇总后面那一节讲什么？");
    expect(after.passages[0]?.chunk.headingPath[0]).toBe("六、持续学习建议");
    // Moving by stages, the same heading is no section asked.
    const stages = await retriever().retrieve("关键资源汇总之后学什么？");
    expect(stages.passages[0]?.chunk.headingPath[0]).not.toBe("六、持续学习建议");
  });

  it("leaves a question that names no stage, or no section of it, to the stages", async () => {
    const stages = await retriever().retrieve("三阶段那篇里，原理学习阶段之后是哪个阶段？");
    expect(stages.roadmap.map((p) => p.next?.heading)).toContain("二、接入开发阶段(3-4 个月)");
  });
  it("finds nothing after the document's last section, by its code or by a chapter word right after its last stage", async () => {
    // The reading list ends with 0x36 (the last direction of 0x30 深入篇, its last chapter): nothing follows.
    for (const question of ["ninehills清单 0x36 的下一节是什么", "ninehills清单里深入篇之后还有别的章节吗"]) {
      const result = await retriever().retrieve(question);
      expect(result.ordinalPastEnd, question).toBeDefined();
      expect(confidenceOf(question, result), question).toBe("low");
    }
    // A section with one after it, and a section inside the last chapter: there is a neighbour to give.
    // The five-stage guide's table of contents goes on past its last stage (持续学习资源, 学习常见问题).
    for (const question of [
      "ninehills清单 0x35 的下一节是什么",
      "ninehills清单里深入篇里大模型综述后面那一节是什么",
      "五阶段指南的目录里，前沿研究阶段后面接着是哪一节",
    ])
      expect((await retriever().retrieve(question)).ordinalPastEnd, question).toBeUndefined();
  });
});
