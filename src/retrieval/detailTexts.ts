import type { Chunk } from "../chunking/types.js";
import { foldForMatching, itemsNaming } from "./listItems.js";
import { inNamedRoadmap } from "./namedRoadmapScope.js";
import { recentByChunk } from "./recentByChunk.js";
import type { Passage, RetrievalResult } from "./types.js";

/**
 * The texts of the top passages an asked-for detail is looked for in (confidence.ts): the ones an
 * answer leads with, linked notes aside, each read as far as it is about the question's subject.
 */

/** The roles of the neighbouring stage's passages (sequenceContext.ts), which a before/after question asks for. */
const NEIGHBOUR_ROLES: ReadonlySet<Passage["role"]> = new Set(["next-section", "previous-section"]);

/** Passages whose text is checked for the asked-for detail (the ones an answer leads with). */
const DETAIL_PASSAGES = 5;

/**
 * The leading passages' texts, each under its heading. With `focusTerms` (the subject's names), a
 * passage whose heading does not name the subject gives only its items that do: in a list, a
 * duration beside another course is not the asked one's.
 */
export function passageTexts(passages: readonly Passage[], focusTerms?: readonly string[]): string[] {
  return passages
    .filter((p) => p.role !== "linked-note")
    .slice(0, DETAIL_PASSAGES)
    .map((p) => {
      const { heading, foldedHeading, whole } = headedText(p.chunk);
      // A section whose heading names the subject is about it throughout; so is the stage a
      // before/after question asks for ("which libraries before the projects stage": the stage
      // before it is asked about whole, though its items do not name the projects).
      return !focusTerms || NEIGHBOUR_ROLES.has(p.role) || focusTerms.some((term) => foldedHeading.includes(foldForMatching(term)))
        ? whole
        : `${heading}\n${itemsNaming(p.chunk.text, focusTerms)}`;
    });
}

/**
 * The texts a "which one" question is checked against: those of the roadmap it is about, if it
 * names one, beside its subject (`besideSubject`, confidence.ts: read only then); else `texts`.
 */
export function instanceTexts(
  result: RetrievalResult,
  texts: string[],
  besideSubject: (result: RetrievalResult) => (passage: Passage) => boolean,
): string[] {
  if (result.namedRoadmap === undefined) return texts;
  return passageTexts(result.passages.filter(besideSubject(result)).filter(inNamedRoadmap(result)), result.focusTerms);
}

/** The leading passages' whole texts: a document's own details (who wrote it) may be in any of them. */
export function leadingTexts(result: RetrievalResult): string[] {
  return result.passages
    .filter((p) => p.role !== "linked-note")
    .slice(0, DETAIL_PASSAGES)
    .map((p) => p.chunk.text);
}

/**
 * A passage's heading (folded too) and its whole text under it, as the detail check reads them:
 * they depend on the chunk alone, and the same top passages are checked question after question.
 * One string per chunk, so the detail rules' answers remembered per text are found by it at once.
 */
const headedText = recentByChunk(2048, (chunk: Chunk) => {
  const heading = chunk.headingPath.join(" ");
  return { heading, foldedHeading: foldForMatching(heading), whole: `${heading}\n${chunk.text}` };
});
