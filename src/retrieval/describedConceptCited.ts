import type { IndexSnapshot } from "../store/types.js";
import { conceptNames, describedConcept } from "./conceptDefinitions.js";
import { describedByLearner } from "./conceptDescriptions.js";
import { IndexResources } from "./indexResources.js";
import { LEARNER_CONCEPT_SHARE } from "./questionExpansions.js";
import type { Passage } from "./types.js";

/**
 * How far past the k passages shown a passage naming the described concept is looked for: the
 * fused candidates just below the cut. Ranks 6–8 and 6–12 moved the same tune answers.
 */
const REACH = 3;

/** The concepts' names a question may use itself, lower-cased (one character names nothing). */
const NAMES = conceptNames()
  .flat()
  .filter((name) => name.length >= 2)
  .map((name) => name.toLowerCase());

/**
 * A learner who cannot name a concept describes it ("AI 大到一定程度突然冒出来的新本事" for
 * 涌现能力): the definitions' or the learners' descriptions' reverse dictionary finds the concept,
 * and its names join the search (questionExpansions.ts). But the passage naming it shares none of
 * the question's own words, and the words it does share (AI, 模型, 大) pull other passages above
 * it: it ranks just below the k shown. When none of the k names the concept, the first fused
 * candidate within REACH places below that does takes the last place, so the passage the concept
 * was found for is cited.
 *
 * Only for a question that names no concept itself: one that names its terms (预训练、SFT、RLHF 的
 * 顺序) is about them, and a concept its other words happen to describe (先后顺序 → 位置编码) is not
 * its subject. In a roadmap the question names, only that roadmap's passages are brought up: a
 * passage of another one answers about the wrong document (每个阶段学多久 in the seven-stage plan
 * must not be answered from another roadmap's 学习周期).
 */
export function withDescribedConceptCited(
  index: IndexSnapshot,
  query: string,
  matches: Passage[],
  fusedIds: readonly string[],
  k: number,
  namedDocId?: string,
): Passage[] {
  if (matches.length < k) return matches;
  const described = describedConcept(query) ?? describedByLearner(query);
  if (!described || namesAConcept(query)) return matches;
  const statistics = IndexResources.of(index).statistics;
  // The names the search added: those that tell passages apart (questionExpansions.ts tellingNames).
  const names = described.docTerms
    .filter((term) => statistics.conceptShare([term]) <= LEARNER_CONCEPT_SHARE)
    .map((term) => term.toLowerCase());
  if (names.length === 0) return matches;
  const naming = (chunk: Passage["chunk"]) => {
    if (namedDocId !== undefined && chunk.docId !== namedDocId) return false;
    const text = `${chunk.headingPath.join(" ")} ${chunk.text}`.toLowerCase();
    return names.some((name) => text.includes(name));
  };
  const shown = matches.slice(0, k);
  if (shown.some((p) => naming(p.chunk))) return matches;
  const shownIds = new Set(shown.map((p) => p.chunk.id));
  const id = fusedIds.slice(0, k + REACH).find((candidate) => {
    const chunk = index.chunkById.get(candidate);
    return chunk !== undefined && !shownIds.has(candidate) && naming(chunk);
  });
  if (id === undefined) return matches;
  const found = matches.find((p) => p.chunk.id === id) ?? { chunk: index.chunkById.get(id)!, score: 0, role: "match" as const };
  return [...shown.slice(0, k - 1), found, ...matches.slice(k - 1).filter((p) => p.chunk.id !== id)];
}

function namesAConcept(query: string): boolean {
  const lower = query.toLowerCase();
  return NAMES.some((name) => lower.includes(name));
}
