import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { ingestCorpus } from "../../src/ingest/ingestCorpus.js";
import type { IngestSummary } from "../../src/ingest/types.js";
import { ingestOptions } from "../../src/tutor.js";
import { createPhaseClock } from "./phaseClock.js";
import type { BenchmarkReport } from "./report.js";
import { round } from "./stats.js";
import { BUNDLED_CORPUS_DIR, createWorkspace, type BenchWorkspace } from "./workspace.js";

interface IngestRun {
  run: string;
  seconds: number;
  chunks: number;
  chunksPerSecond: number;
  embeddedChunks: number;
  cachedChunks: number;
  embeddingCalls: number;
  phasesSeconds: Record<string, number>;
}

/**
 * Ingest of the bundled corpus with the local embedder: a full build (in a fresh process it
 * includes loading the jieba dictionary), the same again into a new index (warm), a no-op
 * re-ingest (must make zero embedding calls), and a one-file change.
 */
export async function runIngestBench({ quick }: { quick: boolean }): Promise<BenchmarkReport> {
  const started = performance.now();
  const workspace = await createWorkspace("ingest", { corpusSource: BUNDLED_CORPUS_DIR });
  const warmWorkspace = await createWorkspace("ingest-warm", { corpusSource: BUNDLED_CORPUS_DIR });
  try {
    const runs: IngestRun[] = [];
    runs.push(await timedIngest("full (first in process)", workspace));
    runs.push(await timedIngest("full (warm process)", warmWorkspace));
    runs.push(await timedIngest("no-op re-ingest", workspace));
    const changed = await editLargestFile(workspace.corpusDir);
    runs.push(await timedIngest(`one file changed (${changed})`, workspace));

    const [first, warm, noop, oneFile] = runs as [IngestRun, IngestRun, IngestRun, IngestRun];
    const findings = [
      `A cold full ingest takes ${first.seconds} s, warm ${warm.seconds} s: the difference is one-time setup (dictionary load, JIT).`,
      noop.embeddingCalls === 0
        ? `No-op re-ingest made 0 embedding calls (${noop.cachedChunks} chunks from the cache).`
        : `No-op re-ingest made ${noop.embeddingCalls} embedding calls: the embedding cache is not being hit.`,
      `Changing one file re-embedded ${oneFile.embeddedChunks} of ${oneFile.chunks} chunks in ${oneFile.embeddingCalls} call(s).`,
    ];
    return {
      benchmark: "ingest",
      seconds: round((performance.now() - started) / 1000, 1),
      results: { quick, runs },
      targets: [],
      tables: [
        {
          title: "Ingest of the bundled corpus (local embedder)",
          header: ["run", "seconds", "chunks", "chunks/s", "embedded", "cached", "embed calls"],
          rows: runs.map((r) => [r.run, r.seconds, r.chunks, r.chunksPerSecond, r.embeddedChunks, r.cachedChunks, r.embeddingCalls]),
        },
      ],
      findings,
    };
  } finally {
    await Promise.all([workspace.cleanup(), warmWorkspace.cleanup()]);
  }
}

async function timedIngest(run: string, workspace: BenchWorkspace): Promise<IngestRun> {
  const { config } = workspace;
  const clock = createPhaseClock();
  const t0 = performance.now();
  const summary: IngestSummary = await ingestCorpus({
    ...ingestOptions(config),
    onProgress: clock.onProgress,
  });
  const seconds = (performance.now() - t0) / 1000;
  return {
    run,
    seconds: round(seconds),
    chunks: summary.chunks,
    chunksPerSecond: round(summary.chunks / seconds, 0),
    embeddedChunks: summary.embeddedChunks,
    cachedChunks: summary.cachedChunks,
    embeddingCalls: summary.embeddingCalls,
    phasesSeconds: clock.finish(),
  };
}

/**
 * An author's edit: one sentence added to a content line in the middle of the largest roadmap
 * (not at the end, where a promotional tail may be cut away by the cleaner).
 */
async function editLargestFile(corpusDir: string): Promise<string> {
  const dir = path.join(corpusDir, "roadmaps");
  const names = (await readdir(dir)).filter((name) => name.endsWith(".txt") || name.endsWith(".md")).sort();
  let largest = { name: "", size: -1 };
  for (const name of names) {
    const { size } = await stat(path.join(dir, name));
    if (size > largest.size) largest = { name, size };
  }
  const file = path.join(dir, largest.name);
  const lines = (await readFile(file, "utf8")).split("\n");
  const middle = Math.floor(lines.length / 2);
  const target = [...lines.keys()].find((i) => i >= middle && (lines[i] ?? "").trim().length >= 20) ?? middle;
  lines[target] = `${lines[target] ?? ""}学完这一部分后，用一个小项目把所学内容串起来，并记录评估结果。`;
  await writeFile(file, lines.join("\n"));
  return largest.name;
}
