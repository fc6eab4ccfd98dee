import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument } from "../corpus/types.js";
import { sectionChunks } from "./documentChunks.js";
import { askedInPartHeading } from "./stageOutline.js";
import type { Passage, QueryLanguage, RoadmapPosition, SectionRef } from "./types.js";

/** A stage's section that says what a learner can do when done with it. */
const ASSESSMENT_HEADING = /评估|評估|考核|检验|檢驗|自测|自測|\bassessment\b|\bcheckpoint\b|\bself-check\b/iu;

/** A question asking what a learner should be able to do (by then): readiness, not topics. */
export const READINESS_ASKED =
  /能做到|做到哪些|达到(?:什么|哪些|啥|哪几)|達到(?:什麼|哪些|哪幾)|评估标准|評估標準|考核标准|考核標準|具备什么能力|具備什麼能力|掌握到什么程度|掌握到什麼程度|要会什么|要會什麼|应该会哪些|應該會哪些|应该会什么|應該會什麼|检验自己|檢驗自己|判断自己|判斷自己|验收|驗收|\bbe able to\b|\bready to\b|\bshould I (?:know|be able)\b/iu;

/** Roadmaps whose neighbouring stage is added to a sequence question's passages. */
export const MAX_SEQUENCE_ROADMAPS = 4;

/**
 * Passages that answer "what comes after/before X": for each roadmap position with a neighbour
 * in the asked direction (most relevant roadmap first), the passage where the topic sits (the
 * best-ranked match inside that stage, else the first chunk of the stage naming the topic), then
 * the first chunks of the neighbouring stage, labelled in the question's language. Matches may
 * be claimed here; the caller drops them from its match list.
 */
export function sequencePassages(params: {
  positions: RoadmapPosition[];
  direction: "next" | "previous";
  documents: readonly CorpusDocument[];
  chunks: readonly Chunk[];
  matches: readonly Passage[];
  topic: string;
  language: QueryLanguage;
  chunksPerStage: number;
  /**
   * "进基础夯实之前，我得先能做到哪些事", "what should I be able to do before I move on from X": the
   * question asks for the earlier stage's assessment section (阶段评估), which comes first.
   */
  readinessAsked?: boolean;
  /** The question's own tokens beside its topic: a part of the neighbour stage whose heading names them comes too ("之后那段的项目"). */
  asked?: ReadonlySet<string>;
  /**
   * The positions are stages the previous answer gave, which a follow-up moves on from
   * (RetrieveOptions.fromStages): each is answered, one at the end of its sequence too (cited where
   * it sits, for "this is the last stage"). Elsewhere the stage itself is not cited: that answer
   * showed it, its neighbour is what is new, and k passages hold every roadmap's neighbour so.
   */
  givenStages?: boolean;
}): Passage[] {
  const { positions, direction, documents, chunks, matches, topic, language, chunksPerStage } = params;
  // Done with a stage before the next one: the earlier stage's assessment says what that means
  // (entering Y: the stage before Y's; moving on from X: X's own).
  const readiness = params.readinessAsked === true;
  const added: Passage[] = [];
  const isAdded = (chunk: Chunk) => added.some((p) => p.chunk.id === chunk.id);
  for (const position of positions.slice(0, MAX_SEQUENCE_ROADMAPS)) {
    const doc = documents.find((d) => d.id === position.docId);
    const neighbour = direction === "next" ? position.next : position.previous;
    if (!doc || (!neighbour && !(params.givenStages && onItsSequence(position)))) continue;
    const inStage = (ref: SectionRef) => sectionChunks(chunks, doc, ref.sectionIndex);

    const atChunks = inStage(position.at);
    const atIds = new Set(atChunks.map((c) => c.id));
    const assessmentOf = (stageChunks: readonly Chunk[]) => stageChunks.find((c) => ASSESSMENT_HEADING.test(c.headingPath.at(-1) ?? ""));
    const where =
      (readiness && direction === "next" ? assessmentOf(atChunks) : undefined) ??
      matches.find((p) => atIds.has(p.chunk.id))?.chunk ??
      atChunks.find((c) => c.text.toLowerCase().includes(topic.toLowerCase())) ??
      atChunks[0];
    const whereCited = !params.givenStages || !neighbour || readiness;
    if (whereCited && where && !isAdded(where))
      added.push({ chunk: where, score: 0, role: "match", roleLabel: atLabel(position, language) });
    if (!neighbour) continue;
    let neighbourChunks = inStage(neighbour);
    const assessment = readiness && direction === "previous" ? assessmentOf(neighbourChunks) : undefined;
    if (assessment) neighbourChunks = [assessment, ...neighbourChunks.filter((c) => c !== assessment)];
    const shown = neighbourChunks.slice(0, chunksPerStage);
    const part = params.asked && askedPart(neighbourChunks.slice(chunksPerStage), neighbour.heading, params.asked);
    if (part) shown.push(part);
    for (const chunk of shown) {
      if (isAdded(chunk)) continue;
      added.push({
        chunk,
        score: 0,
        role: direction === "next" ? "next-section" : "previous-section",
        roleLabel: neighbourLabel(position, neighbour, direction, language),
      });
    }
  }
  return added;
}

/** The part of a stage whose heading names most of the asked tokens (the first of equals); undefined when none does. */
function askedPart(parts: readonly Chunk[], stageHeading: string, asked: ReadonlySet<string>): Chunk | undefined {
  let best: { chunk: Chunk; named: number } | undefined;
  for (const chunk of parts) {
    const named = askedInPartHeading(chunk, stageHeading, asked);
    if (named > 0 && (!best || named > best.named)) best = { chunk, named };
  }
  return best?.chunk;
}

/** Roadmaps in order of their best-ranked match, then in document order. */
export function orderPositionsByRelevance(positions: RoadmapPosition[], matches: readonly Passage[]): RoadmapPosition[] {
  const rankOf = (docId: string) => {
    const rank = matches.findIndex((p) => p.chunk.docId === docId);
    return rank < 0 ? Number.POSITIVE_INFINITY : rank;
  };
  return positions
    .map((position, order) => ({ position, order, rank: rankOf(position.docId) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((entry) => entry.position);
}

function atLabel(position: RoadmapPosition, language: QueryLanguage): string {
  return language === "en"
    ? `Where ${position.topic} sits: ${position.at.heading} (in 《${position.title}》)`
    : `${position.topic} 所在阶段：${position.at.heading}（《${position.title}》）`;
}

function neighbourLabel(position: RoadmapPosition, neighbour: SectionRef, direction: "next" | "previous", language: QueryLanguage): string {
  if (language === "en") {
    return direction === "next"
      ? `Next stage: ${neighbour.heading} (after ${position.at.heading} in 《${position.title}》)`
      : `Previous stage: ${neighbour.heading} (before ${position.at.heading} in 《${position.title}》)`;
  }
  return direction === "next"
    ? `下一阶段：${neighbour.heading}（《${position.title}》中 ${position.at.heading} 之后）`
    : `上一阶段：${neighbour.heading}（《${position.title}》中 ${position.at.heading} 之前）`;
}

/** Whether a position is a step of the sequence it sits on (at its end, when it has no neighbour there). */
function onItsSequence(position: RoadmapPosition): boolean {
  return position.path !== undefined && position.path.step > 0;
}
