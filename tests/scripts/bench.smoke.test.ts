import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIRST_QUESTIONS } from "../../scripts/bench/firstQuestions.js";
import { TARGETS } from "../../scripts/bench/targets.js";

// The benchmark smoke run: slow (about two minutes), so it is not part of `npm test`; it runs
// in `npm run test:smoke` (vitest.smoke.config.ts), which .ci/run calls after its own bench run.

const run = promisify(execFile);

describe("bench --quick (smoke: runs and writes valid JSON; no timing assertions)", () => {
  let out: string;
  let stdout = "";

  let ownOut = false;

  beforeAll(async () => {
    // .ci/run has just run `npm run bench -- --quick` for its artifacts: check that run rather
    // than running the benchmarks a second time.
    const ciOut = process.env["BENCH_SMOKE_OUT"];
    const ciLog = process.env["BENCH_SMOKE_LOG"];
    if (ciOut && ciLog) {
      out = ciOut;
      stdout = await readFile(ciLog, "utf8");
      return;
    }
    ownOut = true;
    out = await mkdtemp(path.join(os.tmpdir(), "bench-smoke-"));
    const result = await run(process.execPath, ["--import", "tsx", "scripts/bench.ts", "--quick", "--out", out], {
      cwd: process.cwd(),
      timeout: 170_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    stdout = result.stdout;
  }, 180_000);

  afterAll(async () => {
    if (ownOut) await rm(out, { recursive: true, force: true });
  });

  it("writes one file per benchmark and a summary", async () => {
    expect((await readdir(out)).sort()).toEqual([
      "http.json",
      "ingest.json",
      "retrieval.json",
      "scale.json",
      "startup.json",
      "streaming.json",
      "summary.json",
    ]);
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
    expect(Object.keys(summary.benchmarks).sort()).toEqual(["http", "ingest", "retrieval", "scale", "startup", "streaming"]);
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
    const real = http.results.runs.filter((r: { workload: string }) => r.workload === "real");
    expect(real.map((r: { endpoint: string; connections: number }) => `${r.endpoint}@${r.connections}`).sort()).toEqual([
      "ask@1",
      "ask@32",
      "ask@8",
      "search@1",
      "search@32",
      "search@8",
    ]);
    expect(http.results.runs.every((r: { requests: number }) => r.requests > 0)).toBe(true);

    const startup = await read("startup");
    expect(startup.results.startToReadyMs.runsMs.length).toBe(1);
    expect(startup.results.startToReadyMs.medianMs).toBeGreaterThan(0);
    // The first question of each kind and a second of it, asked of the one server started.
    const firsts = startup.results.firstQuestions as Record<string, { firstMs: number[]; secondMs: number[] }>;
    expect(Object.keys(firsts)).toEqual(FIRST_QUESTIONS.map(({ kind }) => kind));
    for (const { firstMs, secondMs } of Object.values(firsts)) {
      expect(firstMs).toHaveLength(1);
      expect(secondMs).toHaveLength(1);
      expect(firstMs[0]).toBeGreaterThan(0);
    }

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
