import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { BaseMessage } from "@langchain/core/messages";
import type { RetrievalResult, Retriever } from "../retrieval/types.js";
import { UpstreamFailed, UpstreamTimeout } from "../errors.js";
import { CitationStreamFilter } from "./citationStream.js";
import { buildCitations, checkCitationMarkers } from "./citations.js";
import { withDeadline } from "./deadline.js";
import { ExtractiveAnswerer, answerTokens, retrieveOptions } from "./ExtractiveAnswerer.js";
import { recentHistory } from "./history.js";
import { answerLanguage, answerLanguageOfText, type AnswerLanguage } from "./language.js";
import { confidenceOf } from "../retrieval/confidence.js";
import { addUsage, streamModel, type ModelStreamEnd } from "./modelStream.js";
import {
  ANSWER_WORDING,
  buildAnswerPrompt,
  buildCondensePrompt,
  cleanCondensedQuestion,
  lowConfidenceNotice,
  mayBeNotCoveredMarker,
  notCoveredReply,
} from "./prompts.js";
import { displayServerUrl, toUpstreamError } from "../upstreamErrors.js";
import { roadmapPositionsOf } from "./roadmapPlacement.js";
import type { AnswerEvent, AnswerRequest, AnswerResult, Answerer, Citation, GenerationSettings, Usage } from "./types.js";

export interface LlmAnswererOptions {
  retriever: Retriever;
  chatModel: BaseChatModel;
  /** The chat model with a request's own temperature / max tokens (the /v1 route's parameters). */
  chatModelFor?: (settings: GenerationSettings) => BaseChatModel;
  /** The model server's base URL, for error messages (never the key). */
  baseURL: string | undefined;
  maxHistoryTurns?: number;
  /** On a model failure before any token was sent, answer extractively (marked fallback). */
  fallbackToExtractive?: boolean;
  /** Longest silence between streamed model chunks (MODEL_IDLE_TIMEOUT_MS). */
  idleTimeoutMs?: number;
  /** Longest answer kept (MAX_ANSWER_CHARS); past it the model request is stopped. */
  maxAnswerChars?: number;
  /** Total time for one answer, condensing and retries included (REQUEST_TIMEOUT_MS). */
  answerTimeoutMs?: number;
  now?: () => number;
  /** Sees every prompt sent (for DEBUG_PROMPTS logging); prompts contain user text, so off by default. */
  onPrompt?: (kind: "condense" | "answer", prompt: { system: string; user: string }) => void;
}

const MAX_CONDENSED_CHARS = 500;
const DEFAULT_IDLE_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_ANSWER_CHARS = 20_000;

interface Prepared {
  standaloneQuestion: string;
  result: RetrievalResult;
  /** The answer's language, with the script of the learner's own words. */
  language: AnswerLanguage;
  /** For an answer the model writes (the gate refuses clear none first); decided once per answer. */
  confidence: "high" | "low";
  retrieveMs: number;
  generateMs: number;
  usage?: Usage;
}

/** An answer that exists in full (abstention, extractive fallback) as citations, tokens, done. */
function* wholeAnswer(result: AnswerResult): Iterable<AnswerEvent> {
  yield { type: "citations", citations: result.citations };
  for (const text of answerTokens(result.answer)) yield { type: "token", text };
  yield { type: "done", result };
}

/**
 * LLM mode: condense the conversation into a standalone question (one model call, only with
 * history), retrieve, abstain without a model call on weak evidence, else generate a cited
 * answer from the numbered passages. Every model reply is read as a stream under one deadline,
 * an idle timeout and a length cap (see modelStream.ts); invented citation markers are removed
 * as the text streams, so streamed and JSON answers are the same text.
 */
export class LlmAnswerer implements Answerer {
  readonly mode = "llm" as const;
  private readonly now: () => number;
  private readonly extractive: ExtractiveAnswerer;
  /** The model server as it may be shown in errors (never the key). */
  private readonly server: string;

  constructor(private readonly options: LlmAnswererOptions) {
    this.now = options.now ?? (() => performance.now());
    this.server = displayServerUrl(options.baseURL);
    this.extractive = new ExtractiveAnswerer({
      retriever: options.retriever,
      ...(options.maxHistoryTurns !== undefined ? { maxHistoryTurns: options.maxHistoryTurns } : {}),
      now: this.now,
    });
  }

  /** The caller's signal plus this answerer's own total deadline. */
  private deadline(request: AnswerRequest) {
    const ms = this.options.answerTimeoutMs;
    return withDeadline(
      request.signal,
      ms,
      () => new UpstreamTimeout(`model server ${this.server} gave no complete answer within ${ms} ms`),
    );
  }

  /** One model reply as text pieces; failures come out as product errors (UpstreamFailed/Timeout). */
  private async *reply(
    messages: BaseMessage[],
    signal: AbortSignal,
    maxChars: number,
    settings: GenerationSettings = {},
  ): AsyncGenerator<string, ModelStreamEnd> {
    const custom = settings.temperature !== undefined || settings.maxTokens !== undefined;
    const model = custom && this.options.chatModelFor ? this.options.chatModelFor(settings) : this.options.chatModel;
    const idleMs = this.options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    const stalled = () => new UpstreamTimeout(`model server ${this.server} sent nothing for ${idleMs} ms`);
    const pieces = streamModel(model, messages, { signal, idleTimeoutMs: idleMs, maxChars, stop: settings.stop, stalled });
    let sent = false;
    try {
      let step = await pieces.next();
      for (; !step.done; step = await pieces.next()) {
        if (step.value.trim().length > 0) sent = true;
        yield step.value;
      }
      // An HTML page, an unparsable stream or `choices: []` reads as a stream with no text.
      if (!sent) throw new UpstreamFailed(`model server ${this.server} sent an empty or unreadable reply`);
      return step.value;
    } catch (error) {
      throw toUpstreamError(error, { baseURL: this.options.baseURL, signal });
    } finally {
      // When our reader stops early, stop the model request too.
      void pieces.return(undefined as never).catch(() => {});
    }
  }

  private async condense(request: AnswerRequest, signal: AbortSignal): Promise<{ question: string; usage?: Usage }> {
    const history = recentHistory(request.history, this.options.maxHistoryTurns);
    if (history.length === 0) return { question: request.question.trim() };
    const prompt = buildCondensePrompt({ history, followUp: request.question, language: answerLanguageOfText(request.question) });
    this.options.onPrompt?.("condense", prompt);
    const pieces = this.reply([new SystemMessage(prompt.system), new HumanMessage(prompt.user)], signal, MAX_CONDENSED_CHARS * 2);
    let text = "";
    let step = await pieces.next();
    for (; !step.done; step = await pieces.next()) text += step.value;
    const condensed = cleanCondensedQuestion(text);
    const usage = step.value.usage;
    // An empty or rambling reply means the model answered instead of rewriting: keep the question.
    const usable = !step.value.truncated && condensed.length > 0 && condensed.length <= MAX_CONDENSED_CHARS;
    return { question: usable ? condensed : request.question.trim(), ...(usage ? { usage } : {}) };
  }

  private async prepare(request: AnswerRequest, signal: AbortSignal): Promise<Prepared> {
    const condenseStarted = this.now();
    const condensed = await this.condense(request, signal);
    const generateMs = this.now() - condenseStarted;
    const retrieveStarted = this.now();
    const result = await this.options.retriever.retrieve(condensed.question, retrieveOptions(request));
    return {
      standaloneQuestion: condensed.question,
      result,
      language: answerLanguage(result.analysis.language, request.question),
      // The details asked are the learner's own when the follow-up asks one (turnDetails.ts), as offline.
      confidence: confidenceOf(condensed.question, result, undefined, request.question) === "high" ? "high" : "low",
      retrieveMs: this.now() - retrieveStarted,
      generateMs,
      ...(condensed.usage ? { usage: condensed.usage } : {}),
    };
  }

  private messages(prepared: Prepared): BaseMessage[] {
    const language = prepared.language;
    const prompt = buildAnswerPrompt({ question: prepared.standaloneQuestion, passages: prepared.result.passages, language });
    this.options.onPrompt?.("answer", prompt);
    return [new SystemMessage(prompt.system), new HumanMessage(prompt.user)];
  }

  private abstained(prepared: Prepared): AnswerResult {
    return this.finish(prepared, ANSWER_WORDING[prepared.language].abstain, [], { abstained: true });
  }

  private finish(
    prepared: Prepared,
    raw: string,
    citations: Citation[],
    extra: { abstained?: boolean; generateMs?: number } & Partial<ModelStreamEnd> = {},
  ): AnswerResult {
    const wording = ANSWER_WORDING[prepared.language];
    const reply = notCoveredReply(raw);
    const checked = checkCitationMarkers(reply.text.trim(), citations.length);
    // The model starts a "not covered" reply with a fixed marker; a reply that only repeats the
    // refusal sentence without citing anything means the same.
    const modelAbstained =
      reply.notCovered || (checked.used.length === 0 && checked.answer.includes(wording.abstain.replace(/[。.]$/, "")));
    const abstained = extra.abstained ?? modelAbstained;
    const confidence = abstained ? "none" : prepared.confidence;
    const usage = addUsage(prepared.usage, extra.usage);
    return {
      answer: abstained
        ? wording.abstain
        : confidence === "low"
          ? `${lowConfidenceNotice(prepared.language, prepared.result)}\n\n${checked.answer}`
          : checked.answer,
      citations: abstained ? [] : citations,
      abstained,
      confidence,
      mode: "llm",
      language: prepared.result.analysis.language,
      standaloneQuestion: prepared.standaloneQuestion,
      removedCitations: checked.removed,
      // Whole milliseconds: sub-millisecond digits are noise in API and CLI output.
      timings: { retrieveMs: Math.round(prepared.retrieveMs), generateMs: Math.round(prepared.generateMs + (extra.generateMs ?? 0)) },
      ...(usage ? { usage } : {}),
      ...(abstained ? {} : roadmapPositionsOf(prepared.result)),
      ...(extra.truncated ? { truncated: true } : {}),
    };
  }

  /** When allowed, the extractive answer for a model failure; else the failure itself. */
  private async fallbackOrThrow(error: unknown, request: AnswerRequest, signal: AbortSignal, prepared?: Prepared): Promise<AnswerResult> {
    if (!this.options.fallbackToExtractive || !(error instanceof UpstreamFailed || error instanceof UpstreamTimeout) || signal.aborted)
      throw error;
    if (prepared) {
      return this.extractive.fromRetrieval(
        prepared.standaloneQuestion,
        prepared.result,
        { retrieveMs: prepared.retrieveMs, generateMs: prepared.generateMs },
        { fallback: true, asked: request.question },
      );
    }
    // Condensing failed: retrieve with the offline follow-up heuristic instead.
    const started = this.now();
    const { query, result } = await this.extractive.retrieveFor(request);
    return this.extractive.fromRetrieval(
      query,
      result,
      { retrieveMs: this.now() - started, generateMs: 0 },
      { fallback: true, asked: request.question },
    );
  }

  async answer(request: AnswerRequest): Promise<AnswerResult> {
    let result: AnswerResult | undefined;
    // Nothing reaches a client before `done` here, so a fallback is allowed even after tokens.
    for await (const event of this.events(request, true)) if (event.type === "done") result = event.result;
    if (!result) throw new UpstreamFailed(`model server ${this.server} gave no answer`);
    return result;
  }

  stream(request: AnswerRequest): AsyncIterable<AnswerEvent> {
    return this.events(request, false);
  }

  private async *events(request: AnswerRequest, buffered: boolean): AsyncIterable<AnswerEvent> {
    const deadline = this.deadline(request);
    try {
      yield* this.streamWithin(request, deadline.signal, buffered);
    } finally {
      deadline.clear();
    }
  }

  private async *streamWithin(request: AnswerRequest, signal: AbortSignal, buffered: boolean): AsyncIterable<AnswerEvent> {
    let prepared: Prepared;
    try {
      prepared = await this.prepare(request, signal);
    } catch (error) {
      yield* wholeAnswer(await this.fallbackOrThrow(error, request, signal));
      return;
    }
    if (prepared.result.weak || prepared.result.passages.length === 0) {
      yield* wholeAnswer(this.abstained(prepared));
      return;
    }

    const citations = buildCitations(prepared.result.passages);
    yield { type: "citations", citations };
    const started = this.now();
    const filter = new CitationStreamFilter(citations.length);
    let raw = "";
    let sentText = false;
    let end: ModelStreamEnd;
    // The start of the reply is held back until it cannot be the not-covered marker, so the
    // marker never reaches the client; a low-confidence notice goes out just before the reply.
    let decided = false;
    let held = "";
    const pieces = this.reply(this.messages(prepared), signal, this.options.maxAnswerChars ?? DEFAULT_MAX_ANSWER_CHARS, request.generation);
    try {
      let step = await pieces.next();
      for (; !step.done; step = await pieces.next()) {
        raw += step.value;
        let piece = step.value;
        if (!decided) {
          held += piece;
          if (mayBeNotCoveredMarker(held)) continue;
          decided = true;
          const reply = notCoveredReply(held);
          if (!reply.notCovered && prepared.confidence === "low") {
            sentText = true;
            yield { type: "token", text: `${lowConfidenceNotice(prepared.language, prepared.result)}\n\n` };
          }
          piece = reply.text;
        }
        const text = filter.push(piece);
        if (text.length === 0) continue;
        sentText = true;
        yield { type: "token", text };
      }
      if (!decided && held.length > 0) {
        const text = filter.push(held);
        if (text.length > 0) yield { type: "token", text };
      }
      end = step.value;
    } catch (error) {
      // Once tokens reached the client, switching to another answer would garble it.
      if (sentText && !buffered) throw error;
      const fallback = await this.fallbackOrThrow(error, request, signal, prepared);
      for (const piece of answerTokens(fallback.answer)) yield { type: "token", text: piece };
      yield { type: "done", result: fallback };
      return;
    } finally {
      void pieces.return(undefined as never).catch(() => {});
    }
    const rest = filter.end();
    if (rest.length > 0) yield { type: "token", text: rest };
    yield { type: "done", result: this.finish(prepared, raw, citations, { generateMs: this.now() - started, ...end }) };
  }
}
