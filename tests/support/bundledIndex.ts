import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseConfig } from "../../src/config.js";
import { ingestCorpus } from "../../src/ingest/ingestCorpus.js";
import { ingestOptions } from "../../src/tutor.js";

/**
 * The bundled corpus (corpus/roadmaps) ingested once per test run with the default offline
 * configuration, laid out as `<dir>/corpus/roadmaps` and `<dir>/index`. Built by the vitest
 * global setup (tests/support/globalSetup.ts) and shared READ-ONLY: a test that writes to an
 * index or its corpus copies this one first (buildTestApp does), so most suites pay a copy
 * instead of an ingest.
 */
export interface BundledIndex {
  corpusDir: string;
  indexDir: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    bundledIndex: BundledIndex;
  }
}

export async function buildBundledIndex(): Promise<{ bundled: BundledIndex; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tutor-bundled-"));
  const corpusDir = path.join(dir, "corpus");
  const indexDir = path.join(dir, "index");
  try {
    await cp(path.resolve("corpus/roadmaps"), path.join(corpusDir, "roadmaps"), { recursive: true });
    await ingestCorpus(ingestOptions(parseConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir })));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { bundled: { corpusDir, indexDir }, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Copy the shared corpus and index into `dir` (as `dir/corpus`, `dir/index`): a private, writable copy. */
export async function copyBundledIndex(bundled: BundledIndex, dir: string): Promise<BundledIndex> {
  const copy = { corpusDir: path.join(dir, "corpus"), indexDir: path.join(dir, "index") };
  await Promise.all([cp(bundled.corpusDir, copy.corpusDir, { recursive: true }), cp(bundled.indexDir, copy.indexDir, { recursive: true })]);
  return copy;
}
