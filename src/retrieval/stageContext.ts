import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument } from "../corpus/types.js";
import { sectionRef } from "./roadmapNavigator.js";
import type { RoadmapProfile } from "./roadmapProfile.js";
import { subtreeOf } from "./stageOutline.js";
import { pick, type StageOrdinal } from "./stageReference.js";
import type { Passage, QueryLanguage, RoadmapPosition } from "./types.js";

/**
 * Roadmap positions for an ordinal question ("第二阶段之后学什么", "what is in the last stage"):
 * the stage the ordinal picks in each roadmap long enough to have it (only the referenced
 * roadmap when the question names one), with its neighbours among that roadmap's stages.
 */
export function ordinalPositions(profiles: readonly RoadmapProfile[], ordinal: StageOrdinal): RoadmapPosition[] {
  const positions: RoadmapPosition[] = [];
  for (const { doc, stages } of profiles) {
    const stage = pick(stages, ordinal);
    if (!stage) continue;
    const at = stages.indexOf(stage);
    const next = stages[at + 1];
    const previous = at > 0 ? stages[at - 1] : undefined;
    positions.push({
      docId: doc.id,
      source: doc.source,
      title: doc.title,
      topic: stage.heading,
      at: sectionRef(doc.outline, stage),
      ...(next ? { next: sectionRef(doc.outline, next) } : {}),
      ...(previous ? { previous: sectionRef(doc.outline, previous) } : {}),
    });
  }
  return positions;
}

/**
 * Passages for a stage asked about directly ("第三阶段学什么"): the first chunks of the stage in
 * each position, labelled with the stage and its roadmap.
 */
export function stagePassages(params: {
  positions: readonly RoadmapPosition[];
  documents: readonly CorpusDocument[];
  chunks: readonly Chunk[];
  chunksPerStage: number;
  maxRoadmaps: number;
  language: QueryLanguage;
}): Passage[] {
  const passages: Passage[] = [];
  for (const position of params.positions.slice(0, params.maxRoadmaps)) {
    const doc = params.documents.find((d) => d.id === position.docId);
    const section = doc?.outline[position.at.sectionIndex];
    if (!doc || !section) continue;
    const members = subtreeOf(doc.outline, section);
    const inStage = params.chunks.filter((c) => c.docId === doc.id && members.has(c.sectionIndex)).slice(0, params.chunksPerStage);
    const label =
      params.language === "en"
        ? `Stage asked about: ${position.at.heading} (in 《${position.title}》)`
        : `所问阶段：${position.at.heading}（《${position.title}》）`;
    for (const chunk of inStage) passages.push({ chunk, score: 0, role: "match", roleLabel: label });
  }
  return passages;
}
