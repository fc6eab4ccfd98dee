import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { parseConfig } from "../../src/config.js";
import { ingestCorpus } from "../../src/ingest/ingestCorpus.js";
import type { LoadedIndex } from "../../src/index/types.js";
import { embeddedSnapshot } from "../../src/store/embedded/embeddedSnapshot.js";
import type { IndexSnapshot } from "../../src/store/types.js";
import { ingestOptions, openIndex } from "../../src/tutor.js";

export interface BuiltTestIndex {
  /** INDEX_DIR of the built index (holds CURRENT and the version directory); its corpus is `../corpus`. */
  indexDir: string;
  index: LoadedIndex;
  /** The same index through the store seam (what the retriever reads). */
  snapshot: IndexSnapshot;
  /** Removes the temp directory of an index built for this test (a no-op for the shared one). */
  cleanup(): Promise<void>;
}

/** The shared bundled index, loaded once per test worker (it is read-only, and loading is not free). */
let bundled: Promise<LoadedIndex> | undefined;

/**
 * A real index, built by the real ingest with the default offline configuration (local
 * embedder, 1024 dims) and loaded by the real loader, through the composition root's factories.
 * Without corpusDir it is the bundled corpus, ingested once per run by the global setup and
 * shared: do not write to its indexDir (copy it, as buildTestApp does). With corpusDir, a new
 * index of that folder in a temp directory (the folder is only read).
 */
export async function buildTestIndex(options: { corpusDir?: string } = {}): Promise<BuiltTestIndex> {
  if (options.corpusDir === undefined) {
    const shared = inject("bundledIndex");
    const config = parseConfig({ CORPUS_DIR: shared.corpusDir, INDEX_DIR: shared.indexDir });
    bundled ??= openIndex(config);
    const index = await bundled;
    return { indexDir: shared.indexDir, index, snapshot: snapshotOf(index), cleanup: async () => {} };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "tutor-index-"));
  try {
    const config = parseConfig({ CORPUS_DIR: options.corpusDir, INDEX_DIR: path.join(dir, "index") });
    await ingestCorpus(ingestOptions(config));
    const index = await openIndex(config);
    return { indexDir: config.INDEX_DIR, index, snapshot: snapshotOf(index), cleanup: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** One snapshot per loaded index, so per-index caches (IndexResources) are shared like the index. */
const snapshots = new WeakMap<LoadedIndex, IndexSnapshot>();
function snapshotOf(index: LoadedIndex): IndexSnapshot {
  let snapshot = snapshots.get(index);
  if (!snapshot) snapshots.set(index, (snapshot = embeddedSnapshot(index)));
  return snapshot;
}

/** A real index built once for the calling suite (beforeAll) and removed after it; read it inside a test. */
function useTestIndex(options: { corpusDir?: string }, what: string): () => BuiltTestIndex {
  let built: BuiltTestIndex | undefined;
  beforeAll(async () => {
    built = await buildTestIndex(options);
  }, 120_000);
  afterAll(async () => {
    await built?.cleanup();
  });
  return () => {
    if (!built) throw new Error(`${what} is built in beforeAll: read it inside a test`);
    return built;
  };
}

/**
 * The hand-made roadmaps of tests/fixtures/retrieval/corpus as a real index, built once for the
 * calling suite (beforeAll) and removed after it: what the retrieval suites search.
 */
export function useRetrievalFixtureIndex(): () => IndexSnapshot {
  const built = useTestIndex({ corpusDir: path.resolve("tests/fixtures/retrieval/corpus") }, "the retrieval fixture index");
  return () => built().snapshot;
}

/** The bundled corpus as a real index, built once for the calling suite and removed after it. */
export function useBundledTestIndex(): () => BuiltTestIndex {
  return useTestIndex({}, "the bundled corpus's index");
}
