import type { AnswerResult, Confidence, Usage } from "../answering/types.js";
import type { GoldQuote, QuestionClass, QuestionKind, QuestionLang } from "./dataset.js";
import type { LineRange } from "./goldMatching.js";

/**
 * The pipeline under evaluation, whichever way it is reached (in-process or over HTTP): metrics
 * and reporters only see this.
 */
export interface AskOutcome {
  /**
   * The answer as the user gets it. Retrieval is scored on its citations (the passages the
   * answer was written from, in order), never on a separate search call, so in-process and
   * HTTP runs score the same thing.
   */
  answer: AnswerResult;
  /** Wall-clock time of the answer call. */
  latencyMs: number;
}

export interface AskOptions {
  /** Passages the answer draws on; undefined asks with the product's own default (what users get). */
  k?: number;
  /** Earlier user questions of the conversation, oldest first (sent as prior user turns). */
  history: readonly string[];
}

export type AskFn = (question: string, options: AskOptions) => Promise<AskOutcome>;

export interface EvalPipeline {
  /** "in-process" or the server URL: shown in reports. */
  target: string;
  ask: AskFn;
  /** The text of a corpus file (source path relative to the corpus root), to locate gold quotes. */
  sourceText(document: string): Promise<string | undefined>;
  close(): Promise<void>;
}

export interface JudgeClaim {
  claim: string;
  supported: boolean;
  /** Citation numbers the judge found support in. */
  citations: number[];
}

export type JudgeVerdict =
  | {
      status: "judged";
      /** Share of the answer's claims supported by its cited passages, 0..1. */
      faithfulness: number;
      /** How well the answer addresses the question, 0..1. */
      relevance: number;
      claims: JudgeClaim[];
      reasoning: string;
      usage?: Usage;
    }
  | { status: "skipped"; reason: string }
  | { status: "error"; message: string };

export interface RetrievalScore {
  /** 1-based rank of the first gold passage within the top k, null when none. */
  firstGoldRank: number | null;
  hit: boolean;
  reciprocalRank: number;
  /** Share of the gold quotes found anywhere in the top k. */
  goldRecall: number;
  goldFound: boolean[];
  top: { source: string; lines: LineRange; gold: boolean }[];
}

export interface AnswerScore {
  text: string;
  mode: AnswerResult["mode"];
  abstained: boolean;
  /** The answer's confidence (answers from servers without the field: none if abstained, else high). */
  confidence: Confidence;
  citations: { n: number; source: string; lines: LineRange; gold: boolean }[];
  /** Share of citations that are gold; null when nothing was cited or there is no gold. */
  citationPrecision: number | null;
  /** Whether some citation is gold; null when the question has no gold. */
  citationHit: boolean | null;
  /** Share of must_mention phrases the answer contains; null when there are none. */
  mustMentionRecall: number | null;
  missingMentions: string[];
  /** Whether abstaining (or not) was right for this question. */
  abstentionCorrect: boolean;
}

export interface QuestionResult {
  id: string;
  question: string;
  kind: QuestionKind | undefined;
  lang?: QuestionLang | undefined;
  classes?: QuestionClass[];
  history?: string[];
  unanswerable: boolean;
  line: number;
  gold: GoldQuote[];
  mustMention: string[];
  /** Retrieval against the gold quotes; null for unanswerable questions or questions without gold. */
  retrieval: RetrievalScore | null;
  /** null when the pipeline failed for this question. */
  answer: AnswerScore | null;
  error?: string;
  latencyMs: number | null;
  usage?: Usage;
  judge?: JudgeVerdict;
  /** What went wrong, one plain sentence each; empty when the question passed every check. */
  failures: string[];
}

export interface MetricSummary {
  questions: number;
  answerable: number;
  unanswerable: number;
  errors: number;
  /** Means over the questions each metric applies to; null when it applies to none. */
  hitAtK: number | null;
  mrr: number | null;
  goldRecall: number | null;
  /** Gold recall over questions with more than one gold quote. */
  multiSourceGoldRecall: number | null;
  citationPrecision: number | null;
  citationHit: number | null;
  mustMentionRecall: number | null;
  abstentionAccuracy: number | null;
  /** Share of answerable questions refused (confidence none). */
  falseAbstentionRate: number | null;
  /** Share of unanswerable questions refused or answered with confidence low. */
  unanswerableCaught: number | null;
  /** Share of answerable questions answered (not refused) but marked confidence low. */
  answerableLowRate: number | null;
  faithfulness: number | null;
  answerRelevance: number | null;
  latencyMs: { p50: number | null; p95: number | null; max: number | null };
  usage: { promptTokens: number; completionTokens: number; totalTokens: number } | null;
}

export type MetricName = Exclude<keyof MetricSummary, "questions" | "answerable" | "unanswerable" | "errors" | "latencyMs" | "usage">;
