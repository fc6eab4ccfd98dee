import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument } from "../corpus/types.js";
import type { RetrievalFilters } from "./types.js";

/**
 * The set of document ids a filter allows, or undefined when nothing is filtered. `documents`
 * entries match a document id or its source path; `tags` match front-matter tags
 * (case-insensitive) and a document passes with any of them. Both given: both must hold.
 */
export function allowedDocumentIds(documents: readonly CorpusDocument[], filters: RetrievalFilters | undefined): Set<string> | undefined {
  const byDocument = filters?.documents?.filter((d) => d.trim() !== "") ?? [];
  const byTag = filters?.tags?.map((t) => t.trim().toLowerCase()).filter((t) => t !== "") ?? [];
  if (byDocument.length === 0 && byTag.length === 0) return undefined;
  const allowed = new Set<string>();
  for (const doc of documents) {
    if (byDocument.length > 0 && !byDocument.includes(doc.id) && !byDocument.includes(doc.source)) continue;
    if (byTag.length > 0 && !(doc.metadata.tags ?? []).some((tag) => byTag.includes(tag.trim().toLowerCase()))) continue;
    allowed.add(doc.id);
  }
  return allowed;
}

export function chunkAllowed(chunk: Chunk, allowed: ReadonlySet<string> | undefined): boolean {
  return allowed === undefined || allowed.has(chunk.docId);
}
