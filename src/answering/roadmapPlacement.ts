import type { RetrievalResult, RoadmapPosition, SectionRef } from "../retrieval/types.js";
import type { RoadmapPlacement, RoadmapPositions, RoadmapStageMark } from "./types.js";

function mark(ref: SectionRef, steps: readonly string[], fallbackStep: number): RoadmapStageMark {
  const step = steps.indexOf(ref.heading) + 1 || fallbackStep;
  return { step, heading: ref.heading, lines: { start: ref.startLine, end: ref.endLine } };
}

function placement(position: RoadmapPosition): RoadmapPlacement {
  const steps = position.path?.steps ?? [];
  const at = position.path?.step ?? 0;
  return {
    roadmapId: position.docId,
    title: position.title,
    stage: mark(position.at, steps, at),
    ...(position.next ? { next: mark(position.next, steps, at > 0 ? at + 1 : 0) } : {}),
    ...(position.previous ? { previous: mark(position.previous, steps, at > 1 ? at - 1 : 0) } : {}),
    steps: [...steps],
    page: `/roadmaps/${encodeURIComponent(position.docId)}?topic=${encodeURIComponent(position.topic)}`,
  };
}

/**
 * The `roadmap` field of an answer: for a sequence question, where its topic sits in each roadmap
 * (the same positions the roadmap pages draw). Spread into an AnswerResult; {} otherwise.
 */
export function roadmapPositionsOf(result: Pick<RetrievalResult, "analysis" | "roadmap">): { roadmap?: RoadmapPositions } {
  const direction = result.analysis.sequence;
  const topic = result.analysis.topic;
  if (!direction || !topic || result.roadmap.length === 0) return {};
  return { roadmap: { direction, topic, positions: result.roadmap.map(placement) } };
}
