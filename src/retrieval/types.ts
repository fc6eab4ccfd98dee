import type { Chunk } from "../chunking/types.js";
import type { DocumentFactsAsked } from "./documentFacts.js";
import type { QueryLanguage } from "../text/language.js";
import type { FieldSubject } from "./offFieldSubject.js";
import type { AskedConcept, ConceptMembers } from "./conceptMembers.js";
import type { NameKinds } from "./nameKinds.js";

// Defined where the language is detected (text/); re-exported for retrieval's readers.
export type { QueryLanguage } from "../text/language.js";

export interface RetrievalFilters {
  /** Document ids or source paths to restrict to. */
  documents?: string[];
  /** Front-matter tags; a chunk matches when its document has any of them. */
  tags?: string[];
}

export interface QueryAnalysis {
  language: QueryLanguage;
  /** "next" for 之后/下一步/after/next…, "previous" for 先学/之前/prerequisite/before… */
  sequence: "next" | "previous" | null;
  /** The topic a sequence question is about ("LoRA"), when one was found. */
  topic?: string;
  /** Extra terms from the bilingual glossary (fine-tuning → 微调 …). */
  expansions: string[];
}

export type PassageRole = "match" | "next-section" | "previous-section" | "linked-note";

export interface Passage {
  chunk: Chunk;
  /** Fused score (the re-ranker's when it ran), higher is better. Comparable only within one result list. */
  score: number;
  /** Cosine similarity from the dense index (0..1), when the chunk was a dense hit. */
  denseScore?: number;
  /** BM25 score, when the chunk was a lexical hit. */
  lexicalScore?: number;
  role: PassageRole;
  /** Human label for added context, e.g. "next stage after 第六阶段：模型微调与私有化部署". */
  roleLabel?: string;
}

export interface SectionRef {
  sectionIndex: number;
  heading: string;
  headingPath: string[];
  startLine: number;
  /** Last line of the section INCLUDING its sub-sections (a stage spans all its parts). */
  endLine: number;
  /**
   * How long the roadmap says this stage takes, and on which lines it says so (stageDurations.ts):
   * set for a question that asks how long (statedStages.ts).
   */
  duration?: { text: string; lines: { start: number; end: number } };
}

/** Where a topic sits in one roadmap and what comes before/after it. */
export interface RoadmapPosition {
  docId: string;
  source: string;
  title: string;
  topic: string;
  at: SectionRef;
  next?: SectionRef;
  previous?: SectionRef;
  /** The headings of the stage's sequence in order, and the stage's 1-based place in it (0: not one of them). */
  path?: { steps: string[]; step: number };
}

/** Two things a question may ask in particular: which one of a category (namedInstance.ts), how a thing works (explainedMechanism.ts). */
export interface ParticularAsked {
  instance: boolean;
  mechanism: boolean;
}

export interface RetrievalResult {
  query: string;
  analysis: QueryAnalysis;
  passages: Passage[];
  roadmap: RoadmapPosition[];
  /** Evidence strength in 0..1 (see retrieval/abstention.ts for how it is calibrated). */
  evidence: number;
  /** True when evidence is below the abstention threshold: answer should abstain. */
  weak: boolean;
  /** The roadmap the question names by its shape or origin ("the one with 7 stages"), if any. */
  namedRoadmap?: { docId: string; title: string };
  /** The question's tokens that named that roadmap (its origin, title words, date): which document, not what about it. */
  namingTerms?: string[];
  /** Other phrasings the model searched with (LLM mode with QUERY_REWRITE), if any. */
  rewrites?: string[];
  /** An ordinal stage reference in the question ("第二阶段", "the last stage"). */
  stageOrdinal?: { from: "start" | "end"; position: number };
  /**
   * The ordinal asks for a place past the last of what it counts: the named roadmap's stages ("the
   * eighth stage" of a seven-stage roadmap, counted on its recovered outline) or a named thing's
   * numbered parts ("llm-course 的第五部分" of a three-part course). How many there are; no passage
   * is the asked one.
   */
  ordinalPastEnd?: number;
  /**
   * The question locates a stage by a point in time ("by month five", 第三周) in the roadmap it
   * names, and that roadmap states no span of time anywhere (timePoint.ts): nothing in it is there.
   */
  timePointUnstated?: boolean;
  /** The question asks which book (paper) the roadmap it names gives, and that roadmap names none of the kind (resourceKindsAbsent.ts). */
  resourceKindAbsent?: boolean;
  /** The question asks for the members of a collection its passages only count ("具体是哪54个": countedMembers.ts). */
  countedMembersUnlisted?: boolean;
  /** The question asks what a post's giveaway pack holds, material the documents only advertise (giveawayContent.ts). */
  giveawayContentAsked?: boolean;
  /** A section code the question asks by ("0x40 那一篇") that the roadmap it names, or no document, gives (sectionCodes.ts). */
  sectionCodeUnknown?: string;
  /**
   * Chunk ids of the passages that hold the question's most specific content term found in them
   * (its highest-idf term group): what the question is about. An asked-for detail (a duration,
   * a price) counts only in these (confidence.ts). Absent: every passage counts.
   */
  focusChunkIds?: string[];
  /**
   * That term's tokens (its glossary names, tokenized): in a list-shaped passage the detail counts
   * only in the items that name it (confidence.ts).
   */
  focusTerms?: string[];
  /** What the question asks in particular, as retrieval read it once (particularAsked.ts). */
  particularAsked?: ParticularAsked;
  /** For a "which one" question: what kind of thing each name of the index is (nameKinds.ts), read by confidence. */
  nameKinds?: NameKinds;
  /** For "which embedding model": the concept asked a member of, and the names the documents give beside each concept (conceptMembers.ts). */
  askedConcept?: AskedConcept & { members: ConceptMembers };
  /**
   * The evidence was too weak to answer, but an expansion of the question (learners' words, a typo
   * correction) is in the top passages: answered as low, not refused (confidence.ts).
   */
  onlyThroughExpansions?: boolean;
  /**
   * The only words of the question found in the top passages are everyday words (公司, 准备;
   * text/everydayWords.ts): nothing of its subject was found.
   */
  onlyEverydayWordsFound?: boolean;
  /** The named roadmap's stages in order, for a question about its whole sequence (statedStages.ts outlineOf). */
  roadmapOutline?: {
    docId: string;
    title: string;
    stages: { heading: string; duration?: { text: string; lines: { start: number; end: number } } }[];
  };
  /** The numbered part of a named thing an ordinal asked for ("llm-course 的第二部分"; namedParts.ts). */
  askedPart?: { chunkId: string; item: string };
  /** The parts a stage divides into, when the question asks for them ("第四段分了哪几种专家路线"; stageParts.ts). */
  stageParts?: StageParts;
  /** Names in the question no indexed passage uses ("React", "Spanish"): unknownNames.ts. */
  unknownNames?: string[];
  /** The question's nouns no chunk or vocabulary of the field names, and whether the passages hold a field word of it (offFieldSubject.ts). */
  fieldSubject?: FieldSubject;
  /** The question is about the field in words of its own: no word of it off the field, a field word of it in the top passages (offFieldSubject.ts). */
  /**
   * Subjects outside the field the question names (outsideSubjects.ts), when the passages share no
   * field word with it: what it asks about is not what they say. Low at best (confidence.ts).
   */
  outsideSubjects?: string[];
  /**
   * What a request for a way to learn asks the way to, when it lies outside the field (转行做会计, React
   * 前端的入门路线; studyTarget.ts): the question is about it, whatever field words describe the plan. Low at best.
   */
  studyTargetsOutside?: string[];
  fieldParaphrase?: boolean;
  /** The question opens by stepping aside from the conversation (对了，, btw) and asks of a word of its own (digression.ts): low at best. */
  digression?: boolean;
  /** Two or more of the question's words are in the top passages, and one passage holds them all (termsTogether.ts). */
  termsTogether?: boolean;
  /**
   * A specific learners' phrase of the question names a concept the leading passages name in the
   * documents' words (learnerConcept.ts): supported, however few of its own words they share.
   */
  learnerConceptFound?: boolean;
  /** The learner's words that named that concept: learners' phrases as written, a description's units (learnerConcept.ts). */
  learnerConceptWords?: string[];
  /**
   * For a question asking where something sits in the roadmap it names (or the conversation's):
   * the field concepts it names that this roadmap never names, as the question wrote them
   * (conceptsOutsideRoadmap.ts). No stage of that roadmap is their place.
   */
  conceptsOutsideRoadmap?: string[];
  /** Facts the question asks of a document itself (its author, date, tags), which document, and which it does not state (documentFacts.ts). */
  documentFacts?: DocumentFactsAsked;
  /** The question as its evidence was judged: Simplified, misspelt words repaired (RLFH → RLHF). */
  judgedQuery?: string;
  /** A comparison question as its two sides are read: judgedQuery with Chinese homophone typos repaired too (微掉 → 微调). */
  comparedQuery?: string;
  /**
   * The roadmap positions are the stages the request gave to move on from (RetrieveOptions.fromStages),
   * each answered: one at the end of its roadmap too, to be told as the last (first) stage.
   */
  placedAtGivenStages?: boolean;
  /** For "RAG 和微调先学哪个": where each of the topics sits in each roadmap, and which comes first (topicOrder.ts). */
  topicOrder?: TopicOrder;
  /**
   * The topics an order question names ("MoE 和 Sora 哪个先学") when each sits in some roadmap but no
   * roadmap places two of them: no document says which comes first, whatever passages answer it.
   */
  topicOrderUnplaced?: string[];
}

/** Two or more topics a question asks the order of ("RAG、微调和 Agent 按什么顺序学"), in its order, and their stages roadmap by roadmap. */
export interface TopicOrder {
  topics: string[];
  /** Roadmaps placing two topics or more first, then those placing one. */
  roadmaps: TopicOrderInRoadmap[];
}

export interface TopicOrderInRoadmap {
  docId: string;
  title: string;
  /** Each topic's stage, in the topics' order; undefined where the roadmap places it nowhere. */
  stages: (SectionRef | undefined)[];
  /**
   * Each placed topic's step on the roadmap's sequence of stages (a smaller step comes first, an
   * equal one is the same stage); absent when fewer than two are placed or one of them sits off
   * that sequence (then no order is claimed).
   */
  steps?: (number | undefined)[];
}

/** A stage's parts (directions, tracks, specialist paths) as its roadmap's outline gives them, each with its first chunk. */
export interface StageParts {
  docId: string;
  title: string;
  stage: string;
  parts: { heading: string; chunkId: string }[];
}

/** A stage by its place in its roadmap's outline (a RoadmapPosition's SectionRef and document). */
export interface StageInRoadmap {
  docId: string;
  sectionIndex: number;
  /** The stage's heading: the place is taken only while the outline still has this heading there. */
  heading: string;
}

export interface RetrieveOptions {
  k?: number;
  filters?: RetrievalFilters;
  /**
   * The roadmap (document id) the conversation named, for a question that goes on about it
   * without naming it ("那最后一篇呢？"): answered from it first, as if the question named it.
   */
  conversationRoadmap?: string;
  /**
   * The stages a follow-up moves on from ("那再之后呢？" after an answer that gave the next stage in
   * several roadmaps): a before/after question is placed at these, in this order, instead of where
   * its topic sits, and a stage at the end of its roadmap is kept (the answer says it is the last).
   * Ignored for a question that asks no before/after.
   */
  fromStages?: readonly StageInRoadmap[];
}

export interface Retriever {
  /** Full retrieval for answering: hybrid + roadmap context + abstention signal. */
  retrieve(query: string, options?: RetrieveOptions): Promise<RetrievalResult>;
  /**
   * How retrieve() reads a question (language, before/after, topic, expansions), without
   * retrieving: answerers use it for the earlier questions of a conversation.
   */
  analyzeQuestion(question: string): QueryAnalysis;
  /**
   * The topic retrieve() reads in a question (analyzeQuestion's), without the rest of its analysis:
   * a conversation reads the topics of its turns, and expanding each turn was most of that cost.
   */
  topicOf(question: string): string | undefined;
  /**
   * The document id of the roadmap a question names by its shape, origin or title ("ninehills
   * 那篇", "the five-stage guide"), as retrieve() reads it: a conversation keeps talking about it.
   */
  roadmapNamedIn(question: string): string | undefined;
  /**
   * Whether a phrase is the name of a stage of some roadmap ("基础夯实"), as retrieve() reads stage
   * names: a follow-up may name one without a stage word ("那基础夯实呢？"). Absent, no phrase is.
   */
  namesStage?(phrase: string): boolean;
  /**
   * The name of the stage beside the one a phrase names, in the one roadmap with that stage
   * ("原理学习", next → "接入开发"): a follow-up that steps twice from a stage named by its name
   * ("下一个呢" → "再下一个呢") moves from there. Absent, none is known.
   */
  neighbourStage?(phrase: string, direction: "next" | "previous"): string | undefined;
  /** Plain ranked hybrid search (for /api/search), best first. */
  search(query: string, options?: RetrieveOptions): Promise<Passage[]>;
}
