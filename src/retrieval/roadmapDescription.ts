import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument, Resource } from "../corpus/types.js";
import {
  chunkBodies,
  roadmapStages,
  stageContaining,
  type RoadmapStages,
  type StageArrangement,
  type StageSection,
} from "./roadmapStages.js";
import { statedDurations, statedTotalDuration, type StatedDuration } from "./stageDurations.js";
import type { RoadmapPosition } from "./types.js";

/** Everything a roadmap page draws, from the index alone: no model, no network. */

export interface StageResource {
  title: string;
  url: string;
  line: number;
}

export interface DescribedStage {
  step: number;
  heading: string;
  sections: StageSection[];
  parts: string[];
  durations: StatedDuration[];
  resources: StageResource[];
}

export interface DescribedPath {
  outlines: string[];
  stages: DescribedStage[];
}

export interface RoadmapDescription {
  id: string;
  source: string;
  title: string;
  arrangement: StageArrangement;
  paths: DescribedPath[];
  overviews: StageSection[];
  totalDuration?: StatedDuration;
}

/** Where a topic sits, as drawn: path and step numbers of the current, next and previous stages. */
export interface StageMarks {
  topic: string;
  path: number;
  current: number;
  next?: number;
  previous?: number;
}

function resourcesWithin(resources: readonly Resource[], docId: string, sections: readonly StageSection[]): StageResource[] {
  const seen = new Set<string>();
  const found: StageResource[] = [];
  for (const r of resources) {
    if (r.docId !== docId || seen.has(r.url)) continue;
    if (!sections.some((s) => r.line >= s.startLine && r.line <= s.endLine)) continue;
    seen.add(r.url);
    found.push({ title: r.title, url: r.url, line: r.line });
  }
  return found.sort((a, b) => a.line - b.line);
}

export function describeRoadmap(doc: CorpusDocument, chunks: readonly Chunk[], resources: readonly Resource[]): RoadmapDescription {
  const stages = roadmapStages(doc, chunkBodies(chunks, doc.id));
  const lines = doc.text.split("\n");
  const total = statedTotalDuration(lines);
  return {
    id: doc.id,
    source: doc.source,
    title: doc.title,
    arrangement: stages.arrangement,
    overviews: stages.overviews,
    ...(total ? { totalDuration: total } : {}),
    paths: stages.paths.map((path) => {
      const durations = statedDurations(
        lines,
        path.stages.map((s) => ({ heading: s.heading, headingLines: s.sections.map((x) => x.startLine) })),
      );
      return {
        outlines: path.outlines,
        stages: path.stages.map((stage, i) => ({
          ...stage,
          durations: durations[i] ?? [],
          resources: resourcesWithin(resources, doc.id, stage.sections),
        })),
      };
    }),
  };
}

/** The drawn stages a navigator position points at (undefined when it is not on a drawn path). */
export function marksFor(doc: CorpusDocument, chunks: readonly Chunk[], position: RoadmapPosition): StageMarks | undefined {
  const stages: RoadmapStages = roadmapStages(doc, chunkBodies(chunks, doc.id));
  const find = (sectionIndex: number) => {
    const stage = stageContaining(stages, doc, sectionIndex);
    if (!stage) return undefined;
    const path = stages.paths.findIndex((p) => p.stages.includes(stage));
    return { path, step: stage.step };
  };
  const at = find(position.at.sectionIndex);
  if (!at) return undefined;
  const next = position.next ? find(position.next.sectionIndex) : undefined;
  const previous = position.previous ? find(position.previous.sectionIndex) : undefined;
  return {
    topic: position.topic,
    path: at.path,
    current: at.step,
    ...(next && next.path === at.path ? { next: next.step } : {}),
    ...(previous && previous.path === at.path ? { previous: previous.step } : {}),
  };
}
