import type { IndexSnapshot } from "../store/types.js";
import { normalizeNumberRanges } from "../text/numberRange.js";
import { questionMemo } from "../text/questionMemo.js";
import { simplifiedQuestion } from "../text/taiwanSenses.js";
import { tokenizeForSearch, tokenizeParts } from "../text/tokenize.js";
import { detailsAsked } from "./detailKinds.js";
import { conceptAsked } from "./conceptMembers.js";
import { countedItemsPastEnd } from "./countedItems.js";
import { particularAsked } from "./particularAsked.js";
import { extractTopic, questionShape } from "./analyzeQuery.js";
import { englishSection } from "./englishSectionName.js";
import { englishStage } from "./englishStageName.js";
import { expandQuery } from "./expandQuery.js";
import { focusPassages } from "./focusPassages.js";
import { withCueSpellings } from "./cueSpellings.js";
import { IndexResources } from "./indexResources.js";
import { allowedDocumentIds, chunkAllowed } from "./filters.js";
import { linkedNotePassages } from "./linkedNotePassages.js";
import { withCorpusMainlandWords } from "./mainlandWords.js";
import { QuestionJudge } from "./questionJudge.js";
import { questionReadings } from "./questionReadings.js";
import { descriptionExpansions, questionExpansions, type ExpansionSources } from "./questionExpansions.js";
import { rankPassages, type Ranked, type RankedCandidate, type RankingSettings } from "./ranking.js";
import { roadmapContext } from "./roadmapContext.js";
import type { RoadmapProfile } from "./roadmapProfile.js";
import { expansionHeadWords, namingTokens, namingWords, referencedRoadmap } from "./roadmapReference.js";
import { itemOrdinal, stageOrdinal } from "./stageReference.js";
import { isStageName, neighbourStageName, stagesNamedWithStageWord } from "./stageContext.js";
import { middleStageOrdinal } from "./middleStage.js";
import { definingChunk, meaningAsked } from "./definingPassage.js";
import { withDescribedConceptCited } from "./describedConceptCited.js";
import { documentFactsOf, withCardFirst } from "./documentFacts.js";
import type { Passage, QueryAnalysis, RetrievalResult, RetrieveOptions, Retriever } from "./types.js";

export type { RankedCandidate } from "./ranking.js";

export interface HybridRetrieverOptions extends RankingSettings, ExpansionSources {
  /** The live index (any store); called once per request so a swapped index is picked up. */
  index: () => IndexSnapshot;
  /** Evidence under which a result is weak (config ABSTAIN_THRESHOLD). */
  abstainThreshold: number;
}

/**
 * Dense + lexical retrieval for both languages: the question is expanded with the bilingual
 * glossary, the dictionary, Mainland words and typo repairs (questionExpansions.ts: "book" also
 * searches 书籍 and 微调 also "fine-tuning"), then ranked (ranking.ts: dense and BM25 rankings of
 * the expanded question fused and re-ranked). retrieve() adds the roadmap context of sequence
 * questions, a roadmap named by its shape, linked notes, and what the answer's confidence reads
 * of the question against its passages: its evidence (questionJudge.ts), the rest of its field
 * readings (questionReadings.ts).
 */
export class HybridRetriever implements Retriever {
  private readonly judge: QuestionJudge;

  constructor(private readonly options: HybridRetrieverOptions) {
    this.judge = new QuestionJudge(options);
  }

  analyzeQuestion(question: string): QueryAnalysis {
    const index = this.options.index();
    return this.analyze(index, searchForm(index, question));
  }

  topicOf(question: string): string | undefined {
    // questionShape's topic: none for an empty one.
    return extractTopic(searchForm(this.options.index(), question)) || undefined;
  }

  namesStage(phrase: string): boolean {
    const index = this.options.index();
    return isStageName(IndexResources.of(index).profiles, searchForm(index, phrase));
  }

  neighbourStage(phrase: string, direction: "next" | "previous"): string | undefined {
    const index = this.options.index();
    return neighbourStageName(IndexResources.of(index).profiles, searchForm(index, phrase), direction);
  }

  roadmapNamedIn(question: string): string | undefined {
    const index = this.options.index();
    const query = searchForm(index, question);
    // Only the expansions name a title: the question's shape is not needed.
    const expansions = this.expansions(index, query);
    const profiles = IndexResources.of(index).profiles;
    return referencedRoadmap(query, titleTermsOf(query, expansions, namingWords(profiles)), profiles)?.doc.id;
  }

  async search(question: string, options: RetrieveOptions = {}): Promise<Passage[]> {
    const index = this.options.index();
    const query = searchForm(index, question);
    // Ranking reads only the expansions: the question's shape (topic, sequence, language) is for retrieve().
    return (await this.rank(index, query, this.expansions(index, query), options)).passages;
  }

  /** The first RERANK_DEPTH fused candidates in RRF order with their features (no re-ranking). */
  async rankedCandidates(question: string): Promise<RankedCandidate[]> {
    const index = this.options.index();
    const query = searchForm(index, question);
    const collected: RankedCandidate[] = [];
    // The product's k, so the candidate pool (and each candidate's ranks) is the one the model will see.
    await this.rank(index, query, this.expansions(index, query), {}, collected);
    return collected;
  }

  async retrieve(question: string, options: RetrieveOptions = {}): Promise<RetrievalResult> {
    const index = this.options.index();
    // Traditional characters are read as Simplified everywhere below (cues, glossary, topic).
    const query = searchForm(index, question);
    const expanded = this.expansionParts(index, query);
    const analyzed: QueryAnalysis = { ...questionShape(query), expansions: [...expanded.own, ...expanded.described] };
    const asked = detailsAsked(query);
    const particular = particularAsked(query);
    const concept = conceptAsked(query);
    const allowed = allowedDocumentIds(index.documents, options.filters);
    const documents = allowed ? index.documents.filter((d) => allowed.has(d.id)) : index.documents;
    const allProfiles = IndexResources.of(index).profiles;
    const profiles = allProfiles.filter((p) => !allowed || allowed.has(p.doc.id));
    const titleTerms = titleTermsOf(query, analyzed.expansions, namingWords(allProfiles));
    const byShape = referencedRoadmap(query, titleTerms, profiles);
    // "the application practice stage": a stage named in English through its name's words. Its
    // Chinese heading is searched for, a sequence question is about it, and it names its roadmap.
    // A roadmap that is one numbered list has items for stages: "排第三的" is its third.
    // A follow-up moving on from given stages is placed at them: a stage heading in its words ("第七阶段：…") is no ordinal.
    const fromStages = analyzed.sequence && options.fromStages?.length ? options.fromStages : undefined;
    // A follow-up's stage is the conversation's roadmap's: "and the research stage?" after a question
    // about the five-stage guide names 前沿研究阶段 by half its name, as the roadmap named by its shape would.
    const conversational = byShape ?? profiles.find((p) => p.doc.id === options.conversationRoadmap);
    // "正中间那个阶段": the middle of the roadmap the question or the conversation is about.
    const statedOrdinal = fromStages
      ? undefined
      : (stageOrdinal(query) ?? (byShape?.listItems ? itemOrdinal(query) : undefined) ?? middleStageOrdinal(query, conversational));
    // "the five-stage guide: what comes before 入门阶段?": a stage named in Chinese with its stage word
    // is named already; half an English name found beside it would outvote it.
    const english =
      statedOrdinal || stagesNamedWithStageWord(profiles, query).length > 0
        ? undefined
        : englishStage(query, () => this.judge.englishReach(index, query, analyzed), profiles, conversational);
    // A heading named in English: in a roadmap named otherwise it is where to look ("under the
    // courses heading"); else it names its roadmap ("the guide that ends with an FAQ section"),
    // as a title would, and says nothing of what is asked.
    const section = english
      ? undefined
      : englishSection(
          query,
          (phrase) => this.judge.englishReach(index, phrase, { ...analyzed, expansions: this.expansions(index, phrase) }),
          profiles,
          byShape,
        );
    const analysis: QueryAnalysis = english
      ? { ...analyzed, expansions: [...analyzed.expansions, english.heading], ...(analyzed.sequence ? { topic: english.name } : {}) }
      : section && byShape
        ? { ...analyzed, expansions: [...analyzed.expansions, section.heading] }
        : analyzed;
    const named = byShape ?? english?.profile ?? section?.profile ?? profiles.find((p) => p.doc.id === options.conversationRoadmap);
    const ranking = await this.rankNamedFirst(index, query, analysis.expansions, options, named);
    const { ranked } = ranking;
    const matches = withDescribedConceptCited(
      index,
      query,
      withDefinitionFirst(query, ranking.matches, ranked.fusedIds, index),
      ranked.fusedIds,
      options.k ?? this.options.k,
      named?.doc.id,
    );

    const statistics = IndexResources.of(index).statistics;
    const { roadmap, context, ordinal, partsPastEnd, askedPart, roadmapOutline, stageParts, topicOrder, orderUnplaced } = roadmapContext(
      { query, analysis, statedOrdinal, named, englishStageName: english?.name, asked, ...(fromStages ? { fromStages } : {}) },
      { documents, chunks: index.chunks, profiles, tokensOf: (chunk) => statistics.tokensOf(chunk) },
      matches,
    );
    const inContext = new Set(context.map((p) => p.chunk.id));
    // The roadmap context answers a sequence question most directly, so it leads; the list
    // keeps k passages in all (linked notes come on top: they are few and only follow a link).
    const k = options.k ?? this.options.k;
    // "那篇讲四条路的博客是哪天发的": a fact of the document the question names leads with its card.
    const ordered = [...context, ...matches.filter((p) => !inContext.has(p.chunk.id))];
    const leading = ordered[0] && documents.find((doc) => doc.id === ordered[0]!.chunk.docId);
    const documentFacts = documentFactsOf(query, byShape?.doc, leading);
    const passages = withCardFirst(ordered, documentFacts?.doc, k);
    const notes = linkedNotePassages({
      matches: passages,
      documents: index.documents,
      chunks: index.chunks,
      preference: ranked.fusedIds,
      allowed: (chunk) => chunkAllowed(chunk, allowed),
      language: analysis.language,
    });

    // A learner's description shares everyday words with off-topic questions (股票, 简历): the
    // passages its concept's names bring up may hold such a word of the question, and would
    // count as evidence. The evidence is read on the ranking without them (conceptDescriptions.ts).
    const described = expanded.described;
    const judged =
      described.length === 0
        ? ranking
        : await this.rankNamedFirst(
            index,
            query,
            analysis.expansions.filter((term) => !described.includes(term)),
            options,
            named,
          );
    const { evidence, nothingOnTopic, onlyEverydayWords } = this.judge.evidence(
      index,
      query,
      judged.matches,
      judged.ranked.topDenseSimilarity,
      judged.groupMarks,
    );
    const tooWeak = nothingOnTopic || evidence < this.options.abstainThreshold;
    // The evidence counts the question's own words and the glossary's names. A question in
    // learners' words (刚开始学这块 → 入门) or with a misspelt name (吴恩打) reaches its passages
    // only through its expansions: found there, it is on topic but thinly supported, so it is
    // answered as low, never refused.
    const throughExpansions = tooWeak && this.judge.expansionsFound(index, query, analysis, matches);
    // The question's words that named the roadmap by its shape or origin: which document, not what about it.
    const naming = byShape && namingTokens(query, titleTerms, byShape);
    // Only a question asking for a detail needs its subject's passages (focusPassages.ts, read by confidence.ts).
    const focus =
      asked.length === 0 && !particular.instance && !particular.mechanism
        ? undefined
        : focusPassages(this.judge, index, query, asked, particular.instance, [...passages, ...notes], {
            named,
            ...(naming ? { naming } : {}),
            ...(english ? { englishStageName: english.name } : {}),
          });
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
      ...(naming ? { namingTerms: naming } : {}),
      ...(ordinal ? { stageOrdinal: ordinal } : {}),
      ...(fromStages && roadmap.length > 0 ? { placedAtGivenStages: true } : {}),
      ...(roadmapOutline ? { roadmapOutline } : {}),
      ...(askedPart ? { askedPart } : {}),
      ...(stageParts ? { stageParts } : {}),
      ...(topicOrder ? { topicOrder } : {}),
      ...(orderUnplaced ? { topicOrderUnplaced: orderUnplaced } : {}),
      ...(focus ? { focusChunkIds: focus.chunkIds, focusTerms: focus.terms } : {}),
      particularAsked: particular,
      ...(particular.instance ? { nameKinds: IndexResources.of(index).nameKinds } : {}),
      ...(concept ? { askedConcept: { ...concept, members: IndexResources.of(index).conceptMembers } } : {}),
      ...(documentFacts ? { documentFacts } : {}),
      ...questionReadings({
        index,
        judge: this.judge,
        query,
        passages,
        named,
        naming,
        ordinal,
        // "深入篇里第八个方向": past what a section the question names holds, counted in its own unit (countedItems.ts).
        partsPastEnd:
          partsPastEnd ?? (statedOrdinal ? undefined : countedItemsPastEnd(query, named ? [named] : profiles, index.chunks)?.count),
        definitions: this.options.definitions !== false,
      }),
    };
  }

  /**
   * The ranked passages of a question with these expansions; a roadmap it names by its shape is
   * answered from first. The marks are the latest ranking's: a ranking's are read only until the
   * next one marks terms.
   */
  private async rankNamedFirst(
    index: IndexSnapshot,
    query: string,
    expansions: readonly string[],
    options: RetrieveOptions,
    named: RoadmapProfile | undefined,
  ): Promise<{ ranked: Ranked; matches: Passage[]; groupMarks: Ranked["groupMarks"] }> {
    const ranked = await this.rank(index, query, expansions, options);
    if (!named) return { ranked, matches: ranked.passages, groupMarks: ranked.groupMarks };
    const own = await this.rank(index, query, expansions, { ...options, filters: { documents: [named.doc.id] } });
    const ids = new Set(own.passages.map((p) => p.chunk.id));
    return { ranked, matches: [...own.passages, ...ranked.passages.filter((p) => !ids.has(p.chunk.id))], groupMarks: own.groupMarks };
  }

  /** The ranked passages of a question with these expansions, its term groups judged on request. */
  private rank(
    index: IndexSnapshot,
    query: string,
    expansions: readonly string[],
    options: RetrieveOptions,
    collect?: RankedCandidate[],
  ): Promise<Ranked> {
    const termGroups = () => this.judge.termGroups(index, query);
    return rankPassages({ index, query, expansions, termGroups }, this.options, options, collect);
  }

  /** Query analysis, with glossary expansion limited to concepts that tell passages apart in this index. */
  private analyze(index: IndexSnapshot, query: string): QueryAnalysis {
    return { ...questionShape(query), expansions: this.expansions(index, query) };
  }

  /** The question's expansions, the documents' names of a concept it describes in a learner's words last. */
  private expansions(index: IndexSnapshot, query: string): string[] {
    const { own, described } = this.expansionParts(index, query);
    return [...own, ...described];
  }

  /**
   * The question's expansions (own), and apart the names of a concept only a learner's description
   * of it found; remembered per index version, frozen (shared by whoever asks again). An ask with a
   * history expands the same texts several times: each turn for the roadmap it names, the query
   * for the conversation's roadmap and again to retrieve it (5.6 expansions of 2.9 texts an ask
   * over the dev and tune asks with one). They depend on the index and the text alone.
   */
  private expansionParts(index: IndexSnapshot, query: string): Expansions {
    let expansionsOf = this.expansionMemos.get(index);
    if (!expansionsOf) {
      expansionsOf = questionMemo((text: string): Expansions => {
        const own = Object.freeze(questionExpansions(index, text, this.options));
        return Object.freeze({ own, described: Object.freeze(descriptionExpansions(index, text, own, this.options)) });
      });
      this.expansionMemos.set(index, expansionsOf);
    }
    return expansionsOf(query);
  }

  private readonly expansionMemos = new WeakMap<IndexSnapshot, (query: string) => Expansions>();
}

const HAN = /\p{Script=Han}/u;

/** A question's expansions, its own and those of a concept a learner's description of it found. */
interface Expansions {
  readonly own: readonly string[];
  readonly described: readonly string[];
}

/**
 * A question asking what a marked word means (definingPassage.ts): the fused candidate defining it
 * leads the matches, wherever the ranking put it (the passages using the word hold it as often).
 */
function withDefinitionFirst(query: string, matches: Passage[], fusedIds: readonly string[], index: IndexSnapshot): Passage[] {
  const term = meaningAsked(query);
  if (!term) return matches;
  const candidates = fusedIds.flatMap((id) => index.chunkById.get(id) ?? []);
  const defining = definingChunk(term, candidates);
  if (!defining) return matches;
  const found = matches.find((p) => p.chunk.id === defining.id);
  return [found ?? { chunk: defining, score: 0, role: "match" }, ...matches.filter((p) => p.chunk.id !== defining.id)];
}

/**
 * The words a roadmap's title can be named by: the question's own, or its English ones translated
 * (guide → 指南), by the translation's head word only (NLP → 自然语言处理 names no title holding
 * 语言: expansionHeadWords), not what its Chinese words expand to (入门 → 新手, a word of one
 * title), nor another English name of a concept ("agents" → "LLM Powered Autonomous Agents": llm).
 *
 * Only the roadmaps' naming words (`naming`, roadmapReference.ts namingWords) are ever looked up in
 * these terms, so only they are kept. An expansion with no naming word among its tokens adds
 * none, whether it came from the Chinese words or not: when no expansion has one, the question
 * without its Latin words (a text no other stage reads) is not scanned for the glossary at all.
 * The same naming words are found either way: the joined text's tokens are its parts' (tokenizeParts).
 */
function titleTermsOf(query: string, expansions: readonly string[], naming: ReadonlySet<string>): Set<string> {
  const mayName = (e: string) => HAN.test(e) && tokenizeForSearch(e).some((token) => naming.has(token));
  const candidates = expansions.filter(mayName);
  const fromChinese = candidates.length > 0 ? new Set(expandQuery(query.replace(/[A-Za-z][A-Za-z0-9'’+#.-]*/g, " "))) : undefined;
  const tokens = [...tokenizeParts([query]), ...candidates.filter((e) => !fromChinese!.has(e)).flatMap(expansionHeadWords)];
  return new Set(tokens.filter((token) => naming.has(token)));
}

/**
 * A question as it is searched: Simplified characters (a Taiwan writer's 資料 read as data,
 * taiwanSenses.ts), the documents' Mainland word for a Taiwan word they never use
 * (mainlandWords.ts), number ranges written as the documents write them.
 */
function searchForm(index: IndexSnapshot, question: string): string {
  const resources = IndexResources.of(index);
  const statistics = resources.statistics;
  const simplified = withCueSpellings(simplifiedQuestion(question), resources.isEnglishWord);
  return withCorpusMainlandWords(normalizeNumberRanges(simplified), (token) => statistics.frequency(token) > 0);
}
