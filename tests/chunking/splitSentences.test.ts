import { describe, expect, it } from "vitest";
import { sentenceSpans, splitSentences } from "../../src/chunking/splitSentences.js";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { countUnits, countUnitsByPatterns } from "../../src/chunking/textUnits.js";

describe("splitSentences", () => {
  it("splits on Chinese terminators, keeping closing quotes and brackets", () => {
    expect(splitSentences("先学数学。再学编程！为什么？因为“基础很重要。”最后；总结")).toEqual([
      "先学数学。",
      "再学编程！",
      "为什么？",
      "因为“基础很重要。”",
      "最后；",
      "总结",
    ]);
  });

  it("splits English on . ! ? before whitespace, but not e.g./i.e./decimals/URLs/initials/list numbers", () => {
    expect(splitSentences("Use LoRA, e.g. rank 8. It costs 0.5 GPU hours! See https://x.io/a.b?c=1. J. Smith agrees.")).toEqual([
      "Use LoRA, e.g. rank 8.",
      "It costs 0.5 GPU hours!",
      "See https://x.io/a.b?c=1.",
      "J. Smith agrees.",
    ]);
    expect(splitSentences("1. 微调：Lora->垂类")).toEqual(["1. 微调：Lora->垂类"]);
  });

  it("splits on half-width punctuation glued to Chinese and on line breaks", () => {
    expect(splitSentences("看完这篇你就懂了!接下来学习?好的\n第二行")).toEqual(["看完这篇你就懂了!", "接下来学习?", "好的", "第二行"]);
  });

  it("returns offsets into the line, trimmed", () => {
    const line = "  第一句。 Second one.  ";
    expect(sentenceSpans(line).map((s) => line.slice(s.start, s.end))).toEqual(["第一句。", "Second one."]);
  });
});

describe("countUnits", () => {
  it("counts CJK characters and latin words, a URL as one", () => {
    expect(countUnits("大模型")).toBe(3);
    expect(countUnits("Large language models")).toBe(3);
    expect(countUnits("学习 LoRA 微调")).toBe(5);
    expect(countUnits("GPT-3.5 and v1.2")).toBe(3);
    expect(countUnits("see https://github.com/RUCAIBox/LLMSurvey now")).toBe(3);
    expect(countUnits("──── │ ▶")).toBe(0);
  });

  it("reads a text character by character to the same count as its three patterns", () => {
    const dir = path.resolve("corpus/roadmaps");
    const lines = readdirSync(dir).flatMap((file) => readFileSync(path.join(dir, file), "utf8").split("\n"));
    const edges = [
      "a’b c'd e.f g-h x- y -x x--y 1.2.3 word. x’ a-b-c-",
      "ｆｕｌｌ ＷＩＤＴＨ カタカナ ひらがな 한국어 abc",
      "ß ǅ Ⅻ ٣ e\u0301t\u00e9 中-文 a中b 学习.LoRA",
      "𠮷野家 and WWW.example.com, HTTP://x.y",
    ];
    expect(lines.length).toBeGreaterThan(1000);
    const differing = [...lines, ...edges].filter((line) => countUnits(line) !== countUnitsByPatterns(line));
    expect(differing).toEqual([]);
    expect(countUnits(edges[0]!)).toBe(13);
  });
});
