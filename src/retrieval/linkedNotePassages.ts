import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument, LinkedFrom } from "../corpus/types.js";
import { chunksOfDocument } from "./documentChunks.js";
import type { Passage, QueryLanguage } from "./types.js";

/**
 * Passages joined through links between documents: when a retrieved roadmap section links to a
 * note (the note's linkedFrom points at that document and section), the note's best chunk; when
 * a retrieved chunk is a note, the roadmap chunk that links to it. "Best" is the earliest in
 * `preference` (the full fused ranking), else the note's first chunk.
 */
export function linkedNotePassages(params: {
  matches: readonly Passage[];
  documents: readonly CorpusDocument[];
  chunks: readonly Chunk[];
  preference: readonly string[];
  allowed: (chunk: Chunk) => boolean;
  language: QueryLanguage;
}): Passage[] {
  const { matches, documents, chunks, preference, allowed, language } = params;
  const taken = new Set(matches.map((p) => p.chunk.id));
  // Built when a link is first followed: most answers follow none.
  let rank: Map<string, number> | undefined;
  const rankOf = (id: string) => (rank ??= new Map(preference.map((p, position) => [p, position]))).get(id) ?? Number.POSITIVE_INFINITY;
  const byPreference = (a: Chunk, b: Chunk) => rankOf(a.id) - rankOf(b.id) || a.startLine - b.startLine;
  const added: Passage[] = [];
  const add = (chunk: Chunk | undefined, roleLabel: string) => {
    if (!chunk || taken.has(chunk.id) || !allowed(chunk)) return;
    taken.add(chunk.id);
    added.push({ chunk, score: 0, role: "linked-note", roleLabel });
  };

  for (const match of matches) {
    const chunk = match.chunk;
    // Roadmap section → the notes it links to.
    for (const note of documents) {
      if (note.id === chunk.docId || !note.linkedFrom.some((from) => linksFromChunk(from, chunk))) continue;
      const best = [...chunksOfDocument(chunks, note.id)].sort(byPreference)[0];
      add(best, language === "en" ? `Linked note: 《${note.title}》` : `链接的笔记：《${note.title}》`);
    }
    // Note → the roadmap chunks that link to it.
    for (const from of chunk.linkedFrom) {
      const source = chunksOfDocument(chunks, from.docId)
        .filter((c) => from.line >= c.startLine && from.line <= c.endLine)
        .sort(byPreference)[0];
      const label = `${from.title}${from.headingPath.length > 0 ? ` › ${from.headingPath.join(" › ")}` : ""}`;
      add(source, language === "en" ? `Links to this note: 《${label}》` : `引用该笔记的位置：《${label}》`);
    }
  }
  return added;
}

function linksFromChunk(from: LinkedFrom, chunk: Chunk): boolean {
  if (from.docId !== chunk.docId) return false;
  if (from.line >= chunk.startLine && from.line <= chunk.endLine) return true;
  return from.headingPath.length > 0 && from.headingPath.join("\u0000") === chunk.headingPath.join("\u0000");
}
