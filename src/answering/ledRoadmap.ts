import type { RetrievalResult } from "../retrieval/types.js";
import { composeExtractiveAnswer } from "./extractiveAnswer.js";
import { queryTerms, scoreSentences } from "./sentenceSelection.js";

/**
 * The roadmap an answer was about: the one its question named (or the conversation carried), else
 * the roadmap of the cited sentence that best matches the question. Not simply the first citation:
 * "哪篇讲了 MoE" may cite a course list first and the MoE line second, and the learner reads the
 * line that answers. A linked web note is a source, not what the conversation is about. Undefined
 * for a refusal. "那篇", "it", "this stage" in the next question mean this document when nobody
 * named one.
 */
export function roadmapAnswerLedWith(question: string, result: RetrievalResult): string | undefined {
  const answer = composeExtractiveAnswer(question, result);
  if (answer.abstained) return undefined;
  if (result.namedRoadmap) return result.namedRoadmap.docId;
  const citedIds = new Set(answer.citations.map((c) => c.id));
  const cited = result.passages.filter((p) => p.chunk.kind === "roadmap" && citedIds.has(p.chunk.id));
  let best: { score: number; passageIndex: number } | undefined;
  for (const sentence of scoreSentences(cited, queryTerms(question, result.analysis.expansions)))
    if (!best || sentence.score > best.score) best = sentence;
  return cited[best?.passageIndex ?? 0]?.chunk.docId;
}
