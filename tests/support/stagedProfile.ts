import type { CorpusDocument, Section } from "../../src/corpus/types.js";
import { stageWordOf, type RoadmapProfile } from "../../src/retrieval/roadmapProfile.js";

/**
 * A roadmap profile made of headings only: one level-2 section per heading, ten lines apart, as its
 * outline and (unless `stages: false`) as its stages, with the stage word they use. What the stage- and section-name readers look at.
 */
export function stagedProfile(id: string, headings: readonly string[], options: { stages?: boolean } = {}): RoadmapProfile {
  const outline: Section[] = headings.map((heading, index) => ({
    index,
    heading,
    level: 2,
    headingPath: [heading],
    startLine: index * 10 + 1,
    endLine: index * 10 + 9,
  }));
  const doc = { id, source: `${id}.md`, title: id, outline } as unknown as CorpusDocument;
  const stages = options.stages === false ? [] : outline;
  return { doc, stages, stageWord: stageWordOf(stages.map((s) => s.heading).join(" ")) } as unknown as RoadmapProfile;
}
