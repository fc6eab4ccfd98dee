import { stemmer } from "stemmer";
import { BadInput } from "../errors.js";
import type { IndexSnapshot } from "../store/types.js";
import { normalizeNumberRanges } from "../text/numberRange.js";
import { mainlandPhrases, toSimplified } from "../text/script.js";
import { tokenizeForSearch, tokenizeJoined } from "../text/tokenize.js";
import { contentTermGroups, type TermGroup } from "./abstention.js";
import { detailsAsked } from "./detailKinds.js";
import { contentSegments, questionShape } from "./analyzeQuery.js";
import { dictionaryExpansions } from "./dictionaryExpansion.js";
import { englishStage } from "./englishStageName.js";
import { expandQuery } from "./expandQuery.js";
import { findGlossaryMatches } from "./glossary.js";
import { isLearnerEntry } from "./learnerPhrases.js";
import { LEADING_PASSAGES, learnerConceptFound } from "./learnerConcept.js";
import { IndexResources } from "./indexResources.js";
import { allowedDocumentIds, chunkAllowed } from "./filters.js";
import { reciprocalRankFusion, selectDiverse } from "./fusion.js";
import { recentByChunk } from "./recentByChunk.js";
import { linkedNotePassages } from "./linkedNotePassages.js";
import { detailFocus, topicEvidence, type TopicEvidence } from "./questionEvidence.js";
import {
  candidateFeatures,
  documentVotes,
  hanBigramCodes,
  RERANK_DEPTH,
  rerankFused,
  tokenGroupMasks,
  type RerankContext,
  type RerankModel,
} from "./rerank.js";
import { RERANK_MODEL } from "./rerankModel.js";
import { roadmapContext } from "./roadmapContext.js";
import { namingTokens, referencedRoadmap } from "./roadmapProfile.js";
import { unknownNames } from "./unknownNames.js";
import { stageOrdinal } from "./stageReference.js";
import type { Passage, QueryAnalysis, RetrievalResult, RetrieveOptions, Retriever } from "./types.js";

export interface HybridRetrieverOptions {
  /** The live index (any store); called once per request so a swapped index is picked up. */
  index: () => IndexSnapshot;
  /** Default number of passages (config RETRIEVAL_K). */
  k: number;
  maxChunksPerSection: number;
  /** Evidence under which a result is weak (config ABSTAIN_THRESHOLD). */
  abstainThreshold: number;
  /** Expand with CC-CEDICT terms of the corpus vocabulary (default true; see fieldDictionary.ts). */
  dictionary?: boolean;
  /** Add corpus words a misspelt question word probably meant (default true; see typoCorrection.ts). */
  typos?: boolean;
  /** Re-order the fused candidates with this learned model (default RERANK_MODEL; false: RRF order). */
  rerank?: RerankModel | false;
}

/** A fused candidate with the re-ranker's features, for fitting the model (scripts/eval/fitReranker.ts). */
export interface RankedCandidate {
  chunk: Passage["chunk"];
  features: number[];
}

/** Candidates fetched from each ranking per passage wanted. */
const OVERFETCH = 4;
const MIN_CANDIDATES = 24;
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
const LEARNER_CONCEPT_SHARE = 0.2;
const HAN_RUNS = /\p{Script=Han}+/gu;
const HAN_ONLY = /^\p{Script=Han}+$/u;
/** Top passages whose words count as the evidence for a question. */
const EVIDENCE_PASSAGES = 5;

/** What ranking reads of a question's analysis. */
type Expanded = Pick<QueryAnalysis, "expansions">;

interface Ranked {
  passages: Passage[];
  /** Every fused candidate id, best first (before dedupe and cap). */
  fusedIds: string[];
  topDenseSimilarity: number;
}

/**
 * Dense + lexical retrieval fused by reciprocal rank, for both languages: the question is
 * expanded with the bilingual glossary (so "book" also searches 书籍 and 微调 also "fine-tuning"),
 * then the dense ranking and the BM25 ranking of the expanded question are fused. (A third BM25
 * ranking of the question as written was tried and hurt: for an English question over Chinese
 * text it mostly matches English words in link titles.) Near-duplicates go, each section gives
 * at most maxChunksPerSection passages. retrieve() adds the roadmap context of sequence
 * questions, linked notes and the evidence score.
 */
export class HybridRetriever implements Retriever {
  /** The term groups of the last question judged (see judgedTermGroups). */
  private lastTermGroups?: { index: IndexSnapshot; query: string; judged: string; groups: readonly TermGroup[] };

  constructor(private readonly options: HybridRetrieverOptions) {}

  analyzeQuestion(question: string): QueryAnalysis {
    return this.analyze(this.options.index(), searchForm(question));
  }

  async search(question: string, options: RetrieveOptions = {}): Promise<Passage[]> {
    const index = this.options.index();
    const query = searchForm(question);
    // Ranking reads only the expansions: the question's shape (topic, sequence, language) is for retrieve().
    return (await this.rank(index, query, { expansions: this.expansionsOf(index, query) }, options)).passages;
  }

  /** The first RERANK_DEPTH fused candidates in RRF order with their features (no re-ranking). */
  async rankedCandidates(question: string): Promise<RankedCandidate[]> {
    const index = this.options.index();
    const query = searchForm(question);
    const collected: RankedCandidate[] = [];
    // The product's k, so the candidate pool (and each candidate's ranks) is the one the model will see.
    await this.rank(index, query, { expansions: this.expansionsOf(index, query) }, {}, collected);
    return collected;
  }

  async retrieve(question: string, options: RetrieveOptions = {}): Promise<RetrievalResult> {
    const index = this.options.index();
    // Traditional characters are read as Simplified everywhere below (cues, glossary, topic).
    const query = searchForm(question);
    const analyzed = this.analyze(index, query);
    const asked = detailsAsked(query);
    const allowed = allowedDocumentIds(index.documents, options.filters);
    const documents = allowed ? index.documents.filter((d) => allowed.has(d.id)) : index.documents;
    const profiles = IndexResources.of(index).profiles.filter((p) => !allowed || allowed.has(p.doc.id));
    // A title is named in the question's own words or through its English ones translated (guide →
    // 指南), not through what its Chinese words expand to (入门 → 新手, a word of one title), nor
    // through another English name of a concept ("agents" → "LLM Powered Autonomous Agents": llm).
    const fromChinese = new Set(expandQuery(query.replace(/[A-Za-z][A-Za-z0-9'’+#.-]*/g, " ")));
    const titleTerms = new Set(tokenizeJoined([query, ...analyzed.expansions.filter((e) => !fromChinese.has(e) && HAN.test(e))]));
    const byShape = referencedRoadmap(query, titleTerms, profiles);
    // "the application practice stage": a stage named in English through its name's words. Its
    // Chinese heading is searched for, a sequence question is about it, and it names its roadmap.
    const statedOrdinal = stageOrdinal(query);
    const english = statedOrdinal ? undefined : englishStage(query, () => this.englishReach(index, query, analyzed), profiles, byShape);
    const analysis: QueryAnalysis = english
      ? { ...analyzed, expansions: [...analyzed.expansions, english.heading], ...(analyzed.sequence ? { topic: english.name } : {}) }
      : analyzed;
    const named = byShape ?? english?.profile;
    const ranked = await this.rank(index, query, analysis, options);
    let matches = ranked.passages;
    if (named) {
      // A question naming a roadmap by its shape is answered from that roadmap first.
      const own = await this.rank(index, query, analysis, { ...options, filters: { documents: [named.doc.id] } });
      const ids = new Set(own.passages.map((p) => p.chunk.id));
      matches = [...own.passages, ...matches.filter((p) => !ids.has(p.chunk.id))];
    }

    const statistics = IndexResources.of(index).statistics;
    const { roadmap, context, ordinal, askedPart, roadmapOutline, stageParts } = roadmapContext(
      { query, analysis, statedOrdinal, named, englishStageName: english?.name, asked },
      { documents, chunks: index.chunks, profiles, tokensOf: (chunk) => statistics.tokensOf(chunk) },
      matches,
    );
    const inContext = new Set(context.map((p) => p.chunk.id));
    // The roadmap context answers a sequence question most directly, so it leads; the list
    // keeps k passages in all (linked notes come on top: they are few and only follow a link).
    const k = options.k ?? this.options.k;
    const passages = [...context, ...matches.filter((p) => !inContext.has(p.chunk.id))].slice(0, k);
    const notes = linkedNotePassages({
      matches: passages,
      documents: index.documents,
      chunks: index.chunks,
      preference: ranked.fusedIds,
      allowed: (chunk) => chunkAllowed(chunk, allowed),
      language: analysis.language,
    });

    const { evidence, nothingOnTopic, onlyEverydayWords } = this.evidence(index, query, matches, ranked.topDenseSimilarity);
    const tooWeak = nothingOnTopic || evidence < this.options.abstainThreshold;
    // The evidence counts the question's own words and the glossary's names. A question in
    // learners' words (刚开始学这块 → 入门) or with a misspelt name (吴恩打) reaches its passages
    // only through its expansions: found there, it is on topic but thinly supported, so it is
    // answered as low, never refused.
    const throughExpansions = tooWeak && this.expansionsFound(index, query, analysis, matches);
    // A question naming a roadmap by its shape or origin (三阶段方法论, the GitHub one) has those
    // words as its rarest terms: they say which document, and the detail may be anywhere in it,
    // unless the question names a 《book》 of it: then the book is what the detail is about.
    // Only a question asking for a detail needs its subject's passages (confidence.ts).
    const focus = asked.length === 0 ? undefined : this.focusOf(index, query, [...passages, ...notes], named ? { titleOnly: true } : {});
    return {
      query,
      analysis,
      passages: [...passages, ...notes],
      roadmap,
      evidence,
      weak: tooWeak && !throughExpansions,
      ...(throughExpansions ? { onlyThroughExpansions: true } : {}),
      ...(onlyEverydayWords ? { onlyEverydayWordsFound: true } : {}),
      ...(named ? { namedRoadmap: { docId: named.doc.id, title: named.doc.title } } : {}),
      ...(byShape ? { namingTerms: namingTokens(query, titleTerms, byShape) } : {}),
      ...(ordinal ? { stageOrdinal: ordinal } : {}),
      ...(roadmapOutline ? { roadmapOutline } : {}),
      ...(askedPart ? { askedPart } : {}),
      ...(stageParts ? { stageParts } : {}),
      ...(focus ? { focusChunkIds: focus.chunkIds, focusTerms: focus.terms } : {}),
      ...this.unknownNamesOf(index, query),
      ...(learnerConceptFound(
        query,
        passages.slice(0, LEADING_PASSAGES).map((p) => statistics.tokensOf(p.chunk)),
      )
        ? { learnerConceptFound: true }
        : {}),
      judgedQuery: this.repaired(index, query),
    };
  }

  /**
   * Whether a question's English words reach a Chinese word: it is among the expansions, or one
   * of its CC-CEDICT glosses is a word (or two) of the question, compared on Porter stems.
   */
  private englishReach(index: IndexSnapshot, query: string, analysis: QueryAnalysis): (word: string) => boolean {
    const expanded = new Set(tokenizeJoined(analysis.expansions));
    const asked = new Set((query.toLowerCase().match(/[a-z]+/g) ?? []).map((w) => stemmer(w)));
    const dictionary = this.options.dictionary !== false ? IndexResources.of(index).dictionary : undefined;
    return (word) =>
      expanded.has(word) || (dictionary?.glossKeysOf(word).some((key) => key.split(/[\s-]+/).every((w) => asked.has(stemmer(w)))) ?? false);
  }

  /**
   * Whether a top passage holds an expansion of the question from the learners' layer or a
   * Chinese homophone fix, and one that says something: held by at most LEARNER_CONCEPT_SHARE of
   * the chunks (模型 is in nearly every passage).
   */
  private expansionsFound(index: IndexSnapshot, query: string, analysis: QueryAnalysis, matches: readonly Passage[]): boolean {
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
    const typos = (this.options.typos !== false ? resources.typos.corrections([], query.match(HAN_RUNS) ?? []) : []).filter(
      (term) => HAN_ONLY.test(term) && Array.from(term).length >= 3,
    );
    const own = new Set([...learners, ...typos]);
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
  private unknownNamesOf(index: IndexSnapshot, query: string): { unknownNames?: string[] } {
    const resources = IndexResources.of(index);
    const statistics = resources.statistics;
    // Used: by a passage, as part of a compound (Java+Python), or in Chinese through the dictionary (FAQ → 常见问题).
    const used = (token: string) =>
      statistics.frequency(token) > 0 ||
      statistics.usedAsPart(token) ||
      (this.options.typos !== false && resources.typos.nearCorpusWord(token)) ||
      (this.options.dictionary !== false && /^[a-z]+$/.test(token) && resources.dictionary.englishCandidates([token], 1).length > 0);
    const names = unknownNames(this.repaired(index, query), used);
    return names.length > 0 ? { unknownNames: names } : {};
  }

  /** The passages a detail must be found beside (questionEvidence.ts detailFocus). */
  private focusOf(
    index: IndexSnapshot,
    query: string,
    passages: readonly Passage[],
    options: { titleOnly?: boolean },
  ): { chunkIds: string[]; terms: string[] } | undefined {
    const statistics = IndexResources.of(index).statistics;
    const groups = options.titleOnly ? [] : this.judgedTermGroups(index, query);
    return detailFocus(query, passages, groups, (chunk) => statistics.tokensOf(chunk));
  }

  private async rank(
    index: IndexSnapshot,
    query: string,
    analysis: Expanded,
    options: RetrieveOptions,
    collect?: RankedCandidate[],
  ): Promise<Ranked> {
    if (query.trim() === "") throw new BadInput("The question is empty.");
    const k = options.k ?? this.options.k;
    if (!Number.isInteger(k) || k < 1) throw new BadInput("k must be a positive integer.");
    const allowed = allowedDocumentIds(index.documents, options.filters);
    const candidates = Math.min(index.chunks.length, Math.max(k * OVERFETCH, MIN_CANDIDATES));
    if (candidates === 0 || allowed?.size === 0) return { passages: [], fusedIds: [], topDenseSimilarity: 0 };

    const expanded = [query, ...analysis.expansions].join(" ");
    // The embedder and BM25 both tokenize `expanded`: from the question's and expansions' tokens, once.
    tokenizeJoined([query, ...analysis.expansions]);
    const dense = await this.denseRanking(index, expanded, candidates, allowed);
    const lexical = await index.lexicalSearch(expanded, candidates, allowed ? { documentIds: allowed } : undefined);

    let fused = reciprocalRankFusion([dense.map((d) => d.chunkId), lexical.map((h) => h.chunkId)]);
    const denseScore = mapOf(
      dense,
      (d) => d.chunkId,
      (d) => d.similarity,
    );
    const lexicalScore = mapOf(
      lexical,
      (hit) => hit.chunkId,
      (hit) => hit.score,
    );
    const model = this.options.rerank ?? RERANK_MODEL;
    if (model || collect) {
      const context = this.rerankContext(index, query, analysis, { dense, lexical, denseScore, lexicalScore, fused });
      const features = (entry: { id: string; score: number }) => {
        const chunk = index.chunkById.get(entry.id);
        return chunk ? candidateFeatures(chunk, entry, context) : undefined;
      };
      if (collect) {
        for (const entry of fused.slice(0, RERANK_DEPTH)) {
          const chunk = index.chunkById.get(entry.id);
          if (chunk) collect.push({ chunk, features: candidateFeatures(chunk, entry, context) });
        }
      } else if (model) fused = rerankFused(fused, model, features);
    }

    // Passages made as selectDiverse reads them: it stops at k, a few places into ~40 candidates.
    function* passages(): Generator<Passage> {
      for (const { id, score } of fused) {
        const chunk = index.chunkById.get(id);
        if (!chunk) continue;
        const passage: Passage = { chunk, score, role: "match" };
        const similarity = denseScore.get(id);
        if (similarity !== undefined) passage.denseScore = similarity;
        const bm25 = lexicalScore.get(id);
        if (bm25 !== undefined) passage.lexicalScore = bm25;
        yield passage;
      }
    }
    const diverse = selectDiverse(passages(), k, this.options.maxChunksPerSection);
    return {
      passages: diverse,
      fusedIds: fused.map((f) => f.id),
      topDenseSimilarity: dense.reduce((best, d) => Math.max(best, d.similarity), 0),
    };
  }

  private rerankContext(
    index: IndexSnapshot,
    query: string,
    analysis: Expanded,
    ranked: {
      dense: readonly { chunkId: string; similarity: number }[];
      lexical: readonly { chunkId: string; score: number }[];
      denseScore: ReadonlyMap<string, number>;
      lexicalScore: ReadonlyMap<string, number>;
      fused: readonly { id: string; score: number }[];
    },
  ): RerankContext {
    const { dense, lexical, fused } = ranked;
    const statistics = IndexResources.of(index).statistics;
    const own = new Set(tokenizeForSearch(query));
    const groups = this.judgedTermGroups(index, query);
    const expansionTokens = new Set(tokenizeJoined(analysis.expansions).filter((t) => !own.has(t) && t.length > 1));
    // Tokens no chunk holds are found in no candidate: looked up once here, not once per candidate.
    const inIndex = (token: string) => statistics.frequency(token) > 0;
    const groupsInIndex = groups.map((group) => ({ ...group, tokens: group.tokens.filter(inIndex) }));
    const expansionTokensInIndex = [...expansionTokens].filter(inIndex);
    return {
      groups,
      groupsInIndex,
      expansionTokensInIndex,
      // Candidates are read by term id: no token set per candidate (at 100k chunks most are not kept).
      termMarks: statistics.markTerms(
        groupsInIndex.map((group) => group.tokens),
        expansionTokensInIndex,
      ),
      expansionTokenCount: expansionTokens.size,
      denseRank: mapOf(
        dense,
        (d) => d.chunkId,
        (_, i) => i + 1,
      ),
      lexicalRank: mapOf(
        lexical,
        (h) => h.chunkId,
        (_, i) => i + 1,
      ),
      denseSimilarity: ranked.denseScore,
      lexicalScore: ranked.lexicalScore,
      topLexicalScore: lexical.reduce((best, h) => Math.max(best, h.score), 0),
      tokensOf: (chunk) => statistics.tokensOf(chunk),
      headingTokensOf: headingTokens,
      headingGroupMasks: tokenGroupMasks(groups),
      documentVote: documentVotes(fused, (id) => index.chunkById.get(id)?.docId),
      questionBigrams: hanBigramCodes(contentSegments(query).join(" ")),
      bigramsOf: chunkBigrams,
    };
  }

  private async denseRanking(
    index: IndexSnapshot,
    text: string,
    candidates: number,
    allowed: ReadonlySet<string> | undefined,
  ): Promise<{ chunkId: string; similarity: number }[]> {
    const vector = await index.embedQuery(text);
    const hits = await index.nearest(vector, candidates, allowed ? { documentIds: allowed } : undefined);
    return hits.filter((hit) => index.chunkById.has(hit.chunkId));
  }

  /** Query analysis, with glossary expansion limited to concepts that tell passages apart in this index. */
  private analyze(index: IndexSnapshot, query: string): QueryAnalysis {
    const shape = questionShape(query);
    return { ...shape, expansions: this.expansionsOf(index, query) };
  }

  /** The question's glossary, dictionary, Mainland-word and typo expansions, as analyze() gives them. */
  private expansionsOf(index: IndexSnapshot, query: string): string[] {
    const resources = IndexResources.of(index);
    const statistics = resources.statistics;
    const inCorpus = (phrase: string) => tokenizeForSearch(phrase).every((t) => statistics.frequency(t) > 0);
    const isCorpusWord = (phrase: string) => {
      const tokens = tokenizeForSearch(phrase);
      return tokens.length === 1 && statistics.frequency(tokens[0]!) > 0;
    };
    const expansions = expandQuery(query, {
      keep: (entry, match) => {
        const share = statistics.conceptShare([...entry.en, ...entry.zh]);
        if (!isLearnerEntry(entry)) return share <= UBIQUITOUS_CONCEPT_SHARE;
        // A learner's word bridges to the documents' term only where the documents never use that
        // word: one they use (投资) already finds its own passages, and its "synonym" (金融) drifts.
        // A phrase of several words is rarely in the documents as such, whatever its words.
        return share <= LEARNER_CONCEPT_SHARE && !isCorpusWord(match.surface);
      },
    });
    if (this.options.dictionary !== false) {
      const seen = new Set(expansions);
      for (const term of dictionaryExpansions(query, () => resources.dictionary))
        if (!seen.has(term) && !query.includes(term)) expansions.push(term);
    }
    // A Taiwan word the corpus never uses (专案, 部落格) also searches its Mainland word (项目, 博客)
    // when the corpus uses that one; a Taiwan word the corpus itself uses (核心, 资料) stays alone.
    for (const { taiwan, mainland } of mainlandPhrases(query))
      if (!inCorpus(taiwan) && inCorpus(mainland) && !expansions.includes(mainland)) expansions.push(mainland);
    if (this.options.typos !== false) {
      for (const term of resources.typos.corrections(tokenizeForSearch(query), query.match(HAN_RUNS) ?? []))
        if (!expansions.includes(term)) expansions.push(term);
    }
    return expansions;
  }

  /**
   * The question's content terms with their idf weights, a misspelt word judged as the corpus
   * word it stands for (retrieval already searched for it). The re-ranker and the evidence score
   * of one request read the same groups: the last ones are kept so they are built once.
   */
  private judgedTermGroups(index: IndexSnapshot, query: string): readonly TermGroup[] {
    const last = this.lastTermGroups;
    if (last?.index === index && last.query === query) return last.groups;
    const judged = this.repaired(index, query);
    const groups = contentTermGroups(judged, tokenizeForSearch, IndexResources.of(index).statistics);
    this.lastTermGroups = { index, query, judged, groups };
    return groups;
  }

  /** The question with its misspelt words repaired (kept with the term groups: both read it per request). */
  private repaired(index: IndexSnapshot, query: string): string {
    const last = this.lastTermGroups;
    if (last?.index === index && last.query === query) return last.judged;
    const resources = IndexResources.of(index);
    return this.options.typos !== false ? resources.typos.repair(query, { hanRuns: false, isWord: resources.isEnglishWord }) : query;
  }

  /** Evidence of the question's own words in the top passages (questionEvidence.ts topicEvidence). */
  private evidence(index: IndexSnapshot, query: string, matches: readonly Passage[], topDense: number): TopicEvidence {
    if (matches.length === 0) return { evidence: 0, nothingOnTopic: true, onlyEverydayWords: false };
    const statistics = IndexResources.of(index).statistics;
    const top = matches.slice(0, EVIDENCE_PASSAGES).map((passage) => statistics.tokensOf(passage.chunk));
    return topicEvidence(this.judgedTermGroups(index, query), top, topDense);
  }
}

const HAN = /\p{Script=Han}/u;

/**
 * new Map(items.map((item, i) => [keyOf(item, i), valueOf(item, i)])) without a pair array per
 * item: the same entries in the same order (a repeated key keeps its first place and its last
 * value). Four such maps of ~24 candidates are built per search.
 */
function mapOf<T, V>(items: readonly T[], keyOf: (item: T) => string, valueOf: (item: T, index: number) => V): Map<string, V> {
  const map = new Map<string, V>();
  for (let i = 0; i < items.length; i++) map.set(keyOf(items[i]!), valueOf(items[i]!, i));
  return map;
}

/** A question as it is searched: Simplified characters, number ranges written as the documents write them. */
function searchForm(question: string): string {
  return normalizeNumberRanges(toSimplified(question));
}

// What the re-ranker reads from its candidates, kept for recently re-ranked chunks.
const headingTokens = recentByChunk<ReadonlySet<string>>(4096, (chunk) => new Set(tokenizeForSearch(chunk.headingPath.join(" "))));
const chunkBigrams = recentByChunk<Float64Array>(4096, (chunk) => hanBigramCodes(`${chunk.headingPath.join(" ")} ${chunk.text}`));
