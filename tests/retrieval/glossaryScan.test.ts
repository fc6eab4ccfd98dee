import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BENCH_QUESTIONS, distinctQuestion } from "../../scripts/bench/queries.js";
import { findGlossaryMatches, GLOSSARY } from "../../src/retrieval/glossary.js";
import { plainTermScan } from "../support/plainTermScan.js";

/**
 * The scan (glossary.ts: the question's one walk over unitTrie.ts) against the plain definition:
 * at each position the longest glossary term (lowercased, compared by UTF-16 unit) that starts there on latin word
 * boundaries, left to right, non-overlapping.
 */
const keys = [...new Set(GLOSSARY.flatMap((entry) => [...entry.en, ...entry.zh]).map((term) => term.toLowerCase()))].filter(
  (key) => key.length > 0,
);

const corpusLines = readdirSync("corpus/roadmaps")
  .filter((name) => name.endsWith(".md"))
  .flatMap((name) => readFileSync(path.join("corpus/roadmaps", name), "utf8").split("\n"))
  .filter((line) => line.trim().length > 0)
  .slice(0, 400);

describe("the glossary scan", () => {
  it("finds the longest term on word boundaries at each position, as a plain scan over every term does", () => {
    const texts = [
      ...BENCH_QUESTIONS,
      ...Array.from({ length: 200 }, (_, i) => distinctQuestion(i * 7)),
      ...corpusLines,
      // Boundaries: a term inside a latin word is not one; at the text's ends it is.
      "RAGs storage ragged RAG",
      "LoRA微调和QLoRA、lora-based",
      "AI",
      "",
    ];
    let matched = 0;
    let differing = 0;
    for (const text of texts) {
      // The scan with the learners' phrases first: the two kinds are remembered apart, never mixed up.
      const withLearners = findGlossaryMatches(text).map(({ surface, start, end }) => ({ surface, start, end }));
      const scanned = findGlossaryMatches(text, { learnerPhrases: false }).map(({ surface, start, end }) => ({ surface, start, end }));
      expect(scanned, text).toEqual(plainTermScan(text, keys));
      matched += scanned.length;
      if (JSON.stringify(withLearners) !== JSON.stringify(scanned)) differing++;
    }
    expect(matched).toBeGreaterThan(300);
    expect(differing).toBeGreaterThan(10);
  });
});
