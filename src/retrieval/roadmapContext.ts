import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument } from "../corpus/types.js";
import { ignoreCaseTester } from "../text/ignoreCaseTest.js";
import { rememberedWhileUsed } from "../text/recentlyUsed.js";
import { tokenizeJoined, tokenizeParts } from "../text/tokenize.js";
import { asksForTotal, contentSegments } from "./analyzeQuery.js";
import type { DetailKind } from "./detailKinds.js";
import { expandQuery } from "./expandQuery.js";
import { listedNeighbour, listedNeighbourInSection } from "./listedNeighbour.js";
import { namedPart, namedPartNeighbour, partsNamedIn } from "./namedParts.js";
import { sectionNeighbourIn } from "./sectionNeighbour.js";
import { stepPastEnd } from "./stepPastEnd.js";
import { placementTerms } from "./placedTopic.js";
import { quotedSectionPassages } from "./quotedSections.js";
import { locateTopic, stagePosition } from "./roadmapNavigator.js";
import type { RoadmapProfile } from "./roadmapProfile.js";
import { sectionChunks } from "./documentChunks.js";
import { codedSectionPassages } from "./sectionCodes.js";
import { contentsPassage, sectionPastStages } from "./sectionsPastStages.js";
import { MAX_SEQUENCE_ROADMAPS, orderPositionsByRelevance, READINESS_ASKED, sequencePassages } from "./sequenceContext.js";
import {
  OUTLINE_QUESTION,
  STAGE_COUNT_QUESTION,
  namedStagePositions,
  ordinalPositions,
  overviewPassages,
  stagePassages,
  stagesNamedWithStageWord,
  withOverview,
} from "./stageContext.js";
import { isListItemStage, stageName } from "./stageOutline.js";
import type { StageOrdinal } from "./stageReference.js";
import { PARTS_ASKED, stagePartsContext } from "./stageParts.js";
import { outlineOf, withStatedDurations } from "./statedStages.js";
import { orderAsked, topicOrderContext } from "./topicOrder.js";
import type { Passage, QueryAnalysis, RetrievalResult, RoadmapPosition, StageInRoadmap, TopicOrder } from "./types.js";

/**
 * The roadmap side of a question, from its reading and the passages ranking found: where its
 * topic or the stage it names sits in each roadmap (with the neighbour asked for), the passages
 * that answer that directly (the neighbouring or asked stage, an overview, a named thing's part),
 * and what the offline answer leads with (the asked part, a roadmap's outline, stated durations).
 */

/** Chunks of the neighbouring stage added per roadmap: its first one states what the stage is about. */
const CHUNKS_PER_NEIGHBOUR_STAGE = 1;
/** Chunks of a stage asked about by its ordinal ("第三阶段学什么"). */
const CHUNKS_PER_ASKED_STAGE = 2;
/** A topic that starts with a verb of entering or starting (进, 进入, 到, 开始学) or of doing (搞场景应用): the stage entered. */
const ENTERING = /^(?:进入|进到|走进|进|到了|到|开始(?:学|看|读|做)?|搞|弄)\s*(\p{Script=Han}{2,}.*)$/u;

/** Parts of a stage given a passage each (the answer lists them all, citing these). */
const MAX_PARTS = 4;

/** Topics whose glossary expansions are remembered. */
const TOPICS_REMEMBERED = 1024;

/**
 * A sequence question's topic's expansions, remembered: the same topics (LoRA, RAG, 微调) come
 * back question after question, and a topic is no question text, so the glossary scan's own memo
 * of the last few requests' texts no longer held it. Read only (locateTopic filters them).
 */
const topicExpansions = rememberedWhileUsed(TOPICS_REMEMBERED, (topic: string): readonly string[] => expandQuery(topic));

/** A sequence question's topic's placement terms (placedTopic.ts), remembered as its expansions are, and expanded through them. */
const topicPlacementTerms = rememberedWhileUsed(TOPICS_REMEMBERED, (topic: string) => placementTerms(topic, topicExpansions));

/** Where a sequence question's topic sits: by its own name, else by the field terms that make up most of it. */
function placed(documents: CorpusDocument[], chunks: Chunk[], topic: string): RoadmapPosition[] {
  const terms = topicPlacementTerms(topic);
  return locateTopic(documents, chunks, topic, terms.expansions, terms.own);
}

// `iu`, one or the other read on every question: through their twins (ignoreCaseTest.ts).
const asksReadiness = ignoreCaseTester(READINESS_ASKED);

/**
 * What a stage holds, asked of the stage as a whole: 学什么, 讲了啥, 主要内容, 学习目标, 要点,
 * "what do I learn in", "what does … cover", "what's in". Not a particular of it (推荐什么书,
 * how long): those are the ranking's to find.
 */
const STAGE_CONTENT_ASKED =
  /学(?:些)?(?:什么|啥|哪些)|讲(?:了|的|些)?(?:什么|啥|哪些)|(?:主要)?内容(?:是|有)|包(?:括|含)(?:什么|啥|哪些)|学习目标|目标是|要点|重点是|\bwhat\s+(?:do|does|should|will|would|can)\s+(?:i|you|we|one|learners?)\s+(?:learn|study|cover|do)\b|\bwhat\s+(?:does|do|did)\s+.{1,60}\b(?:cover|include|teach|contain)\b|\bwhat(?:'s|\s+is|\s+are)\s+(?:in|covered|included|taught|the\s+(?:goals?|focus|content|contents|key\s+points))\b/iu;
const asksStageContent = ignoreCaseTester(STAGE_CONTENT_ASKED);
const asksForParts = ignoreCaseTester(PARTS_ASKED);

export interface RoadmapQuestion {
  /** The question's search form. */
  query: string;
  analysis: QueryAnalysis;
  /** The stage ordinal the question states ("第三阶段", "the last stage"), if any. */
  statedOrdinal: StageOrdinal | undefined;
  /** The roadmap the question names (by its shape, its origin or an English stage name). */
  named: RoadmapProfile | undefined;
  /** The stage name a question gave in English, read as the roadmap's own heading. */
  englishStageName: string | undefined;
  /** Kinds of detail the question asks for. */
  asked: readonly DetailKind[];
  /** The stages a before/after follow-up moves on from (RetrieveOptions.fromStages): its positions, in their order. */
  fromStages?: readonly StageInRoadmap[];
}

export interface RoadmapContext {
  roadmap: RoadmapPosition[];
  /** Passages that lead the answer's list, before the ranked matches. */
  context: Passage[];
  /** The stage ordinal read as one (undefined when it counts a named thing's parts). */
  ordinal: StageOrdinal | undefined;
  /** The ordinal counted a named thing's parts and asked past the last: how many it has. */
  partsPastEnd: number | undefined;
  askedPart: RetrievalResult["askedPart"];
  roadmapOutline: RetrievalResult["roadmapOutline"];
  stageParts: RetrievalResult["stageParts"];
  /** Topics asked which comes first ("RAG 和微调先学哪个"): their stages per roadmap. */
  topicOrder?: TopicOrder;
  /** Topics asked which comes first, each placed in some roadmap but no two in one: no order to give. */
  orderUnplaced?: string[];
}

export function roadmapContext(
  question: RoadmapQuestion,
  corpus: {
    // The index's own arrays: locating a topic keeps per-version layouts keyed by them.
    documents: CorpusDocument[];
    chunks: Chunk[];
    profiles: readonly RoadmapProfile[];
    tokensOf: (chunk: Chunk) => ReadonlySet<string>;
  },
  matches: readonly Passage[],
): RoadmapContext {
  const { query, analysis, statedOrdinal, named, englishStageName, asked, fromStages } = question;
  const { documents, chunks, profiles } = corpus;
  // "RAG 和微调先学哪个": its 先学 asks which of two comes first, not what comes before the first.
  // Its "first" ("which one comes first") is no ordinal either. Not the order of a named thing's
  // parts ("照 llm-course 那三块来学，先 theory 还是先 engineering"): that thing lays it out.
  const orderTopics = orderAsked(query);
  const topics = orderTopics && !partsNamedIn(query, matches) ? orderTopics : undefined;
  const ordered =
    topics &&
    topicOrderContext({
      topics,
      documents,
      chunks,
      profiles,
      named,
      expansionsOf: topicExpansions,
      matches,
      language: analysis.language,
    });
  if (ordered && "order" in ordered)
    return {
      roadmap: [],
      context: ordered.passages,
      ordinal: undefined,
      partsPastEnd: undefined,
      askedPart: undefined,
      roadmapOutline: undefined,
      stageParts: undefined,
      topicOrder: ordered.order,
    };
  // "llm-course 的第二部分": the ordinal counts the parts of a thing the question names (a passage
  // retrieval found), not a roadmap's stages.
  const lookup = statedOrdinal && !named ? namedPart(query, matches, statedOrdinal) : undefined;
  // "三阶段那篇的第四部分": the document's numbered part past its stages, not a stage past the end.
  const pastStages = statedOrdinal && named ? sectionPastStages(query, named, statedOrdinal) : undefined;
  const ordinal = lookup || pastStages ? undefined : statedOrdinal;
  // "llm-course 学完基础知识那部分之后呢": the part after (before) the one the topic names, not a roadmap's stage.
  const neighbourPart =
    !ordinal && !named && analysis.sequence && analysis.topic
      ? namedPartNeighbour(query, analysis.topic, analysis.sequence, matches)
      : undefined;
  // "「理论结合实践」前面那条": the item next to one a list outside the stages names by its label.
  const listed =
    !ordinal && !neighbourPart && analysis.sequence && analysis.topic
      ? (listedNeighbourInSection({ query, topic: analysis.topic, direction: analysis.sequence, chunks, profiles, named }) ??
        listedNeighbour({ topic: analysis.topic, direction: analysis.sequence, chunks, profiles, named }))
      : undefined;
  // "原理学习阶段里，大模型核心架构之后接着讲哪一块": the stage's next section, inside the stage the question names.
  const moves = !ordinal && !neighbourPart && !listed ? analysis.sequence : null;
  const siblingLookup = moves ? sectionNeighbourIn({ query, direction: moves, chunks, named, profiles }) : undefined;
  const sibling = siblingLookup && "part" in siblingLookup ? siblingLookup.part : undefined;
  const part = lookup && "part" in lookup ? lookup.part : (neighbourPart ?? listed ?? sibling);
  let roadmap: RoadmapPosition[] = [];
  // "第四阶段学什么" asked of no roadmap in particular: each roadmap's fourth stage, not the fourth
  // item of a list of directions (a list is asked by place only when its roadmap is named).
  if (pastStages) roadmap = [pastStages];
  else if (ordinal) roadmap = ordinalPositions(named ? [named] : profiles.filter((p) => !p.listItems), ordinal);
  // "那再之后呢？": where the previous answer left each roadmap, in that answer's order.
  else if (fromStages && analysis.sequence) roadmap = fromStages.flatMap((stage) => stagePosition(documents, chunks, stage) ?? []);
  else if (analysis.sequence && analysis.topic && !neighbourPart && !listed && !sibling) {
    // "进专业深入阶段之前", "开始入门篇之前": a verb of entering or starting before a stage is no part
    // of its name. The topic without it is placed first: with the verb, its field terms alone would
    // place it (专业 and 深入 in 入门阶段's body). The whole topic is the fallback.
    const entered = ENTERING.exec(analysis.topic)?.[1];
    const inNamed = (positions: readonly RoadmapPosition[]) => named !== undefined && positions.some((p) => p.docId === named.doc.id);
    const enteredAt = entered ? placed(documents, chunks, entered) : [];
    const byEntered = enteredAt.length > 0 && (!named || inNamed(enteredAt));
    roadmap = byEntered ? enteredAt : placed(documents, chunks, analysis.topic);
    const placedTopic = byEntered && entered ? entered : analysis.topic;
    if (named && roadmap.some((p) => p.docId === named.doc.id)) roadmap = roadmap.filter((p) => p.docId === named.doc.id);
    // A topic that is a stage's very name (前沿研究阶段) is about that roadmap, not the ones that only mention it.
    // A list of directions (corpus/leadingList.ts) is a sequence only of the roadmap the question names:
    // "学完提示词工程之后学什么" asked of no roadmap is about their stages.
    if (!named) roadmap = roadmap.filter((p) => !profiles.some((profile) => profile.doc.id === p.docId && profile.listItems));
    // "原理那一阶段学完了，下一阶段呢": a stage named by its name and a stage word is that roadmap's
    // stage, not each roadmap's passage that mentions 原理.
    const byName = stagesNamedWithStageWord(profiles, query).filter(
      ({ name }) => placedTopic.includes(name) || (placedTopic.length >= 2 && name.includes(placedTopic)),
    );
    const byNameAt = byName.flatMap(({ stage }) => stagePosition(documents, chunks, stage) ?? []);
    if (byNameAt.length > 0 && (!named || inNamed(byNameAt))) roadmap = named ? byNameAt.filter((p) => p.docId === named.doc.id) : byNameAt;
    // "3阶段那篇里的应用实践阶段之后": another roadmap's stage by its name and stage word, which the
    // named roadmap has none of; its words found in the named roadmap's text are not that stage.
    else if (
      byNameAt.length > 0 &&
      named &&
      !roadmap.some((p) => p.docId === named.doc.id && byName.some(({ name }) => stageName(p.at.heading).includes(name)))
    )
      roadmap = byNameAt;
    const asStage = roadmap.filter((p) => !isListItemStage(p.at.heading) && stageName(p.at.heading) === stageName(placedTopic));
    if (asStage.length > 0) roadmap = asStage;
  }
  if (!fromStages) roadmap = orderPositionsByRelevance(roadmap, matches);
  // "第四段要花多久": the stage's stated duration, for the answer to quote.
  if (asked.includes("duration") && roadmap.length > 0) roadmap = withStatedDurations(roadmap, documents, chunks);
  const topic = ordinal ? undefined : analysis.topic;
  let context =
    analysis.sequence && (topic || ordinal) && !pastStages
      ? sequencePassages({
          positions: roadmap,
          direction: analysis.sequence,
          documents,
          chunks,
          matches,
          topic: topic ?? "",
          language: analysis.language,
          chunksPerStage: CHUNKS_PER_NEIGHBOUR_STAGE,
          readinessAsked: asksReadiness(query),
          asked: askedBesideTopic(query, analysis, topic),
          givenStages: fromStages !== undefined,
        })
      : [];
  // A stage asked for itself (by its place or its name): its own passages, the question's words first after its opening.
  const askedStagePassages = (positions: readonly RoadmapPosition[]) =>
    stagePassages({
      positions,
      documents,
      chunks,
      chunksPerStage: CHUNKS_PER_ASKED_STAGE,
      maxRoadmaps: MAX_SEQUENCE_ROADMAPS,
      asked: askedBesideTopic(query, analysis, undefined),
      tokensOf: corpus.tokensOf,
      language: analysis.language,
    });
  // An ordinal with nothing after (or before) it is the stage asked for itself ("after the
  // deep-dive stage, what is the final stage?"), as is an ordinal in a question with no sequence.
  if (ordinal && context.length === 0) context = askedStagePassages(roadmap);
  // A section past the stages: its own passages, after the table of contents that lists it in its place.
  if (pastStages) {
    const contents = contentsPassage(chunks, pastStages.docId);
    context = [...(contents ? [contents] : []), ...askedStagePassages(roadmap)];
  }
  // "基础夯实阶段学什么", "what does the application practice stage cover": a stage named by its
  // name and asked what it holds is answered as a stage asked by its place is: its own passages,
  // its key items leading, in each roadmap with a stage of that name (the one the question names,
  // when it names one that has it).
  if (context.length === 0 && !ordinal && !analysis.sequence && !asked.includes("duration") && asksStageContent(query)) {
    let stages = namedStagePositions(profiles, englishStageName ? `${query} ${englishStageName}` : query, true);
    if (named && stages.some((p) => p.docId === named.doc.id)) stages = stages.filter((p) => p.docId === named.doc.id);
    if (stages.length > 0) {
      roadmap = stages;
      context = askedStagePassages(stages);
    }
  }
  if (context.length === 0 && asked.includes("duration")) {
    // "专业深入阶段要多久": how long a stage named by its name takes is in its heading or the overview.
    // A stage's own name says which roadmap more surely than a guess from its shape.
    let stages = namedStagePositions(profiles, englishStageName ? `${query} ${englishStageName}` : query);
    if (stages.length > 1 && named) stages = stages.filter((p) => p.docId === named.doc.id);
    if (stages.length === 1) {
      context = stagePassages({ positions: stages, documents, chunks, chunksPerStage: 1, maxRoadmaps: 1, language: analysis.language });
      // The stage is the one asked about, with the duration its roadmap states (not when the
      // question asks how long the whole path takes: a stage it names is not its answer).
      if (!asksForTotal(query)) roadmap = withStatedDurations(stages, documents, chunks);
    }
  }
  // "那篇分成几块?": how a named roadmap is divided is what its overview lays out.
  if (context.length === 0 && named && STAGE_COUNT_QUESTION.test(query)) context = overviewPassages(named, chunks, analysis.language);
  // "阶段顺序是咋排的", "那篇分成几块": the named roadmap's stages in order, for the answer to lead with.
  // Not when it asks how a thing the roadmap lists is divided ("那篇推荐的 llm-course 分成几块"), nor
  // from a list of directions: "其中标星的那个分几部分" after a question about the post's courses
  // asks for the course's parts, and the directions are no outline of the whole post.
  const outline =
    named && !named.listItems && !ordinal && !analysis.sequence && OUTLINE_QUESTION.test(query) && !partsNamedIn(query, matches)
      ? { docId: named.doc.id, title: named.doc.title, stages: outlineOf(named.doc, chunks) }
      : undefined;
  // "阶段顺序是咋排的": the outline the answer leads with is cited from the roadmap's overviews.
  if (context.length === 0 && outline && named) context = overviewPassages(named, chunks, analysis.language, asked.includes("duration"));
  // A roadmap no passage of which names two of its stages (each stage a section of its own, as the
  // seven-stage one): its first and last stages' opening passages, for the answer to cite how many
  // stages it has from the first to the last (all of them would not fit in k passages).
  if (outline && named && !context.some((p) => namesTwoStages(p, outline.stages))) context = [...stageEnds(named, chunks), ...context];
  // About one roadmap's stages: its overview (a chart or plan of all stages) names them and their durations.
  context = withOverview(context, profiles, chunks, analysis.language, asked.includes("duration"));
  if (part) context = [part.passage, ...context];
  // "『一些项目』里第一个推荐的是什么": the section the question quotes by its heading; "0x34 讲什么":
  // the section it asks by its code, when it asks no before/after of it.
  const quoted = [
    ...quotedSectionPassages(query, chunks, named?.doc.id, analysis.language),
    ...(analysis.sequence || context.length > 0 ? [] : codedSectionPassages(query, chunks, named?.doc.id, analysis.language)),
  ];
  if (quoted.length > 0) context = [...quoted, ...context.filter((p) => !quoted.some((q) => q.chunk.id === p.chunk.id))];
  // "第四段分了哪几种专家路线", "深入篇底下分了哪些方向": the stage's parts lead, one passage each.
  const parts =
    analysis.sequence || !asksForParts(query)
      ? undefined
      : partsAsked(query, ordinal ? roadmap : undefined, named, corpus, analysis.language);
  if (parts) context = [...parts.passages, ...context.filter((p) => !parts.passages.some((q) => q.chunk.id === p.chunk.id))];
  return {
    ...(topics && ordered ? { orderUnplaced: [...topics] } : {}),
    roadmap,
    context,
    ordinal,
    partsPastEnd:
      lookup && "pastEnd" in lookup
        ? lookup.pastEnd
        : siblingLookup && "pastEnd" in siblingLookup
          ? siblingLookup.pastEnd
          : stepPastEnd(query, analysis, ordinal, named, roadmap, profiles),
    askedPart: part && { chunkId: part.passage.chunk.id, item: part.item },
    roadmapOutline: outline && outline.stages.length >= 2 ? outline : undefined,
    stageParts: parts?.parts,
  };
}

/** Whether a passage names two or more of a roadmap's stages (its chart, plan or table of contents). */
function namesTwoStages(passage: Passage, stages: readonly { heading: string }[]): boolean {
  return stages.filter((stage) => passage.chunk.text.includes(stageName(stage.heading) || stage.heading)).length >= 2;
}

/** The first passage of a roadmap's first and last stages. */
function stageEnds(profile: RoadmapProfile, chunks: readonly Chunk[]): Passage[] {
  const ends = profile.stages.length >= 2 ? [profile.stages[0]!, profile.stages.at(-1)!] : [];
  return ends.flatMap((stage) => {
    const first = sectionChunks(chunks, profile.doc, stage.index)[0];
    return first ? [{ chunk: first, score: 0, role: "match" as const }] : [];
  });
}

/** The question's content tokens and its expansions', without a topic's (for a before/after question, the stage it starts from is the topic's). */
function askedBesideTopic(query: string, analysis: QueryAnalysis, topic: string | undefined): ReadonlySet<string> {
  // tokenizeParts: the parts' own remembered tokens (the expansions' were made by retrieval), not a new joined text cut again.
  const own = new Set(tokenizeParts([...contentSegments(query), ...analysis.expansions]));
  if (topic) for (const token of tokenizeJoined([topic, ...topicExpansions(topic)])) own.delete(token);
  return own;
}

/** The stage a parts question names (by its place, or by its name in one roadmap) and its parts. */
function partsAsked(
  query: string,
  byPlace: readonly RoadmapPosition[] | undefined,
  named: RoadmapProfile | undefined,
  corpus: { documents: CorpusDocument[]; chunks: Chunk[]; profiles: readonly RoadmapProfile[] },
  language: QueryAnalysis["language"],
): ReturnType<typeof stagePartsContext> {
  let stages = byPlace ? [...byPlace] : namedStagePositions(corpus.profiles, query);
  if (stages.length > 1 && named) stages = stages.filter((p) => p.docId === named.doc.id);
  return stagePartsContext({ query, positions: stages, documents: corpus.documents, chunks: corpus.chunks, language, maxParts: MAX_PARTS });
}
