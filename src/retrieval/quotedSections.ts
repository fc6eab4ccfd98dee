import type { Chunk } from "../chunking/types.js";
import { foldForMatching } from "./listItems.js";
import type { Passage, QueryAnalysis } from "./types.js";

/**
 * "那篇博客最后的『一些项目』里，第一个推荐的是什么？": a section the learner quotes by its heading
 * ("一些项目", in 『』, 「」, “” or quotes) is where the answer is, however few of the question's
 * other words its passages share. Its first chunks lead the answer, in the roadmap the question
 * names when it names one. A quoted phrase that is no heading (a 《book》, a quoted claim) adds
 * nothing; 《》 is left out, since it quotes titles of books and courses, not of sections.
 */

const QUOTED = /[『「“"]\s*([^』」”"]{2,40}?)\s*[』」”"]/gu;
/** QUOTED's opening marks: one is in every text it matches. */
const OPENING_QUOTES = ["『", "「", "“", '"'];
/** Chunks of a quoted section given (its opening and the next: a list under a short heading spans a few). */
const CHUNKS_PER_SECTION = 2;
/** Sections of that heading in more roadmaps than this say nothing about which one is meant. */
const MAX_SECTIONS = 2;
/** GitHub emoji codes (:star:) and a heading's numbering ("0x31", "1.", "一、") are not its name. */
const HEADING_NOISE = /:[a-z0-9_+-]+:|^\s*(?:0x[0-9a-f]+|\d{1,2}[.、)]|[一二三四五六七八九十]+、)\s*/giu;

export function quotedSectionPassages(
  query: string,
  chunks: readonly Chunk[],
  namedDocId: string | undefined,
  language: QueryAnalysis["language"],
): Passage[] {
  // No quotation mark, no quote: most questions are not run through QUOTED at all.
  if (!OPENING_QUOTES.some((mark) => query.includes(mark))) return [];
  const quoted = new Set([...query.matchAll(QUOTED)].map((m) => foldForMatching(m[1]!)).filter((q) => q.length >= 2));
  if (quoted.size === 0) return [];
  // The chunks under each quoted heading, in the index's order (two headings' chunks merged by position).
  const byHeading = chunksByHeading(chunks);
  const found = [...quoted].flatMap((q) => byHeading.get(q) ?? []).sort((a, b) => a.position - b.position);
  const sections = new Map<string, Chunk[]>();
  for (const { chunk } of found) {
    if (namedDocId !== undefined && chunk.docId !== namedDocId) continue;
    const key = `${chunk.docId}\u0000${chunk.sectionIndex}`;
    const members = sections.get(key);
    if (members) members.push(chunk);
    else sections.set(key, [chunk]);
  }
  if (sections.size === 0 || sections.size > MAX_SECTIONS) return [];
  const passages: Passage[] = [];
  for (const members of sections.values()) {
    const heading = members[0]!.headingPath.at(-1)!;
    const label = language === "en" ? `Section quoted: ${heading}` : `所引小节：${heading}`;
    for (const chunk of members.slice(0, CHUNKS_PER_SECTION)) passages.push({ chunk, score: 0, role: "match", roleLabel: label });
  }
  return passages;
}

/** Each index version's chunks by their folded heading (HEADING_NOISE out), with their positions. */
const headingIndexes = new WeakMap<readonly Chunk[], Map<string, { chunk: Chunk; position: number }[]>>();

/**
 * The chunks under each heading, read once per index version: a question with a quote would
 * otherwise fold every chunk's heading (100k of them at scale) to find the few it names.
 */
function chunksByHeading(chunks: readonly Chunk[]): Map<string, { chunk: Chunk; position: number }[]> {
  let byHeading = headingIndexes.get(chunks);
  if (!byHeading) {
    byHeading = new Map();
    for (const [position, chunk] of chunks.entries()) {
      const heading = chunk.headingPath.at(-1);
      if (!heading) continue;
      const key = foldForMatching(heading.replace(HEADING_NOISE, " "));
      const entries = byHeading.get(key);
      if (entries) entries.push({ chunk, position });
      else byHeading.set(key, [{ chunk, position }]);
    }
    headingIndexes.set(chunks, byHeading);
  }
  return byHeading;
}
