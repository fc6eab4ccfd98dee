import type { IndexSnapshot } from "../store/types.js";
import { hanRunsOf } from "../text/codePointKinds.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import { describedConcept } from "./conceptDefinitions.js";
import { describedByLearner } from "./conceptDescriptions.js";
import { dictionaryExpansions } from "./dictionaryExpansion.js";
import { expandQuery } from "./expandQuery.js";
import { IndexResources } from "./indexResources.js";
import { associatedTerms } from "./learnedAssociations.js";
import { isLearnerEntry } from "./learnerPhrases.js";
import type { TermStatistics } from "./termStatistics.js";

/** Which maintained sources a question is expanded with (HybridRetrieverOptions). */
export interface ExpansionSources {
  /** CC-CEDICT terms of the corpus vocabulary (default true; see fieldDictionary.ts). */
  dictionary?: boolean;
  /** Corpus words a misspelt question word probably meant (default true; see typoCorrection.ts). */
  typos?: boolean;
  /** The documents' names of a concept the question describes in its definition's words (default true; see conceptDefinitions.ts). */
  definitions?: boolean;
  /**
   * The documents' names of a concept the question describes in a learner's description's words
   * (default true; see conceptDescriptions.ts). Ranking only: the evidence is read without them.
   */
  descriptions?: boolean;
  /** Field terms learned for learners' words the documents never use (default true; see learnedAssociations.ts). */
  associations?: boolean;
}

/**
 * Concepts named by more than this share of the chunks are not expanded: in a corpus about large
 * models, 大模型 → LLM, large language model, 大语言模型 … would pull every passage up equally and
 * drown the words that matter. On the bundled corpus only 大模型 (0.66) and 阶段 (0.73) are over.
 */
const UBIQUITOUS_CONCEPT_SHARE = 0.5;
/**
 * A learner's word bridges only to a concept at most this share of the chunks name: a bridge to a
 * common one (入门, 论文) tells passages apart no better than the question's own words, and its
 * long posting lists made BM25 at 100k chunks a third slower. 0.2 left every dev and tune answer
 * as it was (0.1 lost two tune answers).
 */
export const LEARNER_CONCEPT_SHARE = 0.2;

/**
 * The question's glossary, dictionary, Mainland-word and typo expansions: only concepts that tell
 * passages apart in this index.
 */
export function questionExpansions(index: IndexSnapshot, query: string, sources: ExpansionSources): string[] {
  const resources = IndexResources.of(index);
  const statistics = resources.statistics;
  const isCorpusWord = (phrase: string) => {
    const tokens = tokenizeForSearch(phrase);
    return tokens.length === 1 && statistics.frequency(tokens[0]!) > 0;
  };
  const glossaryOptions: Parameters<typeof expandQuery>[1] = {
    keep: (entry, match) => {
      const share = statistics.entryShare(entry);
      if (!isLearnerEntry(entry)) return share <= UBIQUITOUS_CONCEPT_SHARE;
      // A learner's word bridges to the documents' term only where the documents never use that
      // word: one they use (投资) already finds its own passages, and its "synonym" (金融) drifts.
      // A phrase of several words is rarely in the documents as such, whatever its words.
      return share <= LEARNER_CONCEPT_SHARE && !isCorpusWord(match.surface);
    },
  };
  const expansions = expandQuery(query, glossaryOptions);
  // "generative modle": a misspelt word inside a term of several words hides the whole term from
  // the glossary; the question with its Latin words repaired is read for terms too.
  if (sources.typos !== false) {
    const repaired = resources.typoRepaired(query);
    if (repaired !== query)
      for (const term of expandQuery(repaired, glossaryOptions)) if (!expansions.includes(term)) expansions.push(term);
  }
  // A question describing a concept in its definition's words ("the model suddenly gets new skills
  // once it is big enough") also searches the documents' names of it, where they tell passages apart.
  const described = sources.definitions !== false ? describedConcept(query) : undefined;
  if (described) expansions.push(...tellingNames(described.docTerms, query, expansions, statistics));
  if (sources.dictionary !== false) {
    const seen = new Set(expansions);
    for (const term of dictionaryExpansions(query, () => resources.dictionary))
      if (!seen.has(term) && !query.includes(term)) expansions.push(term);
  }
  // One copy of the question's tokens for both (tokenizeForSearch copies its remembered tokens per call).
  const tokens = tokenizeForSearch(query);
  if (sources.associations !== false) {
    for (const term of associatedTerms(tokens, (token) => statistics.frequency(token)))
      if (!expansions.includes(term)) expansions.push(term);
  }
  if (sources.typos !== false) {
    for (const term of resources.typos.corrections(tokens, hanRunsOf(query), resources.isEnglishWord))
      if (!expansions.includes(term)) expansions.push(term);
    // "the Li Hongyi one": a Chinese name in pinyin searches the corpus word that sounds so (李宏毅).
    for (const { word } of resources.typos.romanizedNames(query, resources.isEnglishWord))
      if (!expansions.includes(word)) expansions.push(word);
  }
  return expansions;
}

/**
 * The documents' names of the concept a question describes in a learner's description's words
 * (conceptDescriptions.ts) that its other expansions lack, where they tell passages apart.
 */
export function descriptionExpansions(
  index: IndexSnapshot,
  query: string,
  expansions: readonly string[],
  sources: ExpansionSources,
): string[] {
  const described = sources.descriptions !== false ? describedByLearner(query) : undefined;
  return described ? tellingNames(described.docTerms, query, expansions, IndexResources.of(index).statistics) : [];
}

/**
 * The documents' names of a described concept that tell passages apart (at most
 * LEARNER_CONCEPT_SHARE of the chunks name each) and that neither the question nor its other
 * expansions already hold. A concept's names are distinct.
 */
function tellingNames(docTerms: readonly string[], query: string, expansions: readonly string[], statistics: TermStatistics): string[] {
  return docTerms.filter(
    (term) => statistics.conceptShare([term]) <= LEARNER_CONCEPT_SHARE && !expansions.includes(term) && !query.includes(term),
  );
}
