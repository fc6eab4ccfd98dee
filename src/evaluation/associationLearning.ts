import type { LearnedAssociation } from "../retrieval/learnedAssociations.js";

/** A gold passage, or a gold line of one: an id, and its content tokens. */
export interface GoldText {
  id: string;
  tokens: ReadonlySet<string>;
}

/** One answerable tune question, as the association learner sees it. */
export interface AssociationExample {
  /** The question's content tokens (search tokens, fillers and stop words left out). */
  questionTokens: ReadonlySet<string>;
  /** Each gold passage: an id, and its content tokens (heading path and text). */
  goldPassages: readonly GoldText[];
  /**
   * The gold lines: each line of a gold passage where a gold quote stands (a list item, a link line,
   * a bullet's explanation), with an id of its own; a passage that is gold by its heading stands for
   * its line. Without them the example teaches passage terms only.
   */
  goldLines?: readonly GoldText[];
  /** The question set it was written in: a pair must be seen in two sets written apart. */
  questionSet: string;
}

export interface AssociationThresholds {
  /** Questions that use the word with a gold passage holding the term (2). */
  minQuestions: number;
  /** Distinct gold passages holding the term among them (2): one passage is a topic, not a word. */
  minPassages: number;
  /** Question sets, written apart, the pair is seen in (2). */
  minSets: number;
  /** P(term in the gold | word in the question) over P(term in a passage): how much the word tells (10). */
  minLift: number;
  /** P(term in the gold | word in the question) itself (2/3): a generic word ("actually") goes with many topics. */
  minConditional: number;
  /** Terms kept per word, strongest first (1). */
  perWord: number;
}

export const DEFAULT_ASSOCIATION_THRESHOLDS: AssociationThresholds = {
  minQuestions: 2,
  minPassages: 2,
  minSets: 2,
  minLift: 10,
  minConditional: 2 / 3,
  perWord: 1,
};

export interface AssociationCorpus {
  /** Passages of the index holding a token (its document frequency). */
  frequency(token: string): number;
  /** Passages in the index. */
  passageCount: number;
  /** Whether a token is a field term: a whole glossary or concept-definition name that is one search token (lora, 私有化). */
  isFieldTerm(token: string): boolean;
}

/**
 * Learned associations between the words learners use and the documents never do, and the field
 * terms of the text that answers them, learned twice: from the gold passages and from the gold
 * lines, and joined (a word keeps its passage term and, when it differs, its line term). A long
 * passage's strongest term is often its section's (its heading's), shared by every item of the
 * section; the line's is the term of the list item, link line or explanation the learner meant, so
 * the expansion also points at the item. Ordered by word, a word's passage term first.
 */
export function learnAssociations(
  examples: readonly AssociationExample[],
  corpus: AssociationCorpus,
  thresholds: AssociationThresholds = DEFAULT_ASSOCIATION_THRESHOLDS,
): LearnedAssociation[] {
  const byPassage = learnPairs(
    examples.map((e) => ({ ...e, gold: e.goldPassages })),
    corpus,
    thresholds,
  );
  const byLine = learnPairs(
    examples.map((e) => ({ ...e, gold: e.goldLines ?? [] })),
    corpus,
    thresholds,
  );
  const seen = new Set(byPassage.map((a) => `${a.word}\t${a.term}`));
  const joined = [...byPassage, ...byLine.filter((a) => !seen.has(`${a.word}\t${a.term}`))];
  // Stable: a word's passage term stays before its line term.
  return joined.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}

/**
 * For every question word the corpus never uses and every field term of its gold texts that the
 * question does not already hold, count the questions, gold texts and question sets the pair is
 * seen in; keep the pairs seen often enough, in more than one set, whose term is much likelier in
 * the gold than in any passage (lift), strongest first (conditional probability times the term's
 * idf). Deterministic: ties go by term.
 */
function learnPairs(
  examples: readonly { questionTokens: ReadonlySet<string>; gold: readonly GoldText[]; questionSet: string }[],
  corpus: AssociationCorpus,
  thresholds: AssociationThresholds,
): LearnedAssociation[] {
  const questionsWithWord = new Map<string, number>();
  const pairs = new Map<string, Map<string, { questions: number; passages: Set<string>; sets: Set<string> }>>();
  for (const example of examples) {
    const goldTerms = new Set<string>();
    for (const passage of example.gold) for (const token of passage.tokens) if (corpus.isFieldTerm(token)) goldTerms.add(token);
    for (const word of example.questionTokens) {
      if (corpus.frequency(word) > 0) continue;
      questionsWithWord.set(word, (questionsWithWord.get(word) ?? 0) + 1);
      let byTerm = pairs.get(word);
      if (!byTerm) pairs.set(word, (byTerm = new Map<string, { questions: number; passages: Set<string>; sets: Set<string> }>()));
      for (const term of goldTerms) {
        if (example.questionTokens.has(term)) continue;
        let pair = byTerm.get(term);
        if (!pair) byTerm.set(term, (pair = { questions: 0, passages: new Set(), sets: new Set() }));
        pair.questions++;
        pair.sets.add(example.questionSet);
        for (const passage of example.gold) if (passage.tokens.has(term)) pair.passages.add(passage.id);
      }
    }
  }
  const associations: LearnedAssociation[] = [];
  for (const [word, byTerm] of pairs) {
    const kept: { term: string; strength: number; support: number }[] = [];
    for (const [term, pair] of byTerm) {
      if (pair.questions < thresholds.minQuestions || pair.passages.size < thresholds.minPassages) continue;
      if (pair.sets.size < thresholds.minSets) continue;
      const conditional = pair.questions / questionsWithWord.get(word)!;
      const share = corpus.frequency(term) / corpus.passageCount;
      if (conditional / share < thresholds.minLift || conditional < thresholds.minConditional) continue;
      kept.push({ term, strength: conditional * Math.log(1 / share), support: pair.questions });
    }
    kept.sort((a, b) => b.strength - a.strength || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    for (const { term, support } of kept.slice(0, thresholds.perWord)) associations.push({ word, term, support });
  }
  return associations.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}
