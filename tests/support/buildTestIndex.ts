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

/** The indexes the global setup built for the whole run, each loaded once per test worker (they are read-only, and loading is not free). */
type SharedIndexName = "bundledIndex" | "retrievalFixtureIndex";
const loadedShared = new Map<SharedIndexName, Promise<LoadedIndex>>();

async function sharedTestIndex(name: SharedIndexName): Promise<BuiltTestIndex> {
  const shared = inject(name);
  let loading = loadedShared.get(name);
  if (!loading) loadedShared.set(name, (loading = openIndex(parseConfig({ CORPUS_DIR: shared.corpusDir, INDEX_DIR: shared.indexDir }))));
  const index = await loading;
  return { indexDir: shared.indexDir, index, snapshot: snapshotOf(index), cleanup: async () => {} };
}

/**
 * A real index, built by the real ingest with the default offline configuration (local
 * embedder, 1024 dims) and loaded by the real loader, through the composition root's factories.
 * Without corpusDir it is the bundled corpus, ingested once per run by the global setup and
 * shared: do not write to its indexDir (copy it, as buildTestApp does). With corpusDir, a new
 * index of that folder in a temp directory (the folder is only read).
 */
export async function buildTestIndex(options: { corpusDir?: string } = {}): Promise<BuiltTestIndex> {
  if (options.corpusDir === undefined) return sharedTestIndex("bundledIndex");
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

/** A real index ready for the calling suite (beforeAll), removed after it if it was its own; read it inside a test. */
function useTestIndex(build: () => Promise<BuiltTestIndex>, what: string): () => BuiltTestIndex {
  let built: BuiltTestIndex | undefined;
  beforeAll(async () => {
    built = await build();
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
 * The hand-made roadmaps of tests/fixtures/retrieval/corpus as a real index: what the retrieval
 * suites search. Ingested once per run by the global setup (retrievalFixtureIndex.ts) and shared
 * read-only, as the bundled corpus's index is.
 */
export function useRetrievalFixtureIndex(): () => IndexSnapshot {
  const built = useTestIndex(() => sharedTestIndex("retrievalFixtureIndex"), "the retrieval fixture index");
  return () => built().snapshot;
}

/** The bundled corpus as a real index (the run's shared one), ready for the calling suite. */
export function useBundledTestIndex(): () => BuiltTestIndex {
  return useTestIndex(() => sharedTestIndex("bundledIndex"), "the bundled corpus's index");
}
