import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { EmbedderIdentity } from "../../embeddings/types.js";
import { readPointer } from "../../index/indexLayout.js";
import { loadIndex } from "../../index/loadIndex.js";
import { watchIndexPointer } from "../../lifecycle/watchIndexPointer.js";
import type { IndexStore } from "../types.js";
import { embeddedSnapshot } from "./embeddedSnapshot.js";

/** The default store: versioned folders of HNSW + lexical files under INDEX_DIR (src/index). */
export function embeddedStore(
  indexDir: string,
  embedder: { embeddings: EmbeddingsInterface; identity: () => EmbedderIdentity },
): IndexStore {
  return {
    kind: "file",
    // Ingest's default writer is the file writer (src/index/FileVersionWriter.ts).
    writer: () => undefined,
    hasLiveVersion: async () => (await readPointer(indexDir)) !== undefined,
    load: async () => embeddedSnapshot(await loadIndex(indexDir, embedder.embeddings, embedder.identity())),
    // `npm run ingest` in another process swaps the CURRENT pointer.
    follow: (onChange) => watchIndexPointer(indexDir, () => onChange()),
    close: async () => {},
  };
}
