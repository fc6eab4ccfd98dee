import type { AnswerResult, Citation, RoadmapPositions } from "../answering/types.js";
import type { Section } from "../corpus/types.js";
import type { RoadmapDescription, StageMarks } from "../retrieval/roadmapDescription.js";
import type { StageSection } from "../retrieval/roadmapStages.js";
import type { Passage, RoadmapPosition, SectionRef } from "../retrieval/types.js";
import type { AnswerResponse, CitationResponse, RoadmapPositionsResponse } from "./contract/answers.js";
import type { RoadmapDescriptionResponse, TopicPositionsResponse } from "./contract/corpus.js";
import type { z } from "zod";
import type { searchResponseSchema } from "./contract/search.js";

/**
 * Internal results → the public contract (src/http/contract), field by field. Spelled out so a
 * field added inside the pipeline stays internal until someone decides to publish it, and so
 * every range of lines leaves as one shape, `lines: {start, end}`.
 */

const range = (startLine: number, endLine: number) => ({ start: startLine, end: endLine });

export function toCitationResponse(c: Citation): CitationResponse {
  return {
    n: c.n,
    id: c.id,
    docId: c.docId,
    source: c.source,
    title: c.title,
    headingPath: c.headingPath,
    lines: { start: c.lines.start, end: c.lines.end },
    text: c.text,
    ...(c.url !== undefined ? { url: c.url } : {}),
    role: c.role,
    ...(c.linkedFrom ? { linkedFrom: c.linkedFrom.map((l) => ({ title: l.title, headingPath: l.headingPath })) } : {}),
  };
}

function toRoadmapPositionsResponse(roadmap: RoadmapPositions): RoadmapPositionsResponse {
  return { direction: roadmap.direction, topic: roadmap.topic, positions: roadmap.positions };
}

/** The answer as clients see it: no timings, no condensed question, no count of removed markers. */
export function toAnswerResponse(result: AnswerResult): AnswerResponse {
  return {
    answer: result.answer,
    citations: result.citations.map(toCitationResponse),
    abstained: result.abstained,
    confidence: result.confidence,
    mode: result.mode,
    language: result.language,
    ...(result.fallback ? { fallback: true } : {}),
    ...(result.truncated ? { truncated: true } : {}),
    ...(result.usage ? { usage: result.usage } : {}),
    ...(result.roadmap ? { roadmap: toRoadmapPositionsResponse(result.roadmap) } : {}),
  };
}

export function toOutlineSection(s: Section) {
  return {
    index: s.index,
    heading: s.heading,
    level: s.level,
    headingPath: s.headingPath,
    lines: range(s.startLine, s.endLine),
    ...(s.parent !== undefined ? { parent: s.parent } : {}),
  };
}

const toSectionRef = (s: SectionRef) => ({
  sectionIndex: s.sectionIndex,
  heading: s.heading,
  headingPath: s.headingPath,
  lines: range(s.startLine, s.endLine),
});

export function toTopicPosition(p: RoadmapPosition): TopicPositionsResponse["positions"][number] {
  return {
    docId: p.docId,
    source: p.source,
    title: p.title,
    topic: p.topic,
    at: toSectionRef(p.at),
    ...(p.next ? { next: toSectionRef(p.next) } : {}),
    ...(p.previous ? { previous: toSectionRef(p.previous) } : {}),
    ...(p.path ? { path: p.path } : {}),
  };
}

const toStageSection = (s: StageSection) => ({
  sectionIndex: s.sectionIndex,
  heading: s.heading,
  outline: s.outline,
  lines: range(s.startLine, s.endLine),
});

export function toRoadmapDescription(
  d: RoadmapDescription,
  topic?: { topic: string; marks: StageMarks | undefined },
): RoadmapDescriptionResponse {
  return {
    id: d.id,
    source: d.source,
    title: d.title,
    arrangement: d.arrangement,
    paths: d.paths.map((path) => ({
      outlines: path.outlines,
      stages: path.stages.map((stage) => ({
        step: stage.step,
        heading: stage.heading,
        sections: stage.sections.map(toStageSection),
        parts: stage.parts,
        durations: stage.durations,
        resources: stage.resources,
      })),
    })),
    overviews: d.overviews.map(toStageSection),
    ...(d.totalDuration ? { totalDuration: d.totalDuration } : {}),
    ...(topic ? { topic: topic.topic, marks: topic.marks ?? null } : {}),
  };
}

/** POST /api/search's body: each passage's public fields, nothing of the ranking internals. */
export function toSearchResponse(passages: readonly Passage[]): z.infer<typeof searchResponseSchema> {
  return {
    results: passages.map(({ chunk, score }) => ({
      id: chunk.id,
      score,
      docId: chunk.docId,
      source: chunk.source,
      title: chunk.title,
      headingPath: chunk.headingPath,
      lines: { start: chunk.startLine, end: chunk.endLine },
      text: chunk.text,
      links: chunk.links,
    })),
  };
}
