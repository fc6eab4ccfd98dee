import { describe, expect, it } from "vitest";
import { GLOSSARY, learnerPhraseGlossaryEntriesTable } from "../../src/retrieval/glossary.js";
import writtenData from "../../src/retrieval/learnerPhraseGlossaryEntries.json" with { type: "json" };

describe("learnerPhraseGlossaryEntries.json", () => {
  it("holds each learners' Chinese phrase's glossary entries as the scan finds them today (else run scripts/build-learner-phrase-glossary-entries.ts)", () => {
    const table = learnerPhraseGlossaryEntriesTable();
    // Another key: the server scans every phrase again, as before the table (slower, not wrong).
    expect(writtenData.glossary).toBe(table.glossary);
    expect(Object.keys(writtenData.phrases).sort()).toEqual(Object.keys(table.phrases).sort());
    // Each phrase's entries in the order the scan finds them: a phrase's expansions follow it.
    expect(writtenData.phrases).toEqual(table.phrases);
  });

  it("names real glossary entries, and a phrase holding a glossary term holds its entry", () => {
    const phrases: Record<string, number[]> = writtenData.phrases;
    for (const entries of Object.values(phrases)) for (const index of entries) expect(GLOSSARY[index]).toBeDefined();
    // 压缩模型 is a learners' phrase over the glossary's 压缩 (glossary.ts withLearnerPhrases).
    const held = Object.entries(phrases).filter(([, entries]) => entries.length > 0);
    expect(held.length).toBeGreaterThan(100);
    for (const [phrase, entries] of held.slice(0, 50))
      expect(
        entries.some((index) =>
          [...GLOSSARY[index]!.zh, ...GLOSSARY[index]!.en].some((term) => phrase.toLowerCase().includes(term.toLowerCase())),
        ),
      ).toBe(true);
  });
});
