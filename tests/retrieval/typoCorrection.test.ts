import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { isEnglishWord } from "../../src/text/cedict.js";
import { TermStatistics } from "../../src/retrieval/termStatistics.js";
import { editDistance, isAdjacentSwap, TypoCorrector } from "../../src/retrieval/typoCorrection.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";

const chunk = (id: string, text: string) => ({ id, text, headingPath: [] }) as unknown as Chunk;
const statistics = new TermStatistics([chunk("a", "PyTorch 与 LangChain 入门"), chunk("b", "大模型微调与向量数据库")], tokenizeForSearch);
const corrector = new TypoCorrector(statistics);

describe("TypoCorrector", () => {
  it("fixes latin words by one edit, transpositions included", () => {
    expect(corrector.corrections(["pytoch", "langchian"], [])).toEqual(["pytorch", "langchain"]);
  });

  it("repairs a misspelt word of the field's vocabulary the corpus lacks, after corpus words, never calling it a corpus word", () => {
    const withField = new TypoCorrector(statistics, undefined, ["activation", "function", "zero"]);
    expect(corrector.repair("wat activaton functions", { isWord: isEnglishWord })).toBe("wat activaton functions");
    expect(withField.repair("wat activaton functions", { isWord: isEnglishWord })).toBe("wat activation functions");
    // The corpus's own word first: pytoch is PyTorch's.
    expect(new TypoCorrector(statistics, undefined, ["pytouch"]).corrections(["pytoch"], [])).toEqual(["pytorch"]);
    // A name the documents never write is not near a corpus word for being the field's (and four letters are no candidate).
    expect(withField.nearCorpusWord("zero")).toBe(false);
    expect(withField.nearCorpusWord("activaton")).toBe(false);
  });

  it("fixes Chinese homophone typos that keep the other characters", () => {
    expect(corrector.corrections([], ["大模型微掉"])).toContain("微调");
    expect(corrector.corrections([], ["向亮数据库"])).toContain("向量");
  });

  it("reads a Chinese name written in pinyin as the corpus word that sounds so, in either order", () => {
    const names = new TypoCorrector(new TermStatistics([chunk("c", "推荐 李宏毅 的课程，配合 李沐 的视频")], tokenizeForSearch));
    expect(names.romanizedNames("Is the Li Hongyi course any good?", isEnglishWord)).toEqual([{ words: ["Li", "Hongyi"], word: "李宏毅" }]);
    expect(names.romanizedNames("What did Mu Li record?", isEnglishWord).map((found) => found.word)).toEqual(["李沐"]);
    // Words of no corpus word's sound, and English words, are no names.
    expect(names.romanizedNames("Is the Zhang Wei course listed?", isEnglishWord)).toEqual([]);
    expect(names.romanizedNames("Which Course first?", isEnglishWord)).toEqual([]);
  });

  it("names the windows of a run that are homophone typos", () => {
    expect(corrector.homophoneWindows("大模型微掉")).toContain("微掉");
    expect(corrector.homophoneWindows("大模型微调")).toEqual([]);
  });

  it("tells a word one edit of any kind from a corpus word, too loosely to correct by", () => {
    const near = new TypoCorrector(new TermStatistics([chunk("a", "vLLM 与 Llama 推理")], tokenizeForSearch));
    // Four letters are corrected only by a swap; one substitution still makes them near.
    expect(near.corrections(["vlmm"], [])).toEqual([]);
    expect(near.nearCorpusWord("vlmm")).toBe(true);
    expect(near.nearCorpusWord("lama")).toBe(true);
    expect(near.nearCorpusWord("kubeadm")).toBe(false);
  });

  it("leaves correct and unknown words alone", () => {
    expect(corrector.corrections(["pytorch", "kubernetes"], ["微调"])).toEqual([]);
  });

  it("repairs a misspelt word in the question text, so the evidence score judges the meant word", () => {
    expect(corrector.repair("Is Pytoch worth learning?")).toBe("Is pytorch worth learning?");
    expect(corrector.repair("怎么做大模型微掉", { hanRuns: true })).toBe("怎么做大模型微调");
    expect(corrector.repair("怎么做大模型微掉", { hanRuns: false })).toBe("怎么做大模型微掉");
    // Only to the words hanFix allows (IndexResources.typoRepaired: a person's Chinese name).
    expect(corrector.repair("怎么做大模型微掉", { hanFix: (word) => word === "微调" })).toBe("怎么做大模型微调");
    expect(corrector.repair("怎么做大模型微掉", { hanFix: () => false })).toBe("怎么做大模型微掉");
  });

  it("reads a corpus word typed in toneless pinyin (weitiao) as that word, when only one sounds so", () => {
    expect(corrector.repair("RAG 跟 weitiao 比哪个慢", { isWord: isEnglishWord })).toBe("RAG 跟 微调 比哪个慢");
    // One syllable, an English word, or no corpus word of that sound: left as written.
    expect(corrector.repair("wei 是什么", { isWord: isEnglishWord })).toBe("wei 是什么");
    expect(corrector.repair("zhongwen 教程", { isWord: isEnglishWord })).toBe("zhongwen 教程");
  });

  it("does not repair real English words into corpus words", () => {
    // "langchan" is one edit from langchain and no English word; "stage" is one edit from the
    // corpus word "stages" but is English.
    const near = new TypoCorrector(new TermStatistics([chunk("c", "stages langchain")], tokenizeForSearch));
    expect(near.repair("learn langchan", { isWord: isEnglishWord })).toBe("learn langchain");
    expect(near.repair("which stage", { isWord: isEnglishWord })).toBe("which stage");
    expect(near.repair("which stage")).toBe("which stages");
  });

  it("searches no correction for a real English word, as repair() keeps it (start is not a typo of star)", () => {
    const stars = new TypoCorrector(new TermStatistics([chunk("d", "star langchain")], tokenizeForSearch));
    expect(stars.corrections(["start", "langchan"], [], isEnglishWord)).toEqual(["langchain"]);
    // Without the English vocabulary every unknown Latin word is a candidate typo.
    expect(stars.corrections(["start"], [])).toEqual(["star"]);
  });

  it("repairs a name whose misspelling only looks like an inflection no English word has (huging is not hug + ing)", () => {
    const hub = new TypoCorrector(new TermStatistics([chunk("e", "Hugging Face 开源社区")], tokenizeForSearch));
    expect(hub.repair("Huging Face 是干嘛的", { isWord: isEnglishWord })).toBe("hugging Face 是干嘛的");
    // Real inflections stay English words: hugging, covered, tuned, planned, opening.
    for (const word of ["hugging", "covered", "tuned", "planned", "opening"]) expect(isEnglishWord(word), word).toBe(true);
  });

  it("fixes a four-letter acronym only by a swap of neighbouring letters", () => {
    const acronyms = new TypoCorrector(new TermStatistics([chunk("d", "RLHF 与 LoRA 与 GPUs")], tokenizeForSearch));
    expect(acronyms.corrections(["rhlf", "lroa"], [])).toEqual(["rlhf", "lora"]);
    // One substitution away (rlhx) or two letters apart (rfhl) is no swap: left alone.
    expect(acronyms.corrections(["rlhx", "rfhl", "gpus"], [])).toEqual([]);
    expect(acronyms.repair("RHLF 是什么")).toBe("rlhf 是什么");
    expect(isAdjacentSwap("rhlf", "rlhf")).toBe(true);
    expect(isAdjacentSwap("rhlf", "rhlf")).toBe(false);
  });

  it("fixes a three-letter acronym only by a swap of neighbouring letters", () => {
    const acronyms = new TypoCorrector(new TermStatistics([chunk("e", "GPU 与 RAG 与 NLP")], tokenizeForSearch));
    expect(acronyms.corrections(["gup", "rga", "npl"], [])).toEqual(["gpu", "rag", "nlp"]);
    // One substitution (gpx) or the ends swapped (upg) is no swap of neighbours: left alone.
    expect(acronyms.corrections(["gpx", "upg"], [])).toEqual([]);
    expect(acronyms.repair("主要靠 GUP 吗")).toBe("主要靠 gpu 吗");
  });

  it("measures Damerau distance", () => {
    expect(editDistance("transfomer", "transformer", 2)).toBe(1);
    expect(editDistance("ab", "ba", 1)).toBe(1);
  });

  it("agrees with the full-table distance on every pair, within the limit exactly and above it as over", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: 1 + Math.floor(random() * 9) }, () => "abcde"[Math.floor(random() * 5)]).join("");
    for (let n = 0; n < 2000; n++) {
      const [a, b, limit] = [word(), word(), 1 + Math.floor(random() * 2)];
      const exact = fullDistance(a, b);
      if (exact <= limit) expect(editDistance(a, b, limit), `${a} ${b}`).toBe(exact);
      else expect(editDistance(a, b, limit), `${a} ${b}`).toBeGreaterThan(limit);
    }
  });

  it("breaks ties by frequency, then by the vocabulary's order, whatever the candidates' lengths", () => {
    // "moded" is one edit from "mode" (shorter) and from "modes" (same length).
    const fixOf = (texts: string[]) =>
      new TypoCorrector(
        new TermStatistics(
          texts.map((t, i) => chunk(`c${i}`, t)),
          tokenizeForSearch,
        ),
      );
    expect(fixOf(["mode modes", "modes"]).corrections(["moded"], [])).toEqual(["modes"]);
    expect(fixOf(["mode modes", "mode"]).corrections(["moded"], [])).toEqual(["mode"]);
    const equal = new TermStatistics([chunk("a", "modes mode")], tokenizeForSearch);
    const first = [...equal.vocabulary()].find((w) => w === "mode" || w === "modes");
    expect(new TypoCorrector(equal).corrections(["moded"], [])).toEqual([first]);
  });

  it("gives the same fix when asked again (remembered per index version)", () => {
    expect(corrector.corrections(["langchian"], [])).toEqual(["langchain"]);
    expect(corrector.corrections(["langchian"], [])).toEqual(["langchain"]);
  });
});

/** Optimal string alignment distance over the whole table: the reference for editDistance. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
