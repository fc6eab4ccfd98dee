/**
 * "The English/Chinese reading list", "the English list", "English-and-Chinese": learners name a
 * document by the languages its materials are written in. The documents are Chinese and list many
 * English titles, so English names how their materials are written, not a thing they never name,
 * though no passage writes the word (they say 中英 at most). Read by the unknown-name check
 * (questionJudge.ts) beside the corpus's own words. Any other language (Spanish, Japanese) stays a
 * name the documents never use.
 */
const MATERIALS_LANGUAGES: ReadonlySet<string> = new Set(["english", "chinese", "mandarin", "bilingual"]);

/** Whether a Latin token names a language the documents' materials are written in. */
export function materialsLanguage(token: string): boolean {
  return MATERIALS_LANGUAGES.has(token);
}
