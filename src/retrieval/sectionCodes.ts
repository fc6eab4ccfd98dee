import type { Chunk } from "../chunking/types.js";
import type { Passage, QueryAnalysis } from "./types.js";

/**
 * "ninehills 清单里 0x40 那一篇在讲什么": a section asked by its code — the hexadecimal numbering a
 * reading list gives its sections (0x10 入门篇 … 0x36) — that the document the question names (or,
 * when it names none, every document) never gives. Whatever passages lead, none is that section,
 * as none is the eighth stage of a seven-stage roadmap (confidence.ts: low at best).
 */
const SECTION_CODE = /(?<![0-9a-z])0x[0-9a-f]{1,4}(?![0-9a-z])/giu;

/** A cheap test first: most questions hold no code. */
const HOLDS_CODE = /0x/iu;

/** The first section code of the question that none of the texts holds; undefined when each is held, or the question has none. */
export function unknownSectionCode(question: string, texts: () => readonly string[]): string | undefined {
  if (!HOLDS_CODE.test(question)) return undefined;
  const codes = question.match(SECTION_CODE);
  if (!codes) return undefined;
  const held = texts();
  return codes.find((code) => {
    const written = writtenCode(code);
    return !held.some((text) => written.test(text));
  });
}

/** A section code ("0x34") written as a code of its own in a text, not inside a longer one (0x340, a0x34). */
export function writtenCode(code: string): RegExp {
  return new RegExp(`(?<![0-9a-z])${code}(?![0-9a-z])`, "iu");
}

/** A section's passages that lead when the question asks it by its code: at most this many. */
const CHUNKS_PER_CODED_SECTION = 2;

/**
 * "ninehills清单 0x34 讲什么": a section asked by its code leads the answer with its own passages,
 * under the label of its heading, in the document the question names (or any document whose
 * section has that code, when exactly one has). The code is in the section's heading, which its
 * passages' text may not repeat: ranking alone missed it.
 */
export function codedSectionPassages(
  query: string,
  chunks: readonly Chunk[],
  namedDocId: string | undefined,
  language: QueryAnalysis["language"],
): Passage[] {
  if (!HOLDS_CODE.test(query)) return [];
  const codes = (query.match(SECTION_CODE) ?? []).map((code) => code.toLowerCase());
  if (codes.length !== 1) return [];
  const opens = (heading: string | undefined) => heading !== undefined && headingCode(heading) === codes[0];
  const members = chunks.filter((chunk) => (namedDocId === undefined || chunk.docId === namedDocId) && opens(chunk.headingPath.at(-1)));
  if (members.length === 0 || new Set(members.map((chunk) => `${chunk.docId}\u0000${chunk.sectionIndex}`)).size !== 1) return [];
  const heading = members[0]!.headingPath.at(-1)!;
  const label = language === "en" ? `Section asked: ${heading}` : `所问小节：${heading}`;
  return members.slice(0, CHUNKS_PER_CODED_SECTION).map((chunk) => ({ chunk, score: 0, role: "match", roleLabel: label }));
}

/** The section code a heading opens with ("0x34 大模型数据工程方向" → 0x34), lowercased; undefined for any other heading. */
export function headingCode(heading: string): string | undefined {
  return /^\s*(0x[0-9a-f]+)(?![0-9a-z])/iu.exec(heading)?.[1]?.toLowerCase();
}
