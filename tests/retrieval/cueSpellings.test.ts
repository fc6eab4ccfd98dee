import { describe, expect, it } from "vitest";
import { withCueSpellings } from "../../src/retrieval/cueSpellings.js";
import { sequenceIntent } from "../../src/retrieval/analyzeQuery.js";
import { isEnglishWord } from "../../src/text/cedict.js";

describe("withCueSpellings", () => {
  it("writes a misspelt before/after word as the cue, so the question's direction is read", () => {
    const question = withCueSpellings("what comes befor the fine-tuning stage?", isEnglishWord);
    expect(question).toBe("what comes before the fine-tuning stage?");
    expect(sequenceIntent(question)).toBe("previous");
    expect(withCueSpellings("which stage is previus to RAG", isEnglishWord)).toBe("which stage is previous to RAG");
    expect(withCueSpellings("is there a prerequisit for it?", isEnglishWord)).toBe("is there a prerequisite for it?");
  });

  it("leaves real English words near a cue, the cues themselves and words near a short cue alone", () => {
    for (const text of ["what should I alter first?", "before and after", "the next one", "Is LoRA fater?"])
      expect(withCueSpellings(text, isEnglishWord)).toBe(text);
  });
});
