import type { Chunk } from "../../src/chunking/types.js";
import type { Passage } from "../../src/retrieval/types.js";

/** A chunk of one small roadmap document, for lexical index tests. */
export function lexicalChunk(id: string, headingPath: string[], text: string): Chunk {
  return {
    id,
    docId: "doc",
    source: "roadmaps/doc.md",
    title: "学习路线",
    kind: "roadmap",
    headingPath,
    sectionIndex: 0,
    text,
    startLine: 1,
    endLine: 1,
    links: [],
    linkedFrom: [],
  };
}

/** That chunk as a retrieved passage (score 1, a match), for tests of what is read from passages. */
export function lexicalPassage(id: string, heading: string, text: string): Passage {
  return { chunk: lexicalChunk(id, [heading], text), score: 1, role: "match" };
}

/** Four chunks in Chinese, English and a link line: what the lexical index's search and files are tested on. */
export const LEXICAL_CHUNKS: readonly Chunk[] = [
  lexicalChunk("lora", ["第二阶段：参数高效微调"], "掌握 LoRA 和 QLoRA，在单卡上微调 7B 模型。"),
  lexicalChunk("rag", ["Stage 3: RAG"], "Build retrieval-augmented generation with transformers and a vector database."),
  lexicalChunk("survey", ["必读"], "[大语言模型综述](https://github.com/RUCAIBox/LLMSurvey)"),
  lexicalChunk("python", ["第一阶段：基础"], "Python 编程基础与 PyTorch 入门。"),
];
