import type { Chunk } from "../chunking/types.js";

/**
 * Each document's chunks, in the index's order, grouped once per chunk array: an index version's
 * array never changes (roadmapNavigator.ts keys its layouts the same way). The roadmap side of an
 * ask looked for one document's chunks by reading every chunk of the index, two to eight times
 * for a sequence question: 100k chunks each time at scale.
 */
const byDocument = new WeakMap<readonly Chunk[], ReadonlyMap<string, readonly Chunk[]>>();

export function chunksOfDocument(chunks: readonly Chunk[], docId: string): readonly Chunk[] {
  let groups = byDocument.get(chunks);
  if (!groups) {
    const grouped = new Map<string, Chunk[]>();
    for (const chunk of chunks) {
      const list = grouped.get(chunk.docId);
      if (list) list.push(chunk);
      else grouped.set(chunk.docId, [chunk]);
    }
    byDocument.set(chunks, (groups = grouped));
  }
  return groups.get(docId) ?? [];
}
