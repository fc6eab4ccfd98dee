import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { LocalHashedEmbeddings } from "../../src/embeddings/LocalHashedEmbeddings.js";
import { ingestCorpus } from "../../src/ingest/ingestCorpus.js";
import { loadIndex } from "../../src/index/loadIndex.js";
import type { LoadedIndex } from "../../src/index/types.js";
import { embeddedSnapshot } from "../../src/store/embedded/embeddedSnapshot.js";
import type { IndexSnapshot } from "../../src/store/types.js";

export interface BuiltTestIndex {
  /** INDEX_DIR of the built index (holds CURRENT and the version directory). */
  indexDir: string;
  index: LoadedIndex;
  /** The same index through the store seam (what the retriever reads). */
  snapshot: IndexSnapshot;
  /** Removes the temp directory (index and, when it was copied, the corpus). */
  cleanup(): Promise<void>;
}

/**
 * A real index in a temp directory, built by the real ingest with the local embedder (default
 * 1024 dims) and loaded by the real loadIndex. Without corpusDir the bundled corpus/roadmaps is
 * copied first, so a test may edit its corpus freely; a given corpusDir is only read.
 */
export async function buildTestIndex(options: { corpusDir?: string } = {}): Promise<BuiltTestIndex> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tutor-index-"));
  try {
    let corpusDir = options.corpusDir;
    if (corpusDir === undefined) {
      corpusDir = path.join(dir, "corpus");
      await cp(path.resolve("corpus/roadmaps"), path.join(corpusDir, "roadmaps"), { recursive: true });
    }
    const indexDir = path.join(dir, "index");
    const embeddings = new LocalHashedEmbeddings();
    await ingestCorpus({ corpusDir, indexDir, embeddings, identity: () => embeddings.identity(), maxFileBytes: 2_000_000, batchSize: 64 });
    const index = await loadIndex(indexDir, embeddings, embeddings.identity());
    return { indexDir, index, snapshot: embeddedSnapshot(index), cleanup: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
