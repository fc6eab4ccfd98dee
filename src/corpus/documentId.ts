import { createHash } from "node:crypto";

/**
 * Stable, URL-safe id for a document: depends only on its corpus-relative source path, so an
 * edit to the file keeps its id (citations and links survive re-ingestion).
 */
export function documentIdFor(source: string): string {
  return createHash("sha256").update(source, "utf8").digest("hex").slice(0, 16);
}
