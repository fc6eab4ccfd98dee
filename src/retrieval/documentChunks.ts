import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument } from "../corpus/types.js";
import { subtreeOf } from "./stageOutline.js";

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

/** Each section's subtree chunks, per chunk array (index version) and document. */
const bySection = new WeakMap<readonly Chunk[], WeakMap<CorpusDocument, Map<number, readonly Chunk[]>>>();

/**
 * The document's chunks in a section or in any section under it, in the index's order. A sequence
 * question asks it of the stage its topic sits in and of the neighbouring one, for each roadmap
 * (a walk of the whole outline and of the document's chunks each time), and it depends on the
 * index version alone. Shared: read it, do not change it.
 */
export function sectionChunks(chunks: readonly Chunk[], doc: CorpusDocument, sectionIndex: number): readonly Chunk[] {
  let byDoc = bySection.get(chunks);
  if (!byDoc) bySection.set(chunks, (byDoc = new WeakMap<CorpusDocument, Map<number, readonly Chunk[]>>()));
  let sections = byDoc.get(doc);
  if (!sections) byDoc.set(doc, (sections = new Map<number, readonly Chunk[]>()));
  let found = sections.get(sectionIndex);
  if (!found) {
    const section = doc.outline[sectionIndex]!;
    const members = subtreeOf(doc.outline, section);
    const ofDocument = chunksOfDocument(chunks, doc.id);
    found = ofDocument.filter((c) => members.has(c.sectionIndex));
    // A list item that is a section is packed into the passage around its list (chunking keeps
    // the list whole): that passage holds its lines.
    if (found.length === 0) found = ofDocument.filter((c) => c.startLine <= section.endLine && c.endLine >= section.startLine);
    sections.set(sectionIndex, found);
  }
  return found;
}
