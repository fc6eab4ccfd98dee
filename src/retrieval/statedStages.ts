import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument } from "../corpus/types.js";
import { describeRoadmap, type DescribedStage } from "./roadmapDescription.js";
import type { RoadmapPosition, SectionRef } from "./types.js";

/**
 * A roadmap's stages as the roadmap itself states them (roadmapDescription.ts, the reading the
 * roadmap pages draw), for answers to quote and cite:
 *   - outlineOf: the whole sequence ("那篇分成几块", "阶段顺序是咋排的");
 *   - withStatedDurations: for the stages positions name, the duration the roadmap gives and the
 *     lines that give it ("第四段要花多久": a heading, a box diagram's cell, a labelled line, a plan's slot).
 * Read once per index version: its document objects are the version's own.
 */
const described = new WeakMap<CorpusDocument, readonly DescribedStage[]>();

function stagesOf(doc: CorpusDocument, chunks: readonly Chunk[]): readonly DescribedStage[] {
  let stages = described.get(doc);
  if (!stages) {
    // describeRoadmap reads only this document's chunks of `chunks`.
    stages = describeRoadmap(doc, chunks, []).paths.flatMap((path) => path.stages);
    described.set(doc, stages);
  }
  return stages;
}

function withDuration(ref: SectionRef | undefined, stages: readonly DescribedStage[]): SectionRef | undefined {
  if (!ref) return ref;
  const stage = stages.find((s) => s.sections.some((section) => section.sectionIndex === ref.sectionIndex));
  const stated = stage?.durations[0];
  return stated ? { ...ref, duration: { text: stated.text, lines: stated.lines } } : ref;
}

export function withStatedDurations(
  positions: readonly RoadmapPosition[],
  documents: readonly CorpusDocument[],
  chunks: readonly Chunk[],
): RoadmapPosition[] {
  return positions.map((position) => {
    const doc = documents.find((d) => d.id === position.docId);
    if (!doc) return position;
    const stages = stagesOf(doc, chunks);
    const at = withDuration(position.at, stages)!;
    const next = withDuration(position.next, stages);
    const previous = withDuration(position.previous, stages);
    return { ...position, at, ...(next ? { next } : {}), ...(previous ? { previous } : {}) };
  });
}

/** A roadmap's stages in order, each with the duration the roadmap states for it. */
export interface OutlineStage {
  heading: string;
  duration?: { text: string; lines: { start: number; end: number } };
}

/** "那篇分成几块", "阶段顺序是咋排的": the roadmap's whole sequence of stages, as its outline gives it. */
export function outlineOf(doc: CorpusDocument, chunks: readonly Chunk[]): OutlineStage[] {
  return stagesOf(doc, chunks).map((stage) => {
    const stated = stage.durations[0];
    return { heading: stage.heading, ...(stated ? { duration: { text: stated.text, lines: stated.lines } } : {}) };
  });
}
