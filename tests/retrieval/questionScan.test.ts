import { describe, expect, it } from "vitest";
import {
  findMainlandPhrases,
  findGlossaryMatches,
  GLOSSARY,
  walkedLatinWords,
  walkedLoosePairs,
  walkedLowerLatinWords,
  walkedSplitStarts,
  walkedTermMatches,
} from "../../src/retrieval/glossary.js";
import { findEnglishLearnerPhrases, findGappedHanLearnerPhrases, hanLearnerPhrases } from "../../src/retrieval/learnerPhrases.js";
import { findLooseLearnerPhrases, loosePairs } from "../../src/retrieval/looseLearnerPhrases.js";
import { mainlandPhrases, toSimplified } from "../../src/text/script.js";
import { plainTermScan } from "../support/plainTermScan.js";

/**
 * The one walk over a question (glossary.ts: one compiled trie for the glossary's terms, the
 * learners' Chinese phrases, the loose phrases' Han pairs and the Taiwan phrases) against each
 * vocabulary's own scan: a plain scan over every term, findLooseLearnerPhrases reading the
 * question's Han runs itself, script.ts mainlandPhrases reading every window. Texts written for
 * this test: Traditional and Simplified, overlapping names, a phrase at the text's end, mixed
 * scripts, a lowercase longer than its text (İ) and characters outside the BMP.
 */
const TEXTS = [
  "我想找個軟體專案練手，最好有教學影片",
  toSimplified("我想找個軟體專案練手，最好有教學影片"),
  "部落格上的专案",
  "专案部落格",
  "看影片学LoRA微调和QLoRA、lora-based的專案",
  "RAGs storage ragged RAG",
  "大语言模型和大模型和语言模型",
  "模型太大了怎么变小一点",
  "一步步把推理过程写出来",
  "踩了很多坑的专案经理",
  "İRAG专案和部落格",
  "LoRAİ微调",
  "𠮷专案部落格𠮷",
  "X光片和x光片",
  "Transformer的自注意力机制",
  "ai",
  "专案",
  "乙太网路路由器的介面卡和使用者名称",
  "",
];

/** English questions written for this test, with the learners' English phrases in them. */
const ENGLISH = [
  "which foundation models should I try",
  "the model makes stuff up, is a foundation model enough?",
  "hosted model or open-weight models? made stuff up",
  "Making Things Up at the end: making stuff up",
  "GPT-4 and llama-2-7b c++ 3 foundation models",
  "İ made stuff up and foundation models",
  "\u212Anow the foundation models that make stuff up",
];

const termKeys = [
  ...new Set(
    [...GLOSSARY.flatMap((entry) => [...entry.en, ...entry.zh]), ...hanLearnerPhrases().map(({ phrase }) => phrase)].map((t) =>
      t.toLowerCase(),
    ),
  ),
].filter((key) => key.length > 0);

describe("the one walk over a question", () => {
  it("finds the terms with the learners' phrases as a plain scan over every one does", () => {
    let matched = 0;
    for (const text of TEXTS) {
      const walked = walkedTermMatches(text).map(({ surface, start, end }) => ({ surface, start, end }));
      expect(walked, text).toEqual(plainTermScan(text, termKeys));
      matched += walked.length;
    }
    expect(matched).toBeGreaterThan(15);
  });

  it("hands the loose matcher the pairs and Latin words its own reading of the question finds", () => {
    expect(loosePairs().size).toBeGreaterThan(100);
    let found = 0;
    for (const text of [...TEXTS, ...ENGLISH, ...[...loosePairs().keys()].slice(0, 300).map((pair) => `问${pair}吧${pair}`)]) {
      const own = findLooseLearnerPhrases(text);
      expect(findLooseLearnerPhrases(text, walkedLoosePairs(text), walkedLowerLatinWords(text)), text).toEqual(own);
      found += own.length;
    }
    expect(found).toBeGreaterThan(3);
  });

  it("hands the English phrases' matcher the Latin words its own reading finds, and none where the lowercase moved them", () => {
    let found = 0;
    for (const text of [...TEXTS, ...ENGLISH]) {
      const own = findEnglishLearnerPhrases(text);
      expect(findEnglishLearnerPhrases(text, walkedLatinWords(text)), text).toEqual(own);
      found += own.length;
    }
    expect(found).toBeGreaterThan(3);
    expect(walkedLatinWords("İ made stuff up")).toBeUndefined();
    expect(walkedLatinWords("\u212Anow the foundation models")).toBeUndefined();
  });

  it("hands the split phrases' matcher the places its own reading of every position finds", () => {
    let found = 0;
    for (const text of [...TEXTS, "踩坑", "踩了坑", "跑个分吧踩过哪些坑", "踩了不少坑"]) {
      const own = findGappedHanLearnerPhrases(text);
      expect(findGappedHanLearnerPhrases(text, walkedSplitStarts(text)), text).toEqual(own);
      found += own.length;
    }
    expect(found).toBeGreaterThan(4);
  });

  it("finds the Taiwan phrases mainlandPhrases finds, in its order", () => {
    let found = 0;
    for (const text of TEXTS) {
      const own = mainlandPhrases(text);
      expect(findMainlandPhrases(text), text).toEqual(own);
      found += own.length;
    }
    expect(found).toBeGreaterThan(8);
    // Phrases that start at one place: the longest first (乙太网路路由器, 乙太网路, 乙太网), then 网路 further on.
    expect(findMainlandPhrases("乙太网路路由器").map((p) => p.taiwan)).toEqual(["乙太网路路由器", "乙太网路", "乙太网", "网路"]);
  });

  it("keeps the glossary's own scan and the scan with the learners' phrases apart when one text is read by both", () => {
    const text = "压缩模型要多久";
    const own = findGlossaryMatches(text, { learnerPhrases: false }).map((m) => m.surface);
    const withLearners = findGlossaryMatches(text).map((m) => m.surface);
    expect(own).toEqual(
      plainTermScan(text, [...new Set(GLOSSARY.flatMap((e) => [...e.en, ...e.zh]).map((t) => t.toLowerCase()))]).map((m) => m.surface),
    );
    expect(withLearners).not.toEqual(own);
  });
});
