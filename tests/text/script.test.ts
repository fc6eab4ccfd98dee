import { readdirSync, readFileSync } from "node:fs";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import {
  convertToSimplified,
  isTraditional,
  mainlandPhrases,
  readTaiwanPhrasePairs,
  toSimplified,
  toTraditional,
} from "../../src/text/script.js";
import taiwanPhraseData from "../../src/text/taiwanPhrases.json" with { type: "json" };
import { tokenizeForSearch } from "../../src/text/tokenize.js";

describe("toSimplified", () => {
  it("converts character by character and keeps field terms", () => {
    expect(toSimplified("學習路線與微調")).toBe("学习路线与微调");
    expect(toSimplified("向量資料庫")).toBe("向量资料库");
    expect(toSimplified("LoRA 是什么")).toBe("LoRA 是什么");
  });

  it("converts each text afresh when texts alternate (recent ones are remembered) and long ones alike", () => {
    for (let round = 0; round < 2; round++) {
      expect(toSimplified("學習路線")).toBe("学习路线");
      expect(toSimplified("微調模型")).toBe("微调模型");
      expect(toSimplified("学习路线")).toBe("学习路线");
    }
    const long = "機器學習".repeat(100);
    expect(toSimplified(long)).toBe("机器学习".repeat(100));
    expect(toSimplified(long)).toBe("机器学习".repeat(100));
  });

  it("converts alike whether the text is remembered (toSimplified) or not (convertToSimplified)", () => {
    for (const text of ["學習路線與微調", "学习路线", "LoRA 微調", "only latin", ""])
      expect(convertToSimplified(text)).toBe(toSimplified(text));
    expect(convertToSimplified("機器學習")).toBe("机器学习");
  });

  // toSimplified converts a short text Han run by Han run (each run remembered). That equals
  // converting it whole only while every key and replacement of the converter's tables is Han:
  // an OpenCC update that added one with a space, a digit or "·" must fail here.
  it("uses tables of Han-only keys and replacements, so converting run by run is converting whole", () => {
    const config = (OpenCC as unknown as { Locale: { configs: Record<string, Record<string, unknown>> } }).Locale.configs.tw2s!;
    const tables = [config.normalizationChain, config.segmentation, config.conversionChain].flat(2) as (string | [string, string][])[];
    const entries = tables.flatMap((table) => (typeof table === "string" ? table.split("|").map((entry) => entry.split(" ")) : table));
    expect(entries.length).toBeGreaterThan(1000);
    expect(entries.filter((entry) => !entry.every((side) => /^\p{Script=Han}+$/u.test(side)))).toEqual([]);
    const whole = OpenCC.Converter({ from: "tw", to: "cn" }) as (text: string) => string;
    const texts = [
      "學習路線與微調，然後呢？LoRA 和 QLoRA 哪個好",
      "大衛·貝克漢 1990年 來了 大衛 貝克漢",
      "𠮷野家的麵 與 麪 ＬｏＲＡ　微調",
      "豈有此理 ⿰氵每 與 海",
      "abc學習xyz微調123資料庫",
      "只有English",
      // Converted runs first, last, alone, between unconverted ones; none converted (the text itself back).
      "學",
      "學x",
      "x學",
      "学习 學習 学习",
      "学习路线和微调",
    ];
    for (let round = 0; round < 2; round++) for (const text of texts) expect(toSimplified(text), text).toBe(whole(text));
  });

  it("makes Traditional and Simplified text give the same search tokens", () => {
    expect(tokenizeForSearch("大模型微調")).toEqual(tokenizeForSearch("大模型微调"));
  });
});

describe("toTraditional and isTraditional", () => {
  // script.ts loads OpenCC's one-direction builds (t2cn at start, cn2t on first use): they must
  // convert as its full build does, the bundled roadmaps being the text at hand.
  it("converts both ways as OpenCC's full build does", () => {
    const full = {
      simplified: OpenCC.Converter({ from: "tw", to: "cn" }) as (text: string) => string,
      traditional: OpenCC.Converter({ from: "cn", to: "tw" }) as (text: string) => string,
    };
    const roadmaps = readdirSync("corpus/roadmaps").map((file) => readFileSync(`corpus/roadmaps/${file}`, "utf8"));
    expect(roadmaps.join("").length).toBeGreaterThan(10_000);
    for (const text of roadmaps) {
      const traditional = toTraditional(text);
      expect(traditional).toBe(full.traditional(text));
      expect(traditional).not.toBe(text);
      expect(convertToSimplified(traditional)).toBe(full.simplified(traditional));
    }
  });

  it("converts the product's own Simplified words to Traditional characters", () => {
    expect(toTraditional("资料原文：下一步")).toBe("資料原文：下一步");
    expect(toTraditional("LoRA")).toBe("LoRA");
  });

  it("tells a Traditional question from a Simplified or English one", () => {
    expect(isTraditional("學完微調之後該學什麼？")).toBe(true);
    expect(isTraditional("这个課程要多久")).toBe(true);
    expect(isTraditional("学完微调之后该学什么？")).toBe(false);
    expect(isTraditional("What comes after LoRA?")).toBe(false);
  });
});

describe("mainlandPhrases", () => {
  it("reads the phrase table written ahead of time, the same as reading the installed OpenCC's (else run scripts/build-taiwan-phrases.ts)", () => {
    expect(taiwanPhraseData).toEqual(readTaiwanPhrasePairs());
    expect(taiwanPhraseData.length).toBeGreaterThan(500);
  });

  it("finds Taiwan words (read in Simplified characters) and their Mainland words", () => {
    const found = mainlandPhrases(toSimplified("我想找個軟體專案練手，最好有教學影片"));
    expect(found).toEqual(
      expect.arrayContaining([
        { taiwan: "软体", mainland: "软件" },
        { taiwan: "专案", mainland: "项目" },
        { taiwan: "影片", mainland: "视频" },
      ]),
    );
  });

  it("finds nothing in Mainland or Latin text", () => {
    expect(mainlandPhrases("我想找个软件项目练手")).toEqual([]);
    expect(mainlandPhrases("How do I fine-tune a model?")).toEqual([]);
  });
});
