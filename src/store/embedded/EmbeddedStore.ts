import { ensureIndex } from "../../index/ensureIndex.js";
import { ingestCorpus, type IngestOptions } from "../../index/ingestCorpus.js";
import { loadIndex } from "../../index/loadIndex.js";
import { watchIndexPointer } from "../../index/watchIndexPointer.js";
import type { IndexStore } from "../types.js";
import { embeddedSnapshot } from "./embeddedSnapshot.js";

/** The default store: versioned folders of HNSW + lexical files under INDEX_DIR (src/index). */
export function embeddedStore(ingestOptions: IngestOptions): IndexStore {
  return {
    kind: "file",
    ensure: async (onProgress) => {
      await ensureIndex({ ...ingestOptions, ...(onProgress ? { onProgress } : {}) });
    },
    load: async () => {
      const identity = ingestOptions.identity();
      return embeddedSnapshot(await loadIndex(ingestOptions.indexDir, ingestOptions.embeddings, identity));
    },
    ingest: (options = {}) => ingestCorpus({ ...ingestOptions, ...options }),
    // `npm run ingest` in another process swaps the CURRENT pointer.
    follow: (onChange) => watchIndexPointer(ingestOptions.indexDir, onChange),
    close: async () => {},
  };
}
