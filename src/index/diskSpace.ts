import { statfs } from "node:fs/promises";
import { TutorError } from "../errors.js";

/**
 * A full disk during ingest is an operator's problem, not a bug: it gets one line saying which
 * folder and how much room the new version needs, instead of a stack trace. The live version is
 * untouched (the unfinished one has been removed by then).
 */
export class IndexDiskFull extends TutorError {
  readonly status = 507;
  readonly code = "disk_full";
  constructor(
    readonly folder: string,
    readonly neededBytes: number,
    readonly freeBytes: number | undefined,
    options?: { cause?: unknown },
  ) {
    const free = freeBytes === undefined ? "" : `, ${formatBytes(freeBytes)} is free`;
    super(
      `ENOSPC: not enough disk space in ${folder}: the new index version needs about ${formatBytes(neededBytes)}${free}. ` +
        "Free some space (or set INDEX_DIR to a larger disk) and run the ingest again; the previous index, if any, is still live.",
      options,
    );
  }
}

export function isDiskFullError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if ((current as NodeJS.ErrnoException).code === "ENOSPC" || /\bENOSPC\b|no space left on device/i.test(current.message)) return true;
  }
  return false;
}

/** Bytes an unprivileged process may still write on the disk holding `folder`; undefined when unknown. */
export async function freeBytes(folder: string): Promise<number | undefined> {
  try {
    const stats = await statfs(folder);
    return stats.bavail * stats.bsize;
  } catch {
    return undefined;
  }
}

/**
 * What a version with these contents takes on disk, roughly (rounded up): every vector once (the
 * HNSW index; the embedding cache only names labels in it) plus the graph's links, the chunk text
 * in chunks.json and about as much again for the BM25 postings, plus the documents.
 */
export function estimateVersionBytes(counts: {
  chunks: number;
  dimensions: number;
  chunkTextBytes: number;
  documentBytes: number;
}): number {
  const vectors = counts.chunks * counts.dimensions * 4;
  const graphLinks = counts.chunks * 16 * 2 * 4 * 2;
  const text = counts.chunkTextBytes * 2 + counts.documentBytes;
  const perChunkOverhead = counts.chunks * 600;
  return Math.ceil((vectors + graphLinks + text + perChunkOverhead) * 1.1);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}
