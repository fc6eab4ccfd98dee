import associationData from "./learnedAssociations.json" with { type: "json" };

/**
 * Learners' words the documents never use, each with the field term that the passages answering
 * them hold (learnedAssociations.json: "机房" → 私有化, "squeezing" → 量化, "andrew" → 吴恩达) and,
 * where it differs, the term of the line in them that answers (a list item's, not its section's).
 * Learned from the tune split's questions and their gold passages by
 * `scripts/eval/learnAssociations.ts` (src/evaluation/associationLearning.ts says how); never
 * from the test split. A pair is kept only when questions from at least two independently
 * written question sets use it, and the field term is one of the glossary's or the concept
 * definitions' names, so what is learned is vocabulary, not one writer's wording.
 */
export interface LearnedAssociation {
  /** The learner's word, a search token (Simplified, lower case). */
  word: string;
  /** The field term's search token. */
  term: string;
  /** How many tune questions used the word with a gold passage holding the term. */
  support: number;
}

/** The field terms of each learner's word, in the table's order. */
export type AssociationsByWord = ReadonlyMap<string, readonly string[]>;

const LEARNED: AssociationsByWord = associationsByWord(associationData.associations);

export function associationsByWord(associations: readonly LearnedAssociation[]): AssociationsByWord {
  const map = new Map<string, string[]>();
  for (const { word, term } of associations) {
    const terms = map.get(word);
    if (terms) terms.push(term);
    else map.set(word, [term]);
  }
  return map;
}

/**
 * The field terms a question's tokens stand for: only for a word this index never uses (a word it
 * uses finds its own passages), and only terms this index holds. `frequency` is the index's
 * document frequency of a token.
 */
export function associatedTerms(
  tokens: readonly string[],
  frequency: (token: string) => number,
  learnedTable: AssociationsByWord = LEARNED,
): string[] {
  const terms: string[] = [];
  for (const token of tokens) {
    const learned = learnedTable.get(token);
    if (!learned || frequency(token) > 0) continue;
    for (const term of learned) if (frequency(term) > 0 && !terms.includes(term) && !tokens.includes(term)) terms.push(term);
  }
  return terms;
}
