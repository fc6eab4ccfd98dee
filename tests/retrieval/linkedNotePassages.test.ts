import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import type { CorpusDocument, LinkedFrom } from "../../src/corpus/types.js";
import { linkedNotePassages } from "../../src/retrieval/linkedNotePassages.js";
import type { Passage } from "../../src/retrieval/types.js";

const chunk = (id: string, docId: string, startLine: number, linkedFrom: LinkedFrom[] = []) =>
  ({ id, docId, startLine, endLine: startLine + 4, headingPath: ["学习路径"], linkedFrom }) as unknown as Chunk;
const document = (id: string, linkedFrom: LinkedFrom[] = []) => ({ id, title: id, linkedFrom }) as unknown as CorpusDocument;
const match = (c: Chunk): Passage => ({ chunk: c, score: 1, role: "match" });

describe("linkedNotePassages", () => {
  const from: LinkedFrom = { docId: "roadmap", source: "roadmap.md", title: "路线", headingPath: ["学习路径"], line: 12 };
  const roadmapChunk = chunk("r1", "roadmap", 10);
  const notes = [chunk("n1", "note", 1, [from]), chunk("n2", "note", 6, [from]), chunk("n3", "note", 11, [from])];
  const documents = [document("roadmap"), document("note", [from])];
  const chunks = [roadmapChunk, ...notes];
  const linked = (matches: Passage[], preference: string[]) =>
    linkedNotePassages({ matches, documents, chunks, preference, allowed: () => true, language: "zh" }).map((p) => p.chunk.id);

  it("adds the linked note's chunk the fused ranking put first, else its first one", () => {
    expect(linked([match(roadmapChunk)], ["n3", "r1", "n2"])).toEqual(["n3"]);
    expect(linked([match(roadmapChunk)], [])).toEqual(["n1"]);
    // From the note, the roadmap chunk holding the link's line.
    expect(linked([match(notes[1]!)], [])).toEqual(["r1"]);
  });

  it("adds nothing when no passage links or is linked", () => {
    expect(linked([], ["n3"])).toEqual([]);
  });
});
