import { foldForMatching } from "./listItems.js";
import { isStageHeading } from "./stageOutline.js";
import { pick, type StageOrdinal } from "./stageReference.js";
import type { Passage } from "./types.js";

/**
 * "llm-course 的第二部分讲啥": an ordinal that counts the numbered parts of a thing the question
 * names (a course, a book, a method whose section says "分为三个部分：1. … 2. … 3. …"), not the
 * stages of a roadmap. The thing is named by its section's heading; the parts are the section's
 * top-level numbered items, 1, 2, 3 … in order.
 */
export interface NamedPart {
  passage: Passage;
  /** The asked item's text ("2. 理论：专注于……"). */
  item: string;
}

/** Shorter folded headings ("nlp", "课程") name too much to be the question's subject. */
const MIN_HEADING_LENGTH = 4;
/** GitHub emoji codes (:star:) mark a heading; they are not its name. */
const EMOJI_CODE = /:[a-z0-9_+-]+:/giu;
const NUMBERED = /^(\d{1,2})[.、)]\s*(.*)$/u;

/** The asked part among the passages retrieval found, the best ranked first. */
export function namedPart(question: string, passages: readonly Passage[], ordinal: StageOrdinal): NamedPart | undefined {
  const asked = foldForMatching(question);
  for (const passage of passages) {
    const chunk = passage.chunk;
    const heading = chunk.headingPath.at(-1);
    if (!heading || isStageHeading(heading)) continue;
    const name = foldForMatching(heading.replace(EMOJI_CODE, " "));
    if (name.length < MIN_HEADING_LENGTH || !asked.includes(name)) continue;
    const item = pick(numberedItems(chunk.text), ordinal);
    if (item) return { passage, item };
  }
  return undefined;
}

/** The top-level items numbered 1, 2, 3 … in order (unindented lines); [] when the numbering breaks. */
function numberedItems(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split("\n")) {
    const match = NUMBERED.exec(line);
    if (!match) continue;
    if (Number(match[1]) !== items.length + 1) return [];
    items.push(line.trim());
  }
  return items;
}
