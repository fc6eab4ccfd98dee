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

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export type AnswerMode = "llm" | "extractive";

export interface AnswerRequest {
  question: string;
  history?: Turn[];
  k?: number;
  filters?: RetrievalFilters;
  signal?: AbortSignal;
}

export interface AnswerResult {
  answer: string;
  citations: Citation[];
  abstained: boolean;
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
}

export type AnswerEvent =
  | { type: "citations"; citations: Citation[] }
  | { type: "token"; text: string }
  | { type: "done"; result: AnswerResult };

export interface Answerer {
  readonly mode: AnswerMode;
  answer(request: AnswerRequest): Promise<AnswerResult>;
  /** Yields citations first, then tokens, then done. Throws TutorError subclasses on failure. */
  stream(request: AnswerRequest): AsyncIterable<AnswerEvent>;
}
