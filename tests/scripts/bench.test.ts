import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBenchArgs, UsageError } from "../../scripts/bench/args.js";
import { percentile, summarize } from "../../scripts/bench/stats.js";
import { buildVocabulary, createPrng, joinWords, writeSyntheticCorpus } from "../../scripts/bench/syntheticCorpus.js";
import { allTargets, checkTarget, TARGETS } from "../../scripts/bench/targets.js";
import { parseConfig } from "../../src/config.js";
import { DISTINCT_QUESTION_COUNT, distinctQuestion } from "../../scripts/bench/queries.js";
import { loadRealQuestions, realQuestionFiles } from "../../scripts/bench/realQuestions.js";

describe("bench arguments", () => {
  it("defaults to every benchmark, full run, bench/results", () => {
    expect(parseBenchArgs([])).toEqual({ benchmarks: [], quick: false, outDir: "bench/results", help: false });
  });

  it("takes sub-commands, --quick, --out and --sizes", () => {
    expect(parseBenchArgs(["http", "scale", "--quick", "--out", "x", "--sizes=10,20"])).toEqual({
      benchmarks: ["http", "scale"],
      quick: true,
      outDir: "x",
      sizes: [10, 20],
      help: false,
    });
    expect(parseBenchArgs(["--quick"]).outDir).toBe("bench/results/quick");
    expect(parseBenchArgs(["http", "--replicas", "2"])).toMatchObject({ benchmarks: ["http"], replicas: 2 });
    expect(parseBenchArgs(["http", "--replicas=3"]).replicas).toBe(3);
    expect(parseBenchArgs(["http", "--workers", "2"])).toMatchObject({ benchmarks: ["http"], workers: 2 });
    expect(parseBenchArgs(["http", "--workers=4"]).workers).toBe(4);
  });

  it("rejects unknown arguments and bad sizes", () => {
    expect(() => parseBenchArgs(["htp"])).toThrow(UsageError);
    expect(() => parseBenchArgs(["--sizes", "10,abc"])).toThrow(UsageError);
    expect(() => parseBenchArgs(["--out"])).toThrow(UsageError);
    expect(() => parseBenchArgs(["http", "--replicas", "1"])).toThrow(/--replicas needs a whole number/);
    expect(() => parseBenchArgs(["http", "--replicas"])).toThrow(UsageError);
    expect(() => parseBenchArgs(["http", "--workers", "1"])).toThrow(/--workers needs a whole number/);
    expect(() => parseBenchArgs(["http", "--workers", "two"])).toThrow(UsageError);
  });

  it("takes --store file or postgres for scale, and names the choices for anything else", () => {
    expect(parseBenchArgs(["scale", "--store", "postgres"]).store).toBe("postgres");
    expect(parseBenchArgs(["scale", "--store=file"]).store).toBe("file");
    expect(parseBenchArgs(["scale"]).store).toBeUndefined();
    expect(() => parseBenchArgs(["scale", "--store", "mysql"])).toThrow(/--store needs one of file, postgres \(got "mysql"\)/);
    expect(() => parseBenchArgs(["scale", "--store"])).toThrow(/--store needs one of file, postgres \(got nothing\)/);
  });

  it("takes --postgres-server pglite or real, and names the choices for anything else", () => {
    expect(parseBenchArgs(["scale", "--store", "postgres", "--postgres-server", "real"]).postgresServer).toBe("real");
    expect(parseBenchArgs(["scale", "--postgres-server=pglite"]).postgresServer).toBe("pglite");
    expect(parseBenchArgs(["scale", "--store", "postgres"]).postgresServer).toBeUndefined();
    expect(() => parseBenchArgs(["scale", "--postgres-server", "docker"])).toThrow(
      /--postgres-server needs one of pglite, real \(got "docker"\)/,
    );
  });
});

describe("bench statistics and targets", () => {
  it("uses nearest-rank percentiles", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(summarize([3, 1, 2])).toMatchObject({ samples: 3, p50Ms: 2, maxMs: 3, meanMs: 2 });
  });

  it("judges a target only when the run is comparable", () => {
    expect(checkTarget("askP50At32", 4, { quick: false }).met).toBe(true);
    expect(checkTarget("askP50At32", 12, { quick: false }).met).toBe(false);
    expect(checkTarget("searchDistinctVsBare", 15, { quick: false }).met).toBe(true);
    expect(checkTarget("searchDistinctVsBare", 14.9, { quick: false }).met).toBe(false);
    expect(checkTarget("recallAt100k", 0.95, { quick: false })).toMatchObject({ met: true, target: ">= 0.95" });
    expect(checkTarget("askP50At32", 4, { quick: true }).met).toBeNull();
    expect(checkTarget("queryP50At100k", 1, { quick: false, notComparable: "at 1k" }).met).toBeNull();
    const all = allTargets([checkTarget("errorsAt32", 0, { quick: false })]);
    expect(all).toHaveLength(Object.keys(TARGETS).length);
    expect(all.find((t) => t.id === "errorsAt32")?.met).toBe(true);
    expect(all.find((t) => t.id === "streamingOverhead")).toMatchObject({ measured: null, met: null });
  });
});

describe("distinct benchmark questions", () => {
  it("never repeat within the pool, which outnumbers the default answer cache", () => {
    const pool = Array.from({ length: DISTINCT_QUESTION_COUNT }, (_, n) => distinctQuestion(n));
    expect(new Set(pool).size).toBe(DISTINCT_QUESTION_COUNT);
    expect(DISTINCT_QUESTION_COUNT).toBeGreaterThan(parseConfig({}).ANSWER_CACHE_SIZE);
    expect(distinctQuestion(DISTINCT_QUESTION_COUNT)).toBe(pool[0]);
  });
});

describe("real benchmark questions", () => {
  const line = (id: string, question: string, history: string[] = []) => JSON.stringify({ id, question, history, must_mention: ["x"] });

  it("come from the dev set and the tuning sets the split list names, each question with its history once", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "real-questions-"));
    try {
      const blind = path.join(dir, "tests", "eval", "blind");
      await mkdir(blind, { recursive: true });
      await writeFile(
        path.join(dir, "tests", "eval", "dev.jsonl"),
        `${line("d1", "what is RAG?")}\n${line("d2", "and LoRA?", ["what is RAG?"])}\n`,
      );
      await writeFile(path.join(blind, "tune-c.jsonl"), `${line("c1", "what is RAG?")}\n${line("c2", "and LoRA?")}\n`);
      await writeFile(path.join(blind, "tune.jsonl"), `${line("t1", "微调怎么学?")}\n`);
      // Named by no split: a tuning file by its name alone is not read, nor is a test file.
      await writeFile(path.join(blind, "tune-unlisted.jsonl"), `${line("u1", "not listed")}\n`);
      await writeFile(path.join(blind, "test-c.jsonl"), `${line("x1", "held out")}\n`);
      await writeFile(path.join(blind, "test.jsonl"), `${line("x2", "held out too")}\n`);
      expect((await realQuestionFiles(dir)).map((file) => path.relative(dir, file))).toEqual([
        path.join("tests", "eval", "dev.jsonl"),
        path.join("tests", "eval", "blind", "tune.jsonl"),
        path.join("tests", "eval", "blind", "tune-c.jsonl"),
      ]);
      expect(await loadRealQuestions(dir)).toEqual([
        { question: "what is RAG?", history: [] },
        { question: "and LoRA?", history: ["what is RAG?"] },
        { question: "微调怎么学?", history: [] },
        { question: "and LoRA?", history: [] },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("outnumber the default answer cache in the repository's sets", async () => {
    const real = await loadRealQuestions();
    expect(new Set(real.map(({ question }) => question)).size).toBeGreaterThan(parseConfig({}).ANSWER_CACHE_SIZE);
  });
});

describe("synthetic corpus", () => {
  it("is the same for the same seed and different for another", () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const c = createPrng(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("joins Chinese words without spaces and latin words with them", () => {
    expect(joinWords(["学习", "LoRA", "微调", "and", "RAG", "项目"])).toBe("学习 LoRA 微调 and RAG 项目");
    expect(joinWords(["大", "模型"])).toBe("大模型");
  });

  it("writes the requested number of sections from the bundled vocabulary, deterministically", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "bench-synthetic-"));
    try {
      const vocabulary = await buildVocabulary("corpus");
      expect(vocabulary.words).toContain("微调");
      expect(vocabulary.words.length).toBeGreaterThan(300);
      const files = await writeSyntheticCorpus(path.join(dir, "a"), vocabulary, { sections: 30, sectionsPerFile: 20 });
      await writeSyntheticCorpus(path.join(dir, "b"), vocabulary, { sections: 30, sectionsPerFile: 20 });
      expect(files).toBe(2);
      const a = await readFile(path.join(dir, "a", "synthetic", "00001.md"), "utf8");
      expect(await readFile(path.join(dir, "b", "synthetic", "00001.md"), "utf8")).toBe(a);
      const second = await readFile(path.join(dir, "a", "synthetic", "00002.md"), "utf8");
      expect((a.match(/^## /gm) ?? []).length + (second.match(/^## /gm) ?? []).length).toBe(30);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
