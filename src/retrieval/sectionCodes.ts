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
    const written = new RegExp(`(?<![0-9a-z])${code}(?![0-9a-z])`, "iu");
    return !held.some((text) => written.test(text));
  });
}
