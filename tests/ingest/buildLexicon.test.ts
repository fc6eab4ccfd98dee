import { readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { buildLexicon } from "../../src/ingest/buildLexicon.js";
import { FieldDictionary } from "../../src/retrieval/fieldDictionary.js";
import { IndexResources } from "../../src/retrieval/indexResources.js";
import { isEnglishWord } from "../../src/text/cedict.js";
import { scanGeneralIdf } from "../../src/text/generalIdf.js";
import { SOUNDED_WORD, soundsOf } from "../../src/text/hanSounds.js";
import { TypoCorrector } from "../../src/retrieval/typoCorrection.js";
import { useBundledTestIndex } from "../support/buildTestIndex.js";

/**
 * The version carries the CC-CEDICT entries its words need (lexicon.json), so a server never
 * parses the whole dictionary at start or on its first request; what retrieval derives from it
 * must be what it derived from the whole dictionary.
 */
const built = useBundledTestIndex();

describe("lexicon.json", () => {
  it("is written with the version and loaded with the index", async () => {
    expect(await readdir(built().index.dir)).toContain("lexicon.json");
    expect(built().index.lexicon?.glosses.size).toBeGreaterThan(50);
    expect(built().index.lexicon?.englishWords.size).toBeGreaterThan(10_000);
  });

  it("gives the field dictionary the same English → Chinese candidates as the whole of CC-CEDICT", () => {
    const statistics = IndexResources.of(built().snapshot).statistics;
    const fromLexicon = new FieldDictionary(statistics, built().index.lexicon!.glosses);
    const fromCedict = new FieldDictionary(statistics);
    for (const words of [["deploy"], ["vector"], ["fine", "tuning"], ["picture"], ["retrieval"], ["model", "evaluation"]]) {
      expect(fromLexicon.englishCandidates(words)).toEqual(fromCedict.englishCandidates(words));
    }
  });

  it("knows the same English words", () => {
    const resources = IndexResources.of(built().snapshot);
    for (const word of ["covered", "deploying", "pictures", "transfomer", "langchian", "studies", "xyzzy"]) {
      expect(resources.isEnglishWord(word)).toBe(isEnglishWord(word));
    }
  });
});

describe("lexicon.json's general idf", () => {
  it("gives the off-field check, for every word of the index, what a scan of jieba's table gives", () => {
    const resources = IndexResources.of(built().snapshot);
    const stored = built().index.lexicon?.generalIdf;
    expect(stored?.idf.size).toBeGreaterThan(100);
    const scanned = scanGeneralIdf((word) => resources.statistics.frequency(word) > 0);
    for (const word of built().index.termTable.terms) expect(resources.generalIdf.idf(word)).toBe(scanned.idf(word));
    expect(resources.generalIdf.idf("这不是一个词")).toBe(scanned.idf("这不是一个词"));
  });
});

describe("lexicon.json's sounds", () => {
  it("holds soundsOf of every 2–4-character Han word of the index", () => {
    const stored = built().index.lexicon?.sounds;
    const words = built().index.termTable.terms.filter((word) => SOUNDED_WORD.test(word));
    expect(words.length).toBeGreaterThan(100);
    expect([...(stored?.keys() ?? [])].sort()).toEqual([...words].sort());
    for (const word of words) expect(stored?.get(word)).toEqual(soundsOf(word));
  });

  it("gives the typo corrector the fixes it reads without them", () => {
    const statistics = IndexResources.of(built().snapshot).statistics;
    const withTable = new TypoCorrector(statistics, built().index.lexicon?.sounds);
    const without = new TypoCorrector(statistics);
    for (const runs of [["大模型微掉"], ["向亮数据库"], ["怎么布署模型"], ["提示工成"]]) {
      expect(withTable.corrections([], runs)).toEqual(without.corrections([], runs));
    }
    expect(withTable.corrections([], ["大模型微掉"])).toContain("微调");
  });
});

describe("buildLexicon", () => {
  it("reuses the previous lexicon when the corpus has no new words, and looks up only then", () => {
    const previous = { glosses: { 微调: ["fine-tuning"] }, englishWords: ["tune"], looked: ["微调", "向量"] };
    expect(buildLexicon(["微调", "lora"], previous)).toEqual({
      glosses: { 微调: ["fine-tuning"] },
      englishWords: ["tune"],
      looked: ["微调"],
    });
    // A new word: CC-CEDICT is read (its real glosses, its full English vocabulary).
    const fresh = buildLexicon(["微调", "部署"], previous);
    expect(fresh.glosses["部署"]).toBeDefined();
    expect(fresh.englishWords.length).toBeGreaterThan(10_000);
  });
});
