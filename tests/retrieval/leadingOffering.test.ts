import { describe, expect, it } from "vitest";
import { givenOnlyByLead, leadingPassage } from "../../src/retrieval/leadingOffering.js";
import { passage } from "../fixtures/answering/passages.js";

describe("leadingOffering", () => {
  it("reads a price only of the leading offering; durations and counts anywhere beside the subject", () => {
    expect(givenOnlyByLead("price")).toBe(true);
    expect(givenOnlyByLead("duration")).toBe(false);
    expect(givenOnlyByLead("count")).toBe(false);
  });

  it("is the first passage that is not a linked note, and none when it is not beside the subject", () => {
    const note = passage("笔记：另一门课收费 99 元", { role: "linked-note", chunk: { id: "note" } });
    const lead = passage("《示例实战课》：从零搭建问答应用", { chunk: { id: "lead" } });
    const next = passage("云平台免费额度", { chunk: { id: "next" } });
    expect(leadingPassage([note, lead, next], () => true).map((p) => p.chunk.id)).toEqual(["lead"]);
    expect(leadingPassage([note, lead, next], (p) => p.chunk.id === "next")).toEqual([]);
    expect(leadingPassage([], () => true)).toEqual([]);
  });
});
