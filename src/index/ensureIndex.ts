import { access } from "node:fs/promises";
import path from "node:path";
import { VERSION_FILES, readPointer } from "./indexLayout.js";
import { ingestCorpus, type IngestOptions } from "./ingestCorpus.js";
import type { IngestSummary } from "./types.js";

/**
 * Build the index when there is none yet (what `npm start` does on a fresh clone). An existing
 * index is left alone, even one built by another embedder: loadIndex then reports the mismatch,
 * and rebuilding stays an explicit `npm run ingest`. Returns the summary when it built one.
 */
export async function ensureIndex(options: IngestOptions): Promise<IngestSummary | undefined> {
  const live = await readPointer(options.indexDir);
  if (live !== undefined) {
    try {
      await access(path.join(options.indexDir, live, VERSION_FILES.manifest));
      return undefined;
    } catch {
      // The pointer names a version that is gone: build a new one.
    }
  }
  return ingestCorpus(options);
}
