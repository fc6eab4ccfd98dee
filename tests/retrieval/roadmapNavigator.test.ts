import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/chunking/index.js";
import type { Chunk } from "../../src/chunking/types.js";
import { buildDocument } from "../../src/corpus/buildDocument.js";
import { loadCorpus } from "../../src/corpus/index.js";
import type { CorpusDocument } from "../../src/corpus/types.js";
import { analyzeQuery } from "../../src/retrieval/analyzeQuery.js";
import { locateTopic, termMatcher, termPattern } from "../../src/retrieval/roadmapNavigator.js";
import { isStageHeading, stageName } from "../../src/retrieval/stageOutline.js";
import type { RoadmapPosition } from "../../src/retrieval/types.js";

interface Corpus {
  documents: CorpusDocument[];
  chunks: Chunk[];
}

async function load(dir: string): Promise<Corpus> {
  const { documents } = await loadCorpus(dir);
  return { documents, chunks: documents.flatMap((d) => chunkDocument(d)) };
}

function locate(corpus: Corpus, topic: string): RoadmapPosition[] {
  return locateTopic(corpus.documents, corpus.chunks, topic, analyzeQuery(topic).expansions);
}

function positionIn(positions: RoadmapPosition[], sourcePrefix: string): RoadmapPosition | undefined {
  return positions.find((p) => p.source.startsWith(sourcePrefix));
}

describe("stage headings", () => {
  it("recognises ordinal and stage markers", () => {
    for (const heading of [
      "第六阶段：模型微调与私有化部署",
      "二、接入开发阶段(3-4 个月)",
      "基础夯实阶段",
      "0x10 入门篇",
      "1. 如何入门",
      "Stage 2: RAG",
      "Beginner stage",
    ]) {
      expect(isStageHeading(heading), heading).toBe(true);
    }
    for (const heading of ["目录", "学习常见问题", "推荐资源", "Overview", "Books"]) expect(isStageHeading(heading), heading).toBe(false);
  });

  it("names a stage without its ordinal, suffix and period", () => {
    expect(stageName("一、原理学习阶段(2-3 个月)")).toBe("原理学习");
    expect(stageName("0x10 入门篇")).toBe("入门");
    expect(stageName("第七阶段：前沿技术探索")).toBe("前沿技术探索");
    expect(stageName("0x20 Practitioner")).toBe("Practitioner");
    // Headings written for this test, in the other shapes roadmaps number their stages.
    expect(stageName("一、数据准备阶段(1-2 个月)")).toBe("数据准备");
    expect(stageName("第四阶段：模型评估与上线")).toBe("模型评估与上线");
    expect(stageName("0x20 进阶篇")).toBe("进阶");
    expect(stageName("综合练习阶段")).toBe("综合练习");
    expect(stageName("Stage review")).toBe("Stage review");
  });
});

describe("termMatcher", () => {
  it("answers as termPattern does, reading a term's Han words before the pattern", () => {
    const terms = [
      "模型微调和私有化部署",
      "量化与蒸馏",
      "量化以及蒸馏",
      "lora",
      "Transformer 架构",
      "RAG",
      "微调",
      "大模型 RAG 系统",
      "K8s",
    ];
    const texts = [
      "第六阶段：模型微调与私有化部署",
      "量化、蒸馏",
      "量化以及蒸馏",
      "用 LoRA 微调",
      "Transformer架构解析",
      "object storage",
      "RAG系统",
      "大模型RAG 系统",
      "模型部署",
      "K8S 部署",
      "",
    ];
    for (const term of terms)
      for (const text of texts) expect(termMatcher(term)(text), `${term} in ${text}`).toBe(termPattern(term).test(text));
    expect(termMatcher("模型微调和私有化部署")("第六阶段：模型微调与私有化部署")).toBe(true);
    expect(termMatcher("量化与蒸馏")("量化、蒸馏")).toBe(true);
  });
});

describe("termPattern", () => {
  it("matches case-insensitively, across spacing, on latin word boundaries", () => {
    expect(termPattern("lora").test("用 LoRA 微调")).toBe(true);
    expect(termPattern("Transformer 架构").test("Transformer架构解析")).toBe(true);
    expect(termPattern("RAG").test("object storage")).toBe(false);
    expect(termPattern("RAG").test("RAG系统")).toBe(true);
  });

  it("takes one conjunction for another (和 / 与 / 及 / 、)", () => {
    expect(termPattern("模型微调和私有化部署").test("第六阶段：模型微调与私有化部署")).toBe(true);
    expect(termPattern("量化与蒸馏").test("量化、蒸馏")).toBe(true);
    expect(termPattern("量化与蒸馏").test("量化剪枝蒸馏")).toBe(false);
  });
});

describe("locateTopic on hand-made roadmaps", () => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await load(path.resolve("tests/fixtures/retrieval/corpus"));
  });

  it("climbs from a sub-section to its stage and names the neighbouring stages", () => {
    const position = positionIn(locate(corpus, "LoRA"), "roadmaps/path.md");
    expect(position?.at.heading).toBe("第二阶段：模型微调");
    // The stage's range covers its sub-sections.
    expect(position?.at).toMatchObject({ startLine: 18, endLine: 22 });
    expect(position?.next?.heading).toBe("第三阶段：部署上线");
    expect(position?.previous?.heading).toBe("第一阶段：基础入门");
  });

  it("remembers a located topic per document list: a fresh list each time, the positions shared and frozen", () => {
    const first = locate(corpus, "LoRA");
    first.reverse().push(first[0]!);
    const again = locate(corpus, "LoRA");
    expect(again).not.toBe(first);
    expect(positionIn(again, "roadmaps/path.md")?.at.heading).toBe("第二阶段：模型微调");
    expect(again.length).toBe(first.length - 1);
    expect(Object.isFrozen(again[0])).toBe(true);
    expect(Object.isFrozen(again[0]!.at)).toBe(true);
    expect(Object.isFrozen(again[0]!.path!.steps)).toBe(true);
    // Another document list (a filter) is located on its own.
    const others = corpus.documents.filter((d) => !d.source.startsWith("roadmaps/path.md"));
    expect(positionIn(locateTopic(others, corpus.chunks, "LoRA", analyzeQuery("LoRA").expansions), "roadmaps/path.md")).toBeUndefined();
  });

  it("prefers a stage over an unmarked section that mentions the topic (目录, 常见问题)", () => {
    const positions = locate(corpus, "基础入门");
    expect(positionIn(positions, "roadmaps/path.md")?.at.heading).toBe("第一阶段：基础入门");
    expect(positionIn(positions, "roadmaps/path.md")?.previous).toBeUndefined();
  });

  it("skips an overview stage that names its sibling stages", () => {
    const position = positionIn(locate(corpus, "RAG"), "roadmaps/guide.md");
    expect(position?.at.heading).toBe("0x20 Practitioner");
    expect(position?.next?.heading).toBe("0x30 Expert");
    expect(position?.previous?.heading).toBe("0x10 Beginner");
  });

  it("uses glossary expansions when the topic itself is not written", () => {
    // The guide never says 检索增强生成, but the glossary knows it is RAG.
    expect(positionIn(locate(corpus, "检索增强生成"), "roadmaps/guide.md")?.at.heading).toBe("0x20 Practitioner");
  });

  it("gives nothing for documents without stages, for notes, and for unknown topics", () => {
    const positions = locate(corpus, "LoRA");
    expect(positions.map((p) => p.source)).toEqual(["roadmaps/path.md"]);
    expect(locate(corpus, "sourdough")).toEqual([]);
    expect(locate(corpus, "  ")).toEqual([]);
  });
});

describe("locateTopic in a numbered list before the first heading", () => {
  it("places a topic at the item naming it, with the items before and after", () => {
    const { document } = buildDocument(
      "roadmaps/dishes.md",
      [
        "# 做菜的路子",
        "",
        "1. 清蒸：保留原味",
        "   - 适合海鲜",
        "2. 红烧",
        "   - 要收汁",
        "3. 爆炒：火要大",
        "",
        "## 参考菜谱",
        "",
        "一本书",
      ].join("\n"),
    );
    const documents = [document];
    const chunks = chunkDocument(document);
    const position = locateTopic(documents, chunks, "红烧", [])[0];
    expect([position?.previous?.heading, position?.at.heading, position?.next?.heading]).toEqual([
      "1. 清蒸：保留原味",
      "2. 红烧",
      "3. 爆炒：火要大",
    ]);
    expect(position?.path?.steps).toEqual(["1. 清蒸：保留原味", "2. 红烧", "3. 爆炒：火要大"]);
  });
});

describe("locateTopic on the real roadmaps", () => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await load(path.resolve("corpus"));
  });

  it("LoRA in 001 sits in 第六阶段 of the notes half, followed by 第七阶段", () => {
    const position = positionIn(locate(corpus, "LoRA"), "roadmaps/001_");
    expect(position?.at.heading).toBe("第六阶段：模型微调与私有化部署");
    expect(position?.at.headingPath).toEqual(["学习笔记", "第六阶段：模型微调与私有化部署"]);
    expect(position?.next?.heading).toBe("第七阶段：前沿技术探索");
    expect(position?.previous?.heading).toBe("第五阶段：高级应用开发");
  });

  it("a topic's words apart in one text come before its expansions: 大模型 API 开发 is 001's 第五阶段, not a stage naming LLMs", () => {
    // 001 writes 大模型API应用开发; an expansion of 大模型 alone (LLM, 大语言模型) names 第二阶段 first.
    const position = positionIn(locate(corpus, "大模型 API 开发"), "roadmaps/001_");
    expect(position?.at.heading).toBe("第五阶段：高级应用开发");
    expect(position?.next?.heading).toBe("第六阶段：模型微调与私有化部署");
  });

  it("LoRA in 002 sits in 二、接入开发阶段, followed by 三、场景应用阶段", () => {
    const position = positionIn(locate(corpus, "LoRA"), "roadmaps/002_");
    expect(position?.at.heading).toBe("二、接入开发阶段(3-4 个月)");
    expect(position?.next?.heading).toBe("三、场景应用阶段(持续学习)");
  });

  it("微调 first appears in 003's 基础夯实阶段, followed by 应用实践阶段", () => {
    const position = positionIn(locate(corpus, "微调"), "roadmaps/003_");
    expect(position?.at.heading).toBe("基础夯实阶段");
    expect(position?.next?.heading).toBe("应用实践阶段");
    expect(position?.previous?.heading).toBe("入门阶段");
  });

  it("微调 in 001 is the stage named after it; in 004 the 深入篇 that holds 训练微调方向", () => {
    const positions = locate(corpus, "微调");
    expect(positionIn(positions, "roadmaps/001_")?.at.headingPath).toEqual(["学习路径", "第六阶段：模型微调与私有化部署"]);
    const deep = positionIn(positions, "roadmaps/004_");
    expect(deep?.at.heading).toBe("0x30 深入篇");
    expect(deep?.next).toBeUndefined();
    expect(deep?.previous?.heading).toBe("0x20 应用篇");
  });

  it("004's 0x00 学习路径 overview is not a stage: Prompt 工程 sits in 入门篇", () => {
    const position = positionIn(locate(corpus, "提示工程"), "roadmaps/004_");
    expect(position?.at.heading).toBe("0x10 入门篇");
    expect(position?.next?.heading).toBe("0x20 应用篇");
  });

  it("a topic the 001 notes mention in 第一阶段 sits in 第一阶段, though the plan names it only in 第七阶段", () => {
    const position = positionIn(locate(corpus, "深度学习"), "roadmaps/001_");
    expect(position?.at.heading).toBe("第一阶段：基础理论入门");
    expect(position?.next?.heading).toBe("第二阶段：核心技术解析");
  });

  it("000's leading numbered list is its path: 提示词工程 is the third item, between RAG and 预训练", () => {
    const position = positionIn(locate(corpus, "提示词工程"), "roadmaps/000_");
    expect(position?.at.heading).toBe("3. 提示词工程");
    expect(position?.previous?.heading).toMatch(/^2\. RAG/u);
    expect(position?.next?.heading).toMatch(/^4\. 预训练/u);
  });
});
