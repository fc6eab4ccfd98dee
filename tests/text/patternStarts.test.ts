import { describe, expect, it } from "vitest";
import { everyCharacter, textsAround, TRICKY_PATTERNS } from "./characterFixtures.js";
import { DETAIL_RULES } from "../../src/retrieval/detailRules.js";
import { WHITESPACE_UNITS, inGates, matchStarts, patternGate, patternGates } from "../../src/text/patternStarts.js";

/** The texts a pattern matches whose gate bit is clear: there must be none. */
/** The patterns a gate closes on a text they match, over as many gates as they need (patternGates). */
function missed(patterns: readonly RegExp[], texts: readonly string[]): string[] {
  const out: string[] = [];
  const runs = inGates(patterns);
  patternGates(patterns).forEach((gate, g) => {
    for (const text of texts) {
      const bits = gate.mayMatch(text);
      runs[g]!.forEach((pattern, k) => {
        if ((bits & (1 << k)) === 0 && pattern.test(text)) out.push(`${String(pattern)} ${JSON.stringify(text)}`);
      });
    }
  });
  return out;
}

const units = (text: string) => new Set(Array.from(text, (c) => c.charCodeAt(0)));

describe("matchStarts", () => {
  it("reads single characters and pairs through groups, classes, counts and lookarounds", () => {
    expect(matchStarts(/多少钱|\bprice\b/)).toEqual({
      one: new Set(),
      pairs: new Map([
        ["多".charCodeAt(0), units("少")],
        // After \b, a word character counts only at a word's start: marked by 0x10000.
        ["p".charCodeAt(0) + 0x10000, units("r")],
      ]),
    });
    expect(matchStarts(/(?<![哪好])[几幾]\s*个?/u)).toEqual({
      one: units("几幾"),
      pairs: new Map([
        ["几".charCodeAt(0), new Set([...WHITESPACE_UNITS, ...units("个")])],
        ["幾".charCodeAt(0), new Set([...WHITESPACE_UNITS, ...units("个")])],
      ]),
    });
  });

  it("reads a repeated piece as starting a second time after one character", () => {
    expect(matchStarts(/[ab]+/)).toEqual({
      one: units("ab"),
      pairs: new Map([
        ["a".charCodeAt(0), units("ab")],
        ["b".charCodeAt(0), units("ab")],
      ]),
    });
  });

  it("has an ASCII letter stand for both its cases under i", () => {
    const starts = matchStarts(/ab/i);
    expect(starts !== "any" && [...starts.pairs.keys()].sort()).toEqual([0x41, 0x61]);
  });

  it("gives up where the reading cannot tell", () => {
    for (const pattern of [/a?/, /./, /[^a]b/, /\Sb/, /\p{L}b/u, /\u0061b/, new RegExp("\\1b"), /\x61b/, /ſb/iu, /b*/])
      expect(matchStarts(pattern), String(pattern)).toBe("any");
  });

  it("knows \\s as the engine does", () => {
    const engine: number[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) if (/\s/.test(String.fromCharCode(unit))) engine.push(unit);
    expect([...WHITESPACE_UNITS].sort((a, b) => a - b)).toEqual(engine);
  });
});

describe("patternGate", () => {
  it("never closes a pattern on a text it matches, whatever character sits beside its words", () => {
    const patterns = [...TRICKY_PATTERNS, /[0-9]+\s*(?:个|個)?\s*(?:小时|hours?)/i, /(?:ab)+c|d{2,3}e/, /x?y?z/];
    const texts = everyCharacter().flatMap((c) => [...textsAround(c), `1${c}hours`, `${c}y`]);
    texts.push("ababc", "dde", "ddde", "z", "yz", "3 个小时", "几个 GPU", "ſize", "KIT");
    expect(missed(patterns, texts)).toEqual([]);
  });

  it("never closes a detail rule on a text it matches", () => {
    const texts = [
      "LoRA 要学多久？",
      "How many hours does the course take?",
      "这门课多少钱",
      "what year was it published",
      "哪个版本更好",
      "学习率设多少合适",
      "Which GPU do I need?",
      "有证书吗",
      "how often is it updated",
      "作者是谁",
      "准确率能有多少",
      "在哪下载",
      "用哪个数据集",
      "《动手学深度学习》第几章讲 Transformer",
      "7B 模型要多大显存",
      "有中文字幕吗",
      "比 vLLM 快多少",
      "课程约 20 小时，2024年9月发布，$49，版本 2.1，第 3 章",
      "那篇论文最后得出的结论是什么",
      "这样做犯法吗",
      "哪个模型最先支持",
    ];
    expect(
      missed(
        DETAIL_RULES.map((rule) => rule.asked),
        texts,
      ),
    ).toEqual([]);
    expect(
      missed(
        DETAIL_RULES.map((rule) => rule.present),
        texts,
      ),
    ).toEqual([]);
  });

  it("closes the patterns whose first characters a text does not hold", () => {
    const gate = patternGate([/多少钱/, /\bhow long\b/i, /版本/]);
    expect(gate.mayMatch("学完 LoRA 之后该学什么?")).toBe(0);
    expect(gate.mayMatch("How long? 版本")).toBe(0b110);
    expect(gate.mayMatch("多少钱")).toBe(0b001);
    expect(gate.mayMatch("")).toBe(0);
  });

  it("replaces each pattern in turn, reading the text again after a replacement opened another", () => {
    const gate = patternGate([/x+/, /ab/, /zz/]);
    expect(gate.replaceInTurn("axb", [/x+/g, /ab/g, /zz/g], "")).toBe("");
    expect(gate.replaceInTurn("axxbzz", [/x+/g, /ab/g, /zz/g], "-")).toBe("a-b-");
    expect(gate.replaceInTurn("qq", [/x+/g, /ab/g, /zz/g], "")).toBe("qq");
  });

  it("opens a pattern whose match starts at a word boundary only where a word starts", () => {
    const gate = patternGate([/\bhow much\b/i, /\b(?:is|are)\s+free\b/i]);
    for (const text of ["should much", "xhow", "_how", "1how", "this free", "care  free"]) expect(gate.mayMatch(text), text).toBe(0);
    for (const text of ["how", "a how", "(How", "是how", "is free", "IS"]) expect(gate.mayMatch(text), text).not.toBe(0);
  });

  it("opens a pattern on the very pairs it starts with, not on others that hash alike", () => {
    const many = new RegExp(Array.from({ length: 500 }, (_, i) => String.fromCharCode(0x4e00 + i, 0x4e00 + i + 1)).join("|"));
    const gate = patternGate([many]);
    let opened = 0;
    for (let i = 0; i < 5000; i++) if (gate.mayMatch(String.fromCharCode(0x6000 + i, 0x7000 + i)) !== 0) opened++;
    expect(opened).toBe(0);
    expect(gate.mayMatch("\u4e05\u4e06")).toBe(1);
  });

  it("keeps a pattern it cannot read always open", () => {
    expect(patternGate([/a/, /.b/]).mayMatch("x")).toBe(0b10);
  });
});
