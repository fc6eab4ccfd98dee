import { readFile } from "node:fs/promises";
import path from "node:path";
import { VERSION_FILES, readPointer } from "../index/indexLayout.js";
import { INDEX_FORMAT_VERSION } from "../index/types.js";
import type { IngestOptions, IngestSummary } from "./types.js";

/**
 * Build the index when there is none yet (what `npm start` does on a fresh clone), or when the
 * live one is of an older on-disk format (an upgrade: the index is derived data, and the old
 * version keeps serving until the new one is swapped in). An index built by another embedder is
 * left alone: loadIndex then reports the mismatch, and rebuilding stays an explicit
 * `npm run ingest`. Returns the summary when it built one.
 */
export async function ensureIndex(options: IngestOptions): Promise<IngestSummary | undefined> {
  const live = await readPointer(options.indexDir);
  if (live !== undefined) {
    let text: string | undefined;
    try {
      text = await readFile(path.join(options.indexDir, live, VERSION_FILES.manifest), "utf8");
    } catch {
      // The pointer names a version that is gone: build a new one.
    }
    if (text !== undefined && !isOlderFormat(text)) return undefined;
  }
  // Imported only to build: a server starting on an index it can use never loads the ingest pipeline.
  const { ingestCorpus } = await import("./ingestCorpus.js");
  return ingestCorpus(options);
}

/** A readable manifest of an older format. A damaged one is not rebuilt here: loadIndex falls back to the previous intact version and says why. */
function isOlderFormat(manifestText: string): boolean {
  try {
    const version = (JSON.parse(manifestText) as { formatVersion?: unknown } | null)?.formatVersion;
    return typeof version === "number" && version < INDEX_FORMAT_VERSION;
  } catch {
    return false;
  }
}
