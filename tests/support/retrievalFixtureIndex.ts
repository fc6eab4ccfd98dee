import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseConfig } from "../../src/config.js";
import { ingestCorpus } from "../../src/ingest/ingestCorpus.js";
import { ingestOptions } from "../../src/tutor.js";
import type { BundledIndex } from "./bundledIndex.js";

/** The hand-made roadmaps the retrieval and answering suites search (useRetrievalFixtureIndex in buildTestIndex.ts). */
export const RETRIEVAL_FIXTURE_CORPUS = path.resolve("tests/fixtures/retrieval/corpus");

declare module "vitest" {
  export interface ProvidedContext {
    /** The retrieval fixture corpus ingested once for the run: its folder as it is, the index in a temp folder. */
    retrievalFixtureIndex: BundledIndex;
  }
}

/**
 * The retrieval fixture corpus ingested once per test run by the global setup, with the default
 * offline configuration, and shared READ-ONLY, like the bundled corpus's index.
 *
 * Why: ten suites (HybridRetriever, rerank, topicOrder, ExtractiveAnswerer, …) each ingested the
 * same unchanged folder into an index of their own, ~0.3–0.5 s of CPU apiece, and only read it.
 * The ingest is the one they ran (the folder itself as CORPUS_DIR, a fresh temp INDEX_DIR), so
 * the index they read is the same.
 */
export async function buildRetrievalFixtureIndex(): Promise<{ index: BundledIndex; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tutor-retrieval-fixture-"));
  const index = { corpusDir: RETRIEVAL_FIXTURE_CORPUS, indexDir: path.join(dir, "index") };
  try {
    await ingestCorpus(ingestOptions(parseConfig({ CORPUS_DIR: index.corpusDir, INDEX_DIR: index.indexDir })));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { index, remove: () => rm(dir, { recursive: true, force: true }) };
}
