import type { Section } from "../corpus/types.js";
import type { RoadmapProfile } from "./roadmapProfile.js";
import { isListItemStage, nameWords } from "./stageOutline.js";

/** A heading named in English: "the FAQ section", "the courses heading", "its study-notes part". */
const SECTION_NAME = /((?:[\w'/-]+\s+){0,2}[\w'/-]+)\s+(?:section|heading|part|chapter)s?\b/gi;
/**
 * A section word anywhere, which every SECTION_NAME match holds: SECTION_NAME tries up to three
 * words before a section word from every position of the question (~7 µs an English question),
 * and most English questions hold none.
 */
const SECTION_WORD = /section|heading|part|chapter/i;

/**
 * A section of a roadmap named in English by its heading's words ("the guide that ends with an
 * FAQ section" → 学习常见问题, "under the courses heading" → 一些课程, "a study-notes section" →
 * 学习笔记): the words right before a section word reach every word of exactly one heading, in the
 * roadmap the question names or, naming none, in all of them. `reaches(phrase)` tells which
 * Chinese words a phrase's English reaches (the glossary, CC-CEDICT). The caller searches the
 * heading and takes its roadmap as named. Stages are englishStage's: a list item's name is a
 * field term, no heading.
 */
export function englishSection(
  query: string,
  reaches: (phrase: string) => (word: string) => boolean,
  profiles: readonly RoadmapProfile[],
  named: RoadmapProfile | undefined,
): { profile: RoadmapProfile; heading: string } | undefined {
  if (!/[a-z]{3}/i.test(query) || !SECTION_WORD.test(query)) return undefined;
  const fits = new Map<string, { profile: RoadmapProfile; section: Section }>();
  for (const match of query.matchAll(SECTION_NAME)) {
    const reached = reaches(match[1]!);
    for (const profile of named ? [named] : profiles) {
      for (const section of profile.doc.outline) {
        if (isListItemStage(section.heading)) continue;
        const words = nameWords(section.heading);
        if (words.length > 0 && words.every(reached)) fits.set(`${profile.doc.id}#${section.index}`, { profile, section });
      }
    }
  }
  if (fits.size !== 1) return undefined;
  const [fit] = fits.values();
  const { profile, section } = fit!;
  return { profile, heading: section.heading };
}
