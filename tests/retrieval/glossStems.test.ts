import { stemmer } from "stemmer";
import { describe, expect, it } from "vitest";
import { FieldDictionary } from "../../src/retrieval/fieldDictionary.js";
import { glossStemsOf } from "../../src/retrieval/glossStems.js";
import type { TermStatistics } from "../../src/retrieval/termStatistics.js";

/** A dictionary over these glosses alone (no corpus words: only glossKeysOf is read). */
function dictionary(glosses: Record<string, string[]>): FieldDictionary {
  const statistics = { vocabulary: () => [] } as unknown as TermStatistics;
  return new FieldDictionary(statistics, new Map(Object.entries(glosses)));
}

describe("glossStemsOf", () => {
  it("gives each gloss key of a word as its words' stems, for each word and dictionary asked in turn", () => {
    const first = dictionary({ 基础: ["base; foundation; basis"], 微调: ["fine-tuning (of models)"] });
    const second = dictionary({ 基础: ["groundwork"] });
    const stemsOf = (d: FieldDictionary, word: string) => d.glossKeysOf(word).map((key) => key.split(/[\s-]+/).map((w) => stemmer(w)));
    for (let round = 0; round < 2; round++) {
      expect(glossStemsOf(first, "微调")).toEqual([["fine", "tune"]]);
      expect(glossStemsOf(first, "基础")).toEqual(stemsOf(first, "基础"));
      expect(glossStemsOf(first, "基础")).toHaveLength(3);
      expect(glossStemsOf(second, "基础")).toEqual([["groundwork"]]);
      expect(glossStemsOf(first, "部署")).toEqual([]);
    }
  });
});
