import { numberedVariantsAbsent } from "./numberedVariant.js";
import type { IndexSnapshot } from "../store/types.js";
import { hanRunsOf } from "../text/codePointKinds.js";
import { tokenizeForSearch, tokenizeJoined } from "../text/tokenize.js";
import { contentTermGroups, type TermGroup } from "./abstention.js";
import { describedConcept } from "./conceptDefinitions.js";
import { describedByLearner } from "./conceptDescriptions.js";
import { findGlossaryMatches } from "./glossary.js";
import { glossStemsOf } from "./glossStems.js";
import { IndexResources } from "./indexResources.js";
import { isLearnerEntry, stemOf } from "./learnerPhrases.js";
import { detailFocus, heldGroups, topicEvidence, type TopicEvidence } from "./questionEvidence.js";
import { LEARNER_CONCEPT_SHARE, type ExpansionSources } from "./questionExpansions.js";
import type { Ranked } from "./ranking.js";
import { materialsLanguage } from "./materialsLanguages.js";
import { isOffFieldWord } from "./offFieldSubject.js";
import { reorderedCorpusName } from "./reorderedNames.js";
import { unknownNames } from "./unknownNames.js";
import type { Passage, QueryAnalysis } from "./types.js";

const HAN_ONLY = /^\p{Script=Han}+$/u;
/** Top passages whose words count as the evidence for a question. */
const EVIDENCE_PASSAGES = 5;

/**
 * What the confidence of an answer reads of a question against its passages: its content terms
 * (a misspelt word judged as the corpus word it stands for), their evidence in the top passages,
 * the names no passage uses, and whether its learners' words or repaired names were found.
 * The re-ranker and the evidence score of one request read the same term groups: the last
 * question's are kept, so they are built once.
 */
export class QuestionJudge {
  private last?: { index: IndexSnapshot; query: string; judged: string; groups: readonly TermGroup[] };

  constructor(private readonly sources: ExpansionSources) {}

  /** The question's content terms with their idf weights, read on the repaired question. */
  termGroups(index: IndexSnapshot, query: string): readonly TermGroup[] {
    const last = this.last;
    if (last?.index === index && last.query === query) return last.groups;
    const judged = this.repaired(index, query);
    const groups = contentTermGroups(judged, tokenizeForSearch, IndexResources.of(index).statistics);
    this.last = { index, query, judged, groups };
    return groups;
  }

  /** The question with its misspelt words repaired (kept with the term groups: both are read per request). */
  repaired(index: IndexSnapshot, query: string): string {
    const last = this.last;
    if (last?.index === index && last.query === query) return last.judged;
    const resources = IndexResources.of(index);
    return this.sources.typos !== false ? resources.typoRepaired(query) : query;
  }

  /**
   * Evidence of the question's own words in the top passages (questionEvidence.ts topicEvidence),
   * read from the re-ranker's marks of these same term groups when it left them (Ranked.groupMarks).
   */
  evidence(
    index: IndexSnapshot,
    query: string,
    matches: readonly Passage[],
    topDense: number,
    groupMarks?: Ranked["groupMarks"],
  ): TopicEvidence {
    if (matches.length === 0) return { evidence: 0, nothingOnTopic: true, onlyEverydayWords: false };
    const groups = this.termGroups(index, query);
    const passages = matches.slice(0, EVIDENCE_PASSAGES);
    // Marks of another question's groups say nothing of these: only the very groups judged here.
    const held = groupMarks?.groups === groups ? heldGroups(passages, groupMarks.marks) : undefined;
    if (held !== undefined) return topicEvidence(groups, held, topDense);
    const statistics = IndexResources.of(index).statistics;
    return topicEvidence(
      groups,
      passages.map((passage) => statistics.tokensOf(passage.chunk)),
      topDense,
    );
  }

  /**
   * Whether a top passage holds an expansion of the question from the learners' layer, a concept
   * it describes, or a Chinese homophone fix, and one that says something: held by at most LEARNER_CONCEPT_SHARE of
   * the chunks (模型 is in nearly every passage).
   */
  expansionsFound(index: IndexSnapshot, query: string, analysis: QueryAnalysis, matches: readonly Passage[]): boolean {
    const resources = IndexResources.of(index);
    const statistics = resources.statistics;
    // Not the dictionary's candidates: an English word's Chinese renderings (change → 变化) reach
    // passages whatever the question is about.
    const learners = findGlossaryMatches(query)
      .flatMap((m) => m.entries)
      .filter(isLearnerEntry)
      .flatMap((entry) => [...entry.en, ...entry.zh]);
    // A Chinese name misspelt by a homophone, of three characters or more (吴恩打): a two-character
    // one (剪指 → 剪枝) is as likely a coincidence in an off-topic question. (A misspelt Latin word is
    // judged as its correction by the evidence already.)
    const typos = (this.sources.typos !== false ? resources.typos.corrections([], hanRunsOf(query)) : []).filter(
      (term) => HAN_ONLY.test(term) && Array.from(term).length >= 3,
    );
    // Nor a concept the question describes in its definition's words (conceptDefinitions.ts) or a
    // learner's description's (conceptDescriptions.ts): found, it makes a refusal low, never high.
    const described = [
      ...(this.sources.definitions !== false ? (describedConcept(query)?.docTerms ?? []) : []),
      ...(this.sources.descriptions !== false ? (describedByLearner(query)?.docTerms ?? []) : []),
    ];
    const own = new Set([...learners, ...typos, ...described]);
    const telling = tokenizeJoined(analysis.expansions.filter((term) => own.has(term))).filter(
      (t) =>
        Array.from(t).length >= 2 &&
        statistics.frequency(t) > 0 &&
        statistics.frequency(t) <= statistics.chunkCount * LEARNER_CONCEPT_SHARE,
    );
    const top = matches.slice(0, EVIDENCE_PASSAGES).map((passage) => statistics.tokensOf(passage.chunk));
    return telling.some((t) => top.some((tokens) => tokens.has(t)));
  }

  /** Names the question uses that no passage does, read on the question with its misspellings repaired. */
  unknownNames(index: IndexSnapshot, query: string): string[] {
    const used = this.latinWordUsed(index);
    // "The English/Chinese reading list": the materials' languages are no unknown names (materialsLanguages.ts).
    // 3Blue1Brown where the list writes 3brown1blue: the same name, its runs reordered (reorderedNames.ts).
    // A Chinese thing studied (摄影新手) is unknown only when it is off the field (offFieldSubject.ts).
    const resources = IndexResources.of(index);
    const statistics = resources.statistics;
    const inCorpus = (token: string) => statistics.frequency(token) > 0;
    const repaired = this.repaired(index, query);
    const names = unknownNames(
      repaired,
      (token) => used(token) || materialsLanguage(token) || reorderedCorpusName(token, inCorpus),
      (word) => isOffFieldWord(word, statistics),
    );
    // "公开课第一季" of a course the documents name only as 第二季: a variant they never name (numberedVariant.ts).
    const variants = numberedVariantsAbsent(repaired, () => resources.numberedUnits);
    if (this.sources.typos === false || names.length === 0) return [...names, ...variants];
    const typos = resources.typos;
    // "Li Hongyi": a name in pinyin of a corpus word (李宏毅) is one the documents name (typoCorrection.ts).
    const romanized = new Set(typos.romanizedNames(repaired, resources.isEnglishWord).flatMap((found) => found.words));
    // "那份五街段的指南": jieba reads 五街 as a place, but 街段 is a homophone typo of 阶段 (typoCorrection.ts).
    return [
      ...names.filter(
        (name) =>
          !romanized.has(name) && (!HAN_ONLY.test(name) || !insideHomophoneTypo(repaired, name, (run) => typos.homophoneWindows(run))),
      ),
      ...variants,
    ];
  }

  /**
   * Whether the corpus uses a Latin token: a passage holds it, as part of a compound (Java+Python),
   * misspelt, or in Chinese through the dictionary (FAQ → 常见问题, worth → 价值).
   */
  latinWordUsed(index: IndexSnapshot): (token: string) => boolean {
    const resources = IndexResources.of(index);
    const statistics = resources.statistics;
    return (token) =>
      statistics.frequency(token) > 0 ||
      statistics.usedAsPart(token) ||
      (this.sources.typos !== false && resources.typos.nearCorpusWord(token)) ||
      (this.sources.dictionary !== false && /^[a-z]+$/.test(token) && resources.dictionary.englishCandidates([token], 1).length > 0);
  }

  /** The passages a detail must be found beside (questionEvidence.ts detailFocus). */
  focus(
    index: IndexSnapshot,
    query: string,
    passages: readonly Passage[],
    options: { titleOnly?: boolean; naming?: readonly string[] },
  ): { chunkIds: string[]; terms: string[] } | undefined {
    const statistics = IndexResources.of(index).statistics;
    const naming = options.naming && new Set(options.naming);
    // "GitHub" is searched as github, git and hub too: its pieces name the document as it does.
    const namesDocument = (token: string) =>
      naming !== undefined && (naming.has(token) || (/^[a-z0-9]+$/u.test(token) && [...naming].some((word) => word.includes(token))));
    const groups = options.titleOnly
      ? []
      : naming
        ? this.termGroups(index, query).filter((g) => !g.tokens.some(namesDocument))
        : this.termGroups(index, query);
    return detailFocus(query, passages, groups, (chunk) => statistics.tokensOf(chunk));
  }

  /**
   * Whether a question's English words reach a Chinese word: it is among the expansions, or one
   * of its CC-CEDICT glosses is a word (or two) of the question, compared on Porter stems.
   */
  englishReach(index: IndexSnapshot, query: string, analysis: QueryAnalysis): (word: string) => boolean {
    const expanded = new Set(tokenizeJoined(analysis.expansions));
    const asked = new Set((query.toLowerCase().match(/[a-z]+/g) ?? []).map(stemOf));
    const dictionary = this.sources.dictionary !== false ? IndexResources.of(index).dictionary : undefined;
    return (word) =>
      expanded.has(word) ||
      (dictionary !== undefined && glossStemsOf(dictionary, word).some((stems) => stems.every((stem) => asked.has(stem))));
  }
}

/** Whether a Chinese name overlaps, in a Han run of the question, a window that is a homophone typo of a corpus word. */
function insideHomophoneTypo(question: string, name: string, windows: (run: string) => string[]): boolean {
  for (const run of question.match(/\p{Script=Han}+/gu) ?? []) {
    const at = run.indexOf(name);
    if (at < 0) continue;
    for (const window of windows(run)) {
      const from = run.indexOf(window);
      if (from < at + name.length && at < from + window.length) return true;
    }
  }
  return false;
}
