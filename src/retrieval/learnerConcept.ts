import { tokenizeForSearch } from "../text/tokenize.js";
import { nameTokens } from "./abstention.js";
import type { DescribedConcept } from "./conceptDefinitions.js";
import { findGlossaryMatches } from "./glossary.js";
import { isLearnerEntry } from "./learnerPhrases.js";

/**
 * Whether the question names a field concept in a learner's own words and the leading passages
 * name that concept in the documents' words: "模型太大了怎么变小" and a passage on 模型压缩,
 * "make stuff up" and one on 幻觉. The evidence score counts only the question's own words, so
 * such a question scores as thinly supported although its passage is the one it asks about; with
 * this it is answered with normal confidence (confidence.ts).
 *
 * Only a specific phrase counts: matched whole (not loosely, around words it skips), of three Han
 * characters or two English words at least. A short everyday word the learners' layer also
 * lists (划算, 排序) says too little of what the question is about. A question that describes a
 * concept in its definition's words (conceptDefinitions.ts) counts too, when a leading passage
 * holds one of the concept's names.
 */
export function learnerConceptFound(
  query: string,
  leading: readonly ReadonlySet<string>[],
  /** The concept the question describes in its definition's words (conceptDefinitions.ts), if any. */
  described?: DescribedConcept,
): boolean {
  return wordsNamingLearnerConcept(query, leading, described) !== undefined;
}

/**
 * learnerConceptFound's reading with the learner's words that named the concept: each learners'
 * phrase as the question writes it, and the units a described concept shares with its definition
 * (a Chinese word, an English word's "en:" stem); undefined when no concept is found. What named it
 * says what the question is about (outsideSituation.ts: "run a model on a phone" names the concept
 * through the phone).
 */
export function wordsNamingLearnerConcept(
  query: string,
  leading: readonly ReadonlySet<string>[],
  described?: DescribedConcept,
): string[] | undefined {
  const words: string[] = [];
  let found = false;
  if (described?.docTerms.some((term) => tokenizeForSearch(term).every((token) => leading.some((tokens) => tokens.has(token))))) {
    found = true;
    words.push(...described.shared);
  }
  for (const match of findGlossaryMatches(query)) {
    if (match.loose || !isSpecific(match.surface)) continue;
    const named = match.entries.some(
      (entry) => isLearnerEntry(entry) && nameTokens(entry, tokenizeForSearch).some((token) => leading.some((tokens) => tokens.has(token))),
    );
    if (!named) continue;
    found = true;
    words.push(match.surface);
  }
  return found ? words : undefined;
}

/** Passages read for the concept: the ones an answer leads with. */
export const LEADING_PASSAGES = 3;

function isSpecific(surface: string): boolean {
  const han = surface.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han > 0 ? han >= 3 : surface.trim().split(/\s+/).length >= 2;
}
