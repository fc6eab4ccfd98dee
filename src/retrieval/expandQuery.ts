import { findGlossaryMatches, termsOf, type GlossaryEntry, type GlossaryMatch } from "./glossary.js";

/**
 * Extra search terms for a query from the bilingual glossary: for every field term found in it,
 * the concept's names in the other language, its synonyms in the same language and its related
 * terms. Terms already present in the query are not repeated. Order follows the query, so the
 * result is deterministic. Words the glossary does not know add nothing. `keep` can leave out
 * concepts not worth expanding (the retriever drops those that fill most of the corpus).
 */
export function expandQuery(query: string, options: { keep?: (entry: GlossaryEntry, match: GlossaryMatch) => boolean } = {}): string[] {
  const present = query.toLowerCase();
  const matches = findGlossaryMatches(query);
  const seen = new Set(matches.map((m) => m.surface.toLowerCase()));
  const expansions: string[] = [];
  for (const match of matches) {
    for (const entry of match.entries) {
      if (options.keep && !options.keep(entry, match)) continue;
      if (entry.englishOnlyExpands && !/[a-z]/i.test(match.surface)) continue;
      for (const { term, key, latin } of expansionTermsOf(entry)) {
        // A Chinese term inside the query is already searched for; a latin one only as a whole word.
        if (seen.has(key) || (!latin && present.includes(key))) continue;
        seen.add(key);
        expansions.push(term);
      }
    }
  }
  return expansions;
}

interface ExpansionTerm {
  term: string;
  /** Lowercased. */
  key: string;
  /** Holds a latin letter. */
  latin: boolean;
}

/** An entry's terms (termsOf) lowercased once: the same few hundred entries are expanded question after question. */
const entryTerms = new WeakMap<GlossaryEntry, readonly ExpansionTerm[]>();

function expansionTermsOf(entry: GlossaryEntry): readonly ExpansionTerm[] {
  let terms = entryTerms.get(entry);
  if (!terms) {
    terms = termsOf(entry).map((term) => {
      const key = term.toLowerCase();
      return { term, key, latin: /[a-z]/.test(key) };
    });
    entryTerms.set(entry, terms);
  }
  return terms;
}
