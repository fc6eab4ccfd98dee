import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { parseConfig } from "../../src/config.js";
import { confidenceOf } from "../../src/retrieval/confidence.js";
import type { RetrievalResult } from "../../src/retrieval/types.js";
import { createRetriever } from "../../src/tutor.js";
import { buildTestIndex } from "../support/buildTestIndex.js";

/**
 * Retrieval quality on the development questions (tests/eval/dev.jsonl), offline: local
 * embedder, default configuration. The gold passage of an answerable question must be among
 * the first 5 passages for at least 90% of them; every unanswerable question must come back weak
 * and at most 10% of the answerable ones may.
 */

interface Gold {
  document: string;
  quote: string;
}

interface DevQuestion {
  id: string;
  question: string;
  kind: "sequence" | "resource" | "fact" | "definition" | "unanswerable";
  gold: Gold[];
  must_mention: string[];
  unanswerable: boolean;
}

const CORPUS = path.resolve("corpus");
const TOP = 5;

const questions: DevQuestion[] = readFileSync(path.resolve("tests/eval/dev.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as DevQuestion);

const fileText = new Map<string, string>();
function textOf(document: string): string {
  let text = fileText.get(document);
  if (text === undefined) {
    text = readFileSync(path.join(CORPUS, document), "utf8");
    fileText.set(document, text);
  }
  return text;
}

/** 1-based line ranges of every occurrence of the quote in its file. */
function quoteLineRanges(gold: Gold): { start: number; end: number }[] {
  const text = textOf(gold.document);
  const ranges: { start: number; end: number }[] = [];
  for (let at = text.indexOf(gold.quote); at >= 0; at = text.indexOf(gold.quote, at + 1)) {
    const start = text.slice(0, at).split("\n").length;
    ranges.push({ start, end: start + gold.quote.split("\n").length - 1 });
  }
  return ranges;
}

function holdsGold(chunk: Chunk, gold: Gold): boolean {
  if (chunk.source !== gold.document) return false;
  if (chunk.text.includes(gold.quote)) return true;
  return quoteLineRanges(gold).some((r) => r.start >= chunk.startLine && r.end <= chunk.endLine);
}

describe("development question set", () => {
  it("is well formed: ids, kinds, ≥40 questions over all five documents, exact quotes", () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    expect(questions.filter((q) => q.unanswerable).length).toBeGreaterThanOrEqual(6);
    const documents = new Set(questions.flatMap((q) => q.gold.map((g) => g.document)));
    expect(documents.size).toBe(5);
    for (const q of questions) {
      expect(["sequence", "resource", "fact", "definition", "unanswerable"]).toContain(q.kind);
      expect(q.unanswerable).toBe(q.kind === "unanswerable");
      if (q.unanswerable) {
        expect(q.gold).toEqual([]);
        expect(q.must_mention).toEqual([]);
      } else {
        expect(q.gold.length, q.id).toBeGreaterThan(0);
      }
      for (const gold of q.gold) expect(textOf(gold.document).includes(gold.quote), `${q.id}: ${gold.quote}`).toBe(true);
    }
  });
});

describe("retrieval quality on the development set (offline)", () => {
  let cleanup: (() => Promise<void>) | undefined;
  const results = new Map<string, RetrievalResult>();

  beforeAll(async () => {
    const built = await buildTestIndex();
    cleanup = built.cleanup;
    // The retriever exactly as the product composes it for the default configuration.
    const retriever = createRetriever(parseConfig({}), () => built.snapshot);
    for (const q of questions) results.set(q.id, await retriever.retrieve(q.question));
  });

  afterAll(async () => {
    await cleanup?.();
  });

  it(`finds the gold passage in the top ${TOP} for ≥ 90% of answerable questions`, () => {
    const answerable = questions.filter((q) => !q.unanswerable);
    const misses: string[] = [];
    for (const q of answerable) {
      const top = results.get(q.id)!.passages.slice(0, TOP);
      if (!top.some((p) => q.gold.some((g) => holdsGold(p.chunk, g)))) {
        misses.push(`${q.id} ${q.question} → ${top.map((p) => `${p.chunk.source.slice(9, 12)}:${p.chunk.startLine}`).join(", ")}`);
      }
    }
    const hitRate = (answerable.length - misses.length) / answerable.length;
    console.log(
      `dev set: gold in top ${TOP} for ${answerable.length - misses.length}/${answerable.length} answerable questions (${(hitRate * 100).toFixed(1)}%)`,
    );
    if (misses.length > 0) console.log(`misses:\n  ${misses.join("\n  ")}`);
    expect(hitRate).toBeGreaterThanOrEqual(0.9);
  });

  it("catches every unanswerable question (confidence none or low) and refuses at most 10% of the answerable ones", () => {
    const evidence = (list: DevQuestion[]) =>
      list
        .map((q) => ({ id: q.id, evidence: results.get(q.id)!.evidence, weak: results.get(q.id)!.weak }))
        .sort((a, b) => a.evidence - b.evidence);
    const unanswerable = evidence(questions.filter((q) => q.unanswerable));
    const answerable = evidence(questions.filter((q) => !q.unanswerable));
    const show = (list: { id: string; evidence: number }[]) => list.map((e) => `${e.id}=${e.evidence.toFixed(3)}`).join(" ");
    console.log(`evidence, unanswerable: ${show(unanswerable)}`);
    console.log(`evidence, answerable (lowest 10): ${show(answerable.slice(0, 10))}`);

    // Caught: refused (none) or answered with a low-confidence notice.
    const caught = (id: string) => confidenceOf(questions.find((q) => q.id === id)!.question, results.get(id)!) !== "high";
    expect(unanswerable.filter((e) => !caught(e.id)).map((e) => e.id)).toEqual([]);
    const weakAnswerable = answerable.filter((e) => e.weak);
    expect(weakAnswerable.length / answerable.length).toBeLessThanOrEqual(0.1);
  });

  it("answers sequence questions with the neighbouring stage and roadmap positions", () => {
    const lora = results.get("q01")!;
    expect(lora.analysis).toMatchObject({ sequence: "next", topic: "LoRA", language: "zh" });
    const position = lora.roadmap.find((p) => p.source.startsWith("roadmaps/001_"));
    expect(position?.next?.heading).toBe("第七阶段：前沿技术探索");
    const next = lora.passages.find((p) => p.role === "next-section" && p.chunk.source.startsWith("roadmaps/001_"));
    expect(next?.chunk.headingPath).toEqual(["学习笔记", "第七阶段：前沿技术探索"]);
    expect(next?.roleLabel).toBe("下一阶段：第七阶段：前沿技术探索（《学习路径》中 第六阶段：模型微调与私有化部署 之后）");
  });
});
