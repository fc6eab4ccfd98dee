import type { DetailKind } from "./detailKinds.js";
import type { Passage } from "./types.js";

/**
 * Kinds of detail that belong to the one offering a question asks about (what a course costs).
 * The answer leads with the passage that best matches the offering; a price in a passage further
 * down is another offering's (Colab's free quota under a question about a tutorial's fee), even
 * when that passage shares a word with the question ("cloud"). Durations and counts are not read
 * this way: a roadmap's plan gives them in a passage of its own, apart from the one the answer
 * leads with (tests/eval/README.md, session 19, q19x).
 */
const OFFERING_KINDS: ReadonlySet<DetailKind> = new Set<DetailKind>(["price"]);

/** Whether only the leading passage can give this kind of asked detail. */
export function givenOnlyByLead(kind: DetailKind): boolean {
  return OFFERING_KINDS.has(kind);
}

/**
 * The leading passage (linked notes aside), when it is beside the question's subject (besideSubject
 * in confidence.ts); none otherwise, so a detail only other passages give counts as missing.
 */
export function leadingPassage(passages: readonly Passage[], beside: (passage: Passage) => boolean): Passage[] {
  const lead = passages.find((p) => p.role !== "linked-note");
  return lead && beside(lead) ? [lead] : [];
}
