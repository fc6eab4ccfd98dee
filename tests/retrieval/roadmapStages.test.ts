import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/chunking/index.js";
import type { Chunk } from "../../src/chunking/types.js";
import { buildDocument } from "../../src/corpus/buildDocument.js";
import { loadCorpus } from "../../src/corpus/index.js";
import type { CorpusDocument } from "../../src/corpus/types.js";
import { analyzeQuery } from "../../src/retrieval/analyzeQuery.js";
import { describeRoadmap, marksFor } from "../../src/retrieval/roadmapDescription.js";
import { locateTopic } from "../../src/retrieval/roadmapNavigator.js";
import { chunkBodies, roadmapStages } from "../../src/retrieval/roadmapStages.js";

let documents: CorpusDocument[];
let chunks: Chunk[];

beforeAll(async () => {
  documents = (await loadCorpus(path.resolve("corpus"))).documents;
  chunks = documents.flatMap((d) => chunkDocument(d));
});

const doc = (prefix: string) => documents.find((d) => d.source.startsWith(`roadmaps/${prefix}`))!;
const stagesOf = (d: CorpusDocument) => roadmapStages(d, chunkBodies(chunks, d.id));

describe("roadmapStages", () => {
  it("merges 001's plan and notes (same seven headings) into one path whose stages link to both copies", () => {
    const stages = stagesOf(doc("001"));
    expect(stages.arrangement).toBe("merged");
    expect(stages.paths).toHaveLength(1);
    const path = stages.paths[0]!;
    expect(path.outlines).toEqual(["学习路径", "学习笔记"]);
    expect(path.stages.map((s) => s.heading)).toEqual([
      "第一阶段：基础理论入门",
      "第二阶段：核心技术解析",
      "第三阶段：编程基础与工具使用",
      "第四阶段：实战项目与案例分析",
      "第五阶段：高级应用开发",
      "第六阶段：模型微调与私有化部署",
      "第七阶段：前沿技术探索",
    ]);
    expect(path.stages[5]!.sections.map((s) => [s.outline, s.startLine, s.endLine])).toEqual([
      ["学习路径", 31, 35],
      ["学习笔记", 67, 70],
    ]);
  });

  it("draws outlines whose stages differ side by side", () => {
    const parallel = buildDocument(
      "roadmaps/two.md",
      [
        "# Two",
        "## 路线 A",
        "### 第一阶段：基础",
        "a",
        "### 第二阶段：进阶",
        "b",
        "## 路线 B",
        "### 第一阶段：数学",
        "c",
        "### 第二阶段：论文",
        "d",
      ].join("\n"),
    ).document;
    const stages = roadmapStages(parallel, () => "");
    expect(stages.arrangement).toBe("parallel");
    expect(stages.paths.map((p) => [p.outlines, p.stages.map((s) => s.heading)])).toEqual([
      [["路线 A"], ["第一阶段：基础", "第二阶段：进阶"]],
      [["路线 B"], ["第一阶段：数学", "第二阶段：论文"]],
    ]);
  });

  it("keeps overviews out of the path and nested sequences as parts of their stage", () => {
    const stages = stagesOf(doc("004"));
    expect(stages.arrangement).toBe("single");
    expect(stages.overviews.map((o) => o.heading)).toEqual(["0x00 学习路径"]);
    expect(stages.paths[0]!.stages.map((s) => s.heading)).toEqual(["0x10 入门篇", "0x20 应用篇", "0x30 深入篇"]);
    expect(stages.paths[0]!.stages[2]!.parts).toHaveLength(6);
  });

  it("falls back to reading order, and says so, for a document that marks no stages", () => {
    const { document } = buildDocument("roadmaps/plain.md", ["# Plain", "## 一些课程", "a", "## 一些项目", "b"].join("\n"));
    const stages = roadmapStages(document, chunkBodies(chunkDocument(document), document.id));
    expect(stages.arrangement).toBe("reading-order");
    expect(stages.paths[0]!.stages.map((s) => s.heading)).toEqual(["一些课程", "一些项目"]);
  });

  it("draws 000's leading numbered list as its path", () => {
    const stages = stagesOf(doc("000"));
    expect(stages.arrangement).toBe("single");
    expect(stages.paths[0]!.stages.map((s) => s.heading.replace(/[：(（].*$/u, ""))).toEqual([
      "1. 微调",
      "2. RAG",
      "3. 提示词工程",
      "4. 预训练",
    ]);
  });

  it("gives each stage the catalogue resources linked inside it", () => {
    const resources = documents.flatMap((d) =>
      d.links.map((l) => ({ title: l.text, url: l.url, docId: d.id, source: d.source, headingPath: [], line: l.line })),
    );
    const described = describeRoadmap(doc("004"), chunks, resources);
    const [intro] = described.paths[0]!.stages;
    expect(intro!.resources.map((r) => r.url)).toContain("https://platform.openai.com/docs/quickstart");
    expect(intro!.resources.every((r) => r.line >= 31 && r.line <= 43)).toBe(true);
  });

  it("numbers stages as the navigator does, so a located topic lands on one drawn stage", () => {
    for (const topic of ["LoRA", "RAG", "Transformer", "微调", "Prompt"]) {
      for (const position of locateTopic(documents, chunks, topic, analyzeQuery(topic).expansions)) {
        const d = documents.find((x) => x.id === position.docId)!;
        const marks = marksFor(d, chunks, position);
        if (!marks || !position.path || position.path.step === 0) continue;
        const drawn = stagesOf(d).paths[marks.path]!;
        expect(
          drawn.stages.map((s) => s.heading),
          `${topic} in ${d.source}`,
        ).toEqual(position.path.steps);
        expect(marks.current, `${topic} in ${d.source}`).toBe(position.path.step);
      }
    }
    const lora = locateTopic(documents, chunks, "LoRA", analyzeQuery("LoRA").expansions).find((p) => p.source.startsWith("roadmaps/001"))!;
    expect(marksFor(doc("001"), chunks, lora)).toEqual({ topic: "LoRA", path: 0, current: 6, next: 7, previous: 5 });
  });
});
