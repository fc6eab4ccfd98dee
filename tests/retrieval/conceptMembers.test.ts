import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { ConceptMembers, conceptAsked, conceptMemberNamed } from "../../src/retrieval/conceptMembers.js";

const chunk = (text: string, headingPath: string[] = []): Chunk =>
  ({ id: text.slice(0, 16), docId: "doc", text, headingPath, links: [], linkedFrom: [] }) as unknown as Chunk;
const passage = (text: string) => ({ chunk: { text } });

// Invented documents: vector databases and open-source models are named, embeddings never beside a name.
const documents = [
  chunk("向量检索与向量数据库：了解向量数据库的应用，如Vectorix等。"),
  chunk("  • 开源模型\n    Zephyrine、Quokka(中文优化模型),提供了丰富的模型资源。"),
  chunk("学习嵌入（embedding）的原理：文本如何变成向量表示。"),
  chunk("多模态模型：了解多模态模型的发展现状，如视觉-语言模型。"),
];
const members = ConceptMembers.of(documents);

describe("conceptAsked", () => {
  it("reads the concept a which-one question asks a member of, with the kind it qualifies", () => {
    expect(conceptAsked("Which embedding model would suit a small RAG demo?")).toMatchObject({ kind: "model" });
    expect(conceptAsked("Which embedding model would suit a small RAG demo?")?.entry.en).toContain("embedding");
    expect(conceptAsked("课程里有没有点名哪个视觉语言模型？")?.entry.en).toContain("vision-language model");
    expect(conceptAsked("做问答系统该选什么向量数据库？")?.entry.en).toContain("vector database");
  });

  it("reads no concept when the term names no kind of thing or is not what is asked", () => {
    // A stage, a resource: no kind word, their members are no names.
    expect(conceptAsked("哪个阶段讲向量数据库？")).toBeUndefined();
    expect(conceptAsked("Which GPU do the notes mention?")).toBeUndefined();
    // 哪个 asks of something else; 算力 is what it uses up.
    expect(conceptAsked("这几种里面哪个最吃算力？")).toBeUndefined();
  });
});

describe("conceptMemberNamed", () => {
  const asked = (question: string) => ({ ...conceptAsked(question)!, members });

  it("finds no member of a kind the documents name only as a kind", () => {
    const question = "Which embedding model should my retrieval project use?";
    expect(conceptMemberNamed(asked(question), [passage("嵌入模型可以用 Zephyrine 做实验。")], question)).toBe(false);
    const vlm = "有推荐哪个视觉语言模型吗？";
    expect(conceptMemberNamed(asked(vlm), [passage(documents[3]!.text)], vlm)).toBe(false);
  });

  it("holds a model asked to the names the passages give beside its concept", () => {
    const question = "推荐用哪个开源模型做中文应用？";
    expect(conceptMemberNamed(asked(question), [passage(documents[1]!.text)], question)).toBe(true);
    expect(conceptMemberNamed(asked(question), [passage("可以用 Vectorix 存向量。")], question)).toBe(false);
  });

  it("for another kind, takes the documents' naming any member", () => {
    const question = "做问答系统该选什么向量数据库？";
    expect(conceptMemberNamed(asked(question), [passage("检索增强生成的流程。")], question)).toBe(true);
  });
});
