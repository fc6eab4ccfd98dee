import { isEverydayWord } from "../text/everydayWords.js";
import type { GeneralIdf } from "../text/generalIdf.js";
import { chineseNouns, tokenizeForSearch } from "../text/tokenize.js";
import type { TermGroup } from "./abstention.js";
import conceptUnitData from "./conceptUnits.json" with { type: "json" };
import { GLOSSARY } from "./glossary.js";
import { LEARNER_ENTRIES } from "./learnerPhrases.js";
import learnerPhraseTokenData from "./learnerPhraseTokens.json" with { type: "json" };
import type { TermStatistics } from "./termStatistics.js";

/**
 * A question whose subject lies outside the field: "报税的时候要准备哪些文件", "王者荣耀单排怎么快速上分",
 * "考研数学二有啥复习计划推荐". Its own subject (报税, 王者荣耀, 考研) is named by no document and by none
 * of the project's vocabularies of the field, and the passages retrieval found share with it only
 * words that everyday language uses as much as the documents do (准备, 快速, 计划, 方法): what they
 * match is how the question is asked, never what it asks about. Such a question is answered `low`
 * at best (confidence.ts).
 *
 * Two tests, both read from resources, never from questions:
 *   - off-field nouns: content words of the question that jieba tags as nouns, that no chunk
 *     contains, and that are no word of the field's vocabularies (the glossary, the learners'
 *     phrases, the concepts' definitions and learners' descriptions of them, all written blind
 *     from the documents). Learners' paraphrases of the field use those vocabularies' words
 *     ("机房" is not, but "模型太大了怎么变小" is); a subject of its own brings at least two
 *     such nouns (雅思 and 口语; 王者 and 单排), where a paraphrase or a typo brings one.
 *   - no field word found: no word of the question in the top passages is one the corpus uses
 *     markedly more than the general language does. Its keyness, ln(share of chunks holding it)
 *     + its general-language idf (text/generalIdf.ts), is the log of how many times more often
 *     the corpus uses it: 模型 ≈ 6.5, 阶段 ≈ 5.0, 入门 ≈ 7.9; 快速 ≈ 2.6, 背景 ≈ 2.6, 计划 ≈ 0.4.
 * The two thresholds were cross-validated on tune (tests/eval/README.md, session 17, q17o).
 */

/** Off-field nouns that make a subject of its own (one is as likely a learner's paraphrase or a typo). */
export const OFF_FIELD_NOUNS = 2;
/** Keyness from which a word found in the passages is the field's own (about e^4.5 ≈ 90 times the general rate). */
export const FIELD_KEYNESS = 4.5;

export interface FieldSubject {
  /** The question's nouns no chunk and no vocabulary of the field names. */
  offFieldNouns: string[];
  /** Whether the top passages hold a word of the question the corpus uses markedly more than the general language. */
  fieldWordFound: boolean;
}

/** What a question's words say of the field: a subject outside it, or the field in words of its own. */
export interface FieldReading {
  /** The question's off-field nouns, when it has OFF_FIELD_NOUNS of them (most questions: none, no tagging). */
  subject?: FieldSubject;
  /**
   * A question about the field in words of its own: every word of it is the documents', the field's
   * vocabularies' or everyday language's (none is a subject of its own, 股票 in "股票投资怎么入门"),
   * and the top passages hold a field word of it (fieldWordFound). Thin evidence is then enough
   * (thinEvidence.ts).
   */
  paraphrase: boolean;
}

/**
 * The question's off-field words read once, for both readings: with none, whether it is the field
 * in its own words; with OFF_FIELD_NOUNS or more that jieba tags as nouns, its subject outside the
 * field and whether a field word of it is in the top passages. `judgedQuery` is the text its term
 * groups were read from; `general` gives the index's general-language idf
 * (IndexResources.generalIdf), asked only when the keyness is read.
 */
export function fieldReading(
  judgedQuery: string,
  groups: readonly TermGroup[],
  top: readonly ReadonlySet<string>[],
  statistics: TermStatistics,
  general: () => GeneralIdf,
  /** Which words may count for the field against a subject of the question's own (fieldWordSupport.ts). */
  subjectCounts: (token: string) => boolean = () => true,
  /** The groups that may show the field against the subject's nouns (questionReadings.ts: less the plan's words). */
  groupsAgainst: (subjects: readonly string[]) => readonly TermGroup[] = () => groups,
): FieldReading {
  const candidates = offFieldWords(groups, statistics);
  if (candidates.length === 0) return { paraphrase: fieldWordFound(groups, top, statistics, general) };
  if (candidates.length < OFF_FIELD_NOUNS) return { paraphrase: false };
  const nouns = new Set(chineseNouns(judgedQuery));
  const offFieldNouns = candidates.map((group) => group.label).filter((label) => nouns.has(label));
  if (offFieldNouns.length < OFF_FIELD_NOUNS) return { paraphrase: false };
  const found = fieldWordFound(groupsAgainst(offFieldNouns), top, statistics, general, undefined, subjectCounts);
  return { subject: { offFieldNouns, fieldWordFound: found }, paraphrase: false };
}

/**
 * Whether the top passages hold a word of the question that the corpus uses markedly more than the
 * general language does (keyness ≥ FIELD_KEYNESS; an everyday word alone never counts): what they
 * share with the question is the field's, not how it is asked.
 */
export function fieldWordFound(
  groups: readonly TermGroup[],
  top: readonly ReadonlySet<string>[],
  statistics: TermStatistics,
  general: () => GeneralIdf,
  latinCounts: (token: string) => boolean = () => true,
  /** Which words may count at all (fieldWordSupport.ts: one the corpus uses in a few passages). */
  counts: (token: string) => boolean = () => true,
): boolean {
  const generalIdf = general();
  return groups.some(
    (group) =>
      !(group.tokens.length === 1 && isEverydayWord(group.tokens[0]!)) &&
      group.tokens.some(
        (token) =>
          statistics.frequency(token) > 0 &&
          top.some((tokens) => tokens.has(token)) &&
          fieldKeyness(token, statistics, generalIdf) >= FIELD_KEYNESS &&
          (!LATIN_TOKEN.test(token) || latinCounts(token)) &&
          counts(token),
      ),
  );
}

/** How much more the corpus uses a word than the general language does (log of its passage share, plus its general idf). */
export function fieldKeyness(token: string, statistics: TermStatistics, generalIdf: GeneralIdf): number {
  return Math.log(statistics.frequency(token) / statistics.chunkCount) + generalIdf.idf(token);
}

const LATIN_TOKEN = /^[a-z0-9][a-z0-9+#.'-]*$/;

let fieldLatinValue: ReadonlySet<string> | undefined;

/**
 * Whether a Latin word is one of the field's own names: a one-word English name in the glossary
 * (llm, rag, lora, transformer). jieba's general idf has no English, so every Latin word the corpus
 * holds reads as key to it, "exam" (Kaggle's LLM Science Exam) and "git" (github.com) as much as
 * "lora"; only the field's vocabulary says which are the field's.
 */
export function isFieldLatinWord(token: string): boolean {
  fieldLatinValue ??= new Set(GLOSSARY.flatMap((entry) => entry.en.filter((name) => !/\s/.test(name)).map((name) => name.toLowerCase())));
  return fieldLatinValue.has(token);
}

/** The question's Chinese words that no chunk, no everyday use and no vocabulary of the field names. */
export function offFieldWords(groups: readonly TermGroup[], statistics: TermStatistics): TermGroup[] {
  return groups.filter((group) => group.tokens.length === 1 && isOffFieldWord(group.tokens[0]!, statistics));
}

/** A Chinese word (two characters or more) that no chunk, no everyday use and no vocabulary of the field names. */
export function isOffFieldWord(word: string, statistics: TermStatistics): boolean {
  return HAN_WORD.test(word) && statistics.frequency(word) === 0 && !isEverydayWord(word) && !fieldVocabulary().has(word);
}

/** Whether the question's subject lies outside the field and the passages found say nothing of the field about it. */
export function subjectOutsideField(subject: FieldSubject | undefined): boolean {
  return subject !== undefined && subject.offFieldNouns.length >= OFF_FIELD_NOUNS && !subject.fieldWordFound;
}

const HAN_WORD = /^\p{Script=Han}{2,}$/u;

let vocabularyValue: ReadonlySet<string> | undefined;

/**
 * The field's words in the documents' and the learners' Chinese: the glossary's and the learners'
 * layer's names (whole and tokenized), the learners' phrases' tokens, and the units of the
 * concepts' definitions and descriptions. Built once, on first use.
 */
function fieldVocabulary(): ReadonlySet<string> {
  if (vocabularyValue) return vocabularyValue;
  const words = new Set<string>();
  for (const entry of [...GLOSSARY, ...LEARNER_ENTRIES.map((learner) => learner.entry)])
    for (const name of entry.zh) {
      words.add(name);
      for (const token of tokenizeForSearch(name)) words.add(token);
    }
  for (const tokens of Object.values(learnerPhraseTokenData.tokens as Record<string, string[]>))
    for (const token of tokens) words.add(token);
  for (const units of Object.values(conceptUnitData.units as Record<string, string[]>)) for (const unit of units) words.add(unit);
  return (vocabularyValue = words);
}
