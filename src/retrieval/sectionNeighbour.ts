import type { Chunk } from "../chunking/types.js";
import { sectionChunks } from "./documentChunks.js";
import { foldForMatching } from "./listItems.js";
import type { NamedPart } from "./namedParts.js";
import type { RoadmapProfile } from "./roadmapProfile.js";
import { stagesNamedWithStageWord } from "./stageContext.js";

/**
 * "三阶段那篇的原理学习阶段里，大模型核心架构讲完之后接着讲的是哪一块？": a before/after question that names a
 * stage of the roadmap it names and, inside it, one of the stage's own sections by its heading
 * (大模型核心架构). It asks for the section beside that one in the stage (训练技术), not for the next
 * stage: the learner is inside the stage, reading it section by section. Undefined unless the
 * question names exactly one of the stage's sections and it has a neighbour that way.
 */
export function sectionNeighbour(params: {
  query: string;
  direction: "next" | "previous";
  chunks: readonly Chunk[];
  named: RoadmapProfile;
}): NamedPart | undefined {
  const { query, direction, chunks, named } = params;
  const [stage] = stagesNamedWithStageWord([named], query);
  if (!stage) return undefined;
  const outline = named.doc.outline;
  const sections = outline.filter((section) => section.parent === stage.stage.sectionIndex);
  const asked = foldForMatching(query);
  const heading = (text: string) => foldForMatching(text).trim();
  const namedHere = sections
    .map((section, at) => ({ at, name: heading(section.heading) }))
    .filter(({ name }) => Array.from(name).length >= MIN_HEADING && asked.includes(name));
  if (namedHere.length !== 1) return undefined;
  const neighbour = sections[namedHere[0]!.at + (direction === "next" ? 1 : -1)];
  const first = neighbour && sectionChunks(chunks, named.doc, neighbour.index)[0];
  return first ? { passage: { chunk: first, score: 0, role: "match" }, item: neighbour.heading } : undefined;
}

/** Shorter headings (目标) are words any question may hold. */
const MIN_HEADING = 3;
