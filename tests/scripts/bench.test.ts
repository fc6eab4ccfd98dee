import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseBenchArgs, UsageError } from "../../scripts/bench/args.js";
import { percentile, summarize } from "../../scripts/bench/stats.js";
import { buildVocabulary, createPrng, joinWords, writeSyntheticCorpus } from "../../scripts/bench/syntheticCorpus.js";
import { allTargets, checkTarget, TARGETS } from "../../scripts/bench/targets.js";

const run = promisify(execFile);

describe("bench --quick (smoke: runs and writes valid JSON; no timing assertions)", () => {
  let out: string;
  let stdout = "";

  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), "bench-smoke-"));
    const result = await run(process.execPath, ["--import", "tsx", "scripts/bench.ts", "--quick", "--out", out], {
      cwd: process.cwd(),
      timeout: 170_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    stdout = result.stdout;
  }, 180_000);

  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it("writes one file per benchmark and a summary", async () => {
    expect((await readdir(out)).sort()).toEqual(["http.json", "ingest.json", "retrieval.json", "scale.json", "streaming.json", "summary.json"]);
    expect(stdout).toContain("Targets");
  });

  it("records the machine and every target, each with its goal and a measurement", async () => {
    const summary = JSON.parse(await readFile(path.join(out, "summary.json"), "utf8"));
    expect(summary.quick).toBe(true);
    expect(summary.machine.cores).toBeGreaterThan(0);
    expect(summary.machine.memoryGiB).toBeGreaterThan(0);
    expect(summary.machine.node).toBe(process.version);
    expect(typeof summary.machine.cpuModel).toBe("string");
    expect(summary.targets.map((t: { id: string }) => t.id)).toEqual(Object.keys(TARGETS));
    for (const target of summary.targets) {
      expect(Object.keys(target)).toEqual(expect.arrayContaining(["name", "target", "measured", "met"]));
      expect(Number.isFinite(target.measured)).toBe(true);
      // Quick runs are too small to judge.
      expect(target.met).toBeNull();
    }
    expect(Object.keys(summary.benchmarks).sort()).toEqual(["http", "ingest", "retrieval", "scale", "streaming"]);
  });

  it("measures what each benchmark promises", async () => {
    const read = async (name: string) => JSON.parse(await readFile(path.join(out, `${name}.json`), "utf8"));
    const ingest = await read("ingest");
    const [full, , noop, oneFile] = ingest.results.runs;
    expect(full.chunks).toBeGreaterThan(20);
    expect(full.embeddingCalls).toBeGreaterThan(0);
    expect(noop.embeddingCalls).toBe(0);
    expect(oneFile.embeddedChunks).toBeGreaterThan(0);
    expect(oneFile.embeddedChunks).toBeLessThan(full.chunks);

    const retrieval = await read("retrieval");
    for (const stage of ["analyze", "embedQuery", "dense", "lexical", "fusion", "search"]) {
      expect(retrieval.results.stages[stage].p50Ms).toBeGreaterThanOrEqual(0);
    }
    expect(retrieval.results.ask.samples).toBeGreaterThan(0);

    const http = await read("http");
    const endpoints = new Set(http.results.runs.map((r: { endpoint: string; connections: number }) => `${r.endpoint}@${r.connections}`));
    for (const c of [1, 8, 32]) for (const e of ["search", "ask", "bare"]) expect(endpoints.has(`${e}@${c}`)).toBe(true);
    expect(http.results.runs.every((r: { requests: number }) => r.requests > 0)).toBe(true);

    const scale = await read("scale");
    expect(scale.results.rows.length).toBe(2);
    const [small, large] = scale.results.rows;
    expect(large.chunks).toBeGreaterThan(small.chunks);
    expect(large.peakRssIngestMB).toBeGreaterThan(0);
    expect(large.indexMB).toBeGreaterThan(small.indexMB);

    const streaming = await read("streaming");
    expect(streaming.results.samples.length).toBeGreaterThan(0);
    expect(streaming.results.upstreamTtft.p50Ms).toBeGreaterThanOrEqual(streaming.results.upstream.firstTokenDelayMs - 1);
  });
});

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
  });

  it("rejects unknown arguments and bad sizes", () => {
    expect(() => parseBenchArgs(["htp"])).toThrow(UsageError);
    expect(() => parseBenchArgs(["--sizes", "10,abc"])).toThrow(UsageError);
    expect(() => parseBenchArgs(["--out"])).toThrow(UsageError);
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
    expect(checkTarget("searchVsBare", 40, { quick: false }).met).toBe(true);
    expect(checkTarget("askP50At32", 4, { quick: true }).met).toBeNull();
    expect(checkTarget("queryP50At100k", 1, { quick: false, notComparable: "at 1k" }).met).toBeNull();
    const all = allTargets([checkTarget("errorsAt32", 0, { quick: false })]);
    expect(all).toHaveLength(Object.keys(TARGETS).length);
    expect(all.find((t) => t.id === "errorsAt32")?.met).toBe(true);
    expect(all.find((t) => t.id === "streamingOverhead")).toMatchObject({ measured: null, met: null });
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
