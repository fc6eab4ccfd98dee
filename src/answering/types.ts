import type { PassageRole, QueryLanguage, RetrievalFilters } from "../retrieval/types.js";

export interface Turn {
  role: "user" | "assistant";
  content: string;
}

export interface Citation {
  n: number;
  id: string;
  docId: string;
  source: string;
  title: string;
  headingPath: string[];
  lines: { start: number; end: number };
  text: string;
  /** Original URL for web notes, or the resource URL when the passage is a link. */
  url?: string;
  role: PassageRole;
  linkedFrom?: { title: string; headingPath: string[] }[];
}

/** A stage of a roadmap as a sequence answer names it; `step` is its 1-based place (0: not a numbered step). */
export interface RoadmapStageMark {
  step: number;
  heading: string;
  lines: { start: number; end: number };
}

/** Where the topic of a "what next / what before" question sits in one roadmap. */
export interface RoadmapPlacement {
  roadmapId: string;
  title: string;
  stage: RoadmapStageMark;
  next?: RoadmapStageMark;
  previous?: RoadmapStageMark;
  /** Every step's heading in order: enough for a client to draw the path. */
  steps: string[];
  /** The roadmap page with this topic marked, relative to the server ("/roadmaps/<id>?topic=LoRA"). */
  page: string;
}

/** Present on answers to sequence questions whose topic was placed in at least one roadmap. */
export interface RoadmapPositions {
  direction: "next" | "previous";
  topic: string;
  positions: RoadmapPlacement[];
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export type AnswerMode = "llm" | "extractive";

/** Sampling settings a client may choose per request (the /v1 route passes OpenAI's through). */
export interface GenerationSettings {
  temperature?: number;
  /** Capped by the operator's MAX_ANSWER_TOKENS. */
  maxTokens?: number;
  stop?: string[];
}
/**
 * How far the materials answer the question. "high": a normal answer. "low": the closest
 * passages, cited, after a plain warning that they may not answer it exactly. "none": nothing
 * on topic, so the answer refuses (abstained is true exactly then).
 */
export type Confidence = "high" | "low" | "none";

export interface AnswerRequest {
  question: string;
  history?: Turn[];
  k?: number;
  filters?: RetrievalFilters;
  signal?: AbortSignal;
  generation?: GenerationSettings;
}

export interface AnswerResult {
  answer: string;
  citations: Citation[];
  abstained: boolean;
  /** "none" exactly when abstained; "low" when the passages may not answer it exactly. */
  confidence: Confidence;
  mode: AnswerMode;
  language: QueryLanguage;
  /** The question actually used for retrieval (condensed from history when there was one). */
  standaloneQuestion: string;
  /** Citation markers the model produced that pointed to no passage, and were removed. */
  removedCitations: number;
  /** True when an LLM failure fell back to the extractive answer (FALLBACK_EXTRACTIVE). */
  fallback?: boolean;
  timings: { retrieveMs: number; generateMs: number };
  usage?: Usage;
  roadmap?: RoadmapPositions;
  /** The model's reply was cut at MAX_ANSWER_CHARS (and the model request stopped). */
  truncated?: boolean;
}

export type AnswerEvent =
  { type: "citations"; citations: Citation[] } | { type: "token"; text: string } | { type: "done"; result: AnswerResult };

export interface Answerer {
  readonly mode: AnswerMode;
  answer(request: AnswerRequest): Promise<AnswerResult>;
  /** Yields citations first, then tokens, then done. Throws TutorError subclasses on failure. */
  stream(request: AnswerRequest): AsyncIterable<AnswerEvent>;
}
