import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { BaseMessage, MessageContent, UsageMetadata } from "@langchain/core/messages";
import type { RetrievalResult, Retriever } from "../retrieval/types.js";
import { UpstreamFailed, UpstreamTimeout } from "../errors.js";
import { buildCitations, checkCitationMarkers } from "./citations.js";
import { ExtractiveAnswerer, answerTokens, recentHistory, retrieveOptions } from "./ExtractiveAnswerer.js";
import { answerLanguage, answerLanguageOfText } from "./language.js";
import { ANSWER_WORDING, buildAnswerPrompt, buildCondensePrompt, cleanCondensedQuestion } from "./prompts.js";
import { toUpstreamError } from "../upstreamErrors.js";
import type { AnswerEvent, AnswerRequest, AnswerResult, Answerer, Citation, Usage } from "./types.js";

export interface LlmAnswererOptions {
  retriever: Retriever;
  chatModel: BaseChatModel;
  /** The model server's base URL, for error messages (never the key). */
  baseURL: string | undefined;
  maxHistoryTurns?: number;
  /** On a model failure before any token was sent, answer extractively (marked fallback). */
  fallbackToExtractive?: boolean;
  now?: () => number;
  /** Sees every prompt sent (for DEBUG_PROMPTS logging); prompts contain user text, so off by default. */
  onPrompt?: (kind: "condense" | "answer", prompt: { system: string; user: string }) => void;
}

const MAX_CONDENSED_CHARS = 500;

interface Prepared {
  standaloneQuestion: string;
  result: RetrievalResult;
  retrieveMs: number;
  generateMs: number;
  usage?: Usage;
}

function textOf(content: MessageContent): string {
  if (typeof content === "string") return content;
  return content.map((part) => (part.type === "text" && typeof part.text === "string" ? part.text : "")).join("");
}

function toUsage(metadata: UsageMetadata | undefined): Usage | undefined {
  if (!metadata) return undefined;
  return { promptTokens: metadata.input_tokens, completionTokens: metadata.output_tokens, totalTokens: metadata.total_tokens };
}

function addUsage(a: Usage | undefined, b: Usage | undefined): Usage | undefined {
  if (!a) return b;
  if (!b) return a;
  return { promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens, totalTokens: a.totalTokens + b.totalTokens };
}

function isUpstreamFailure(error: unknown): boolean {
  return error instanceof UpstreamFailed || error instanceof UpstreamTimeout;
}

/**
 * LLM mode: condense the conversation into a standalone question (one model call, only with
 * history), retrieve, abstain without a model call on weak evidence, else generate a cited
 * answer from the numbered passages. Invented citation markers are removed before `done`.
 */
export class LlmAnswerer implements Answerer {
  readonly mode = "llm" as const;
  private readonly now: () => number;
  private readonly extractive: ExtractiveAnswerer;

  constructor(private readonly options: LlmAnswererOptions) {
    this.now = options.now ?? (() => performance.now());
    this.extractive = new ExtractiveAnswerer({ retriever: options.retriever, maxHistoryTurns: options.maxHistoryTurns ?? 10, now: this.now });
  }

  private callOptions(signal: AbortSignal | undefined) {
    return signal ? { signal } : {};
  }

  private async call<T>(signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toUpstreamError(error, { baseURL: this.options.baseURL, signal });
    }
  }

  private async condense(request: AnswerRequest): Promise<{ question: string; usage?: Usage }> {
    const history = recentHistory(request.history, this.options.maxHistoryTurns ?? 10);
    if (history.length === 0) return { question: request.question.trim() };
    const prompt = buildCondensePrompt({ history, followUp: request.question, language: answerLanguageOfText(request.question) });
    this.options.onPrompt?.("condense", prompt);
    const reply = await this.call(request.signal, () =>
      this.options.chatModel.invoke([new SystemMessage(prompt.system), new HumanMessage(prompt.user)], this.callOptions(request.signal)),
    );
    const condensed = cleanCondensedQuestion(textOf(reply.content));
    const usage = toUsage(reply.usage_metadata);
    // An empty or rambling reply means the model answered instead of rewriting: keep the question.
    const usable = condensed.length > 0 && condensed.length <= MAX_CONDENSED_CHARS;
    return { question: usable ? condensed : request.question.trim(), ...(usage ? { usage } : {}) };
  }

  private async prepare(request: AnswerRequest): Promise<Prepared> {
    const condenseStarted = this.now();
    const condensed = await this.condense(request);
    const generateMs = this.now() - condenseStarted;
    const retrieveStarted = this.now();
    const result = await this.options.retriever.retrieve(condensed.question, retrieveOptions(request));
    return {
      standaloneQuestion: condensed.question,
      result,
      retrieveMs: this.now() - retrieveStarted,
      generateMs,
      ...(condensed.usage ? { usage: condensed.usage } : {}),
    };
  }

  private messages(prepared: Prepared): BaseMessage[] {
    const prompt = buildAnswerPrompt({
      question: prepared.standaloneQuestion,
      passages: prepared.result.passages,
      language: answerLanguage(prepared.result.analysis.language),
    });
    this.options.onPrompt?.("answer", prompt);
    return [new SystemMessage(prompt.system), new HumanMessage(prompt.user)];
  }

  private abstained(prepared: Prepared): AnswerResult {
    return this.finish(prepared, ANSWER_WORDING[answerLanguage(prepared.result.analysis.language)].abstain, [], { abstained: true });
  }

  private finish(prepared: Prepared, raw: string, citations: Citation[], extra: { abstained?: boolean; usage?: Usage; generateMs?: number } = {}): AnswerResult {
    const checked = checkCitationMarkers(raw.trim(), citations.length);
    const abstain = ANSWER_WORDING[answerLanguage(prepared.result.analysis.language)].abstain;
    // The model was told to answer with exactly this sentence when the passages do not help.
    const modelAbstained = checked.used.length === 0 && checked.answer.includes(abstain.replace(/[。.]$/, ""));
    const abstained = extra.abstained ?? modelAbstained;
    const usage = addUsage(prepared.usage, extra.usage);
    return {
      answer: checked.answer,
      citations: abstained ? [] : citations,
      abstained,
      mode: "llm",
      language: prepared.result.analysis.language,
      standaloneQuestion: prepared.standaloneQuestion,
      removedCitations: checked.removed,
      // Whole milliseconds: sub-millisecond digits are noise in API and CLI output.
      timings: { retrieveMs: Math.round(prepared.retrieveMs), generateMs: Math.round(prepared.generateMs + (extra.generateMs ?? 0)) },
      ...(usage ? { usage } : {}),
    };
  }

  /** When allowed, the extractive answer for a model failure; else the failure itself. */
  private async fallbackOrThrow(error: unknown, request: AnswerRequest, prepared?: Prepared): Promise<AnswerResult> {
    if (!this.options.fallbackToExtractive || !isUpstreamFailure(error) || request.signal?.aborted) throw error;
    if (prepared) {
      return this.extractive.fromRetrieval(prepared.standaloneQuestion, prepared.result, { retrieveMs: prepared.retrieveMs, generateMs: prepared.generateMs }, { fallback: true });
    }
    // Condensing failed: retrieve with the offline follow-up heuristic instead.
    const query = this.extractive.retrievalQuery(request);
    const started = this.now();
    const result = await this.options.retriever.retrieve(query, retrieveOptions(request));
    return this.extractive.fromRetrieval(query, result, { retrieveMs: this.now() - started, generateMs: 0 }, { fallback: true });
  }

  async answer(request: AnswerRequest): Promise<AnswerResult> {
    let prepared: Prepared;
    try {
      prepared = await this.prepare(request);
    } catch (error) {
      return this.fallbackOrThrow(error, request);
    }
    if (prepared.result.weak || prepared.result.passages.length === 0) return this.abstained(prepared);
    const citations = buildCitations(prepared.result.passages);
    const started = this.now();
    try {
      const reply = await this.call(request.signal, () => this.options.chatModel.invoke(this.messages(prepared), this.callOptions(request.signal)));
      const usage = toUsage(reply.usage_metadata);
      return this.finish(prepared, textOf(reply.content), citations, { generateMs: this.now() - started, ...(usage ? { usage } : {}) });
    } catch (error) {
      return this.fallbackOrThrow(error, request, prepared);
    }
  }

  async *stream(request: AnswerRequest): AsyncIterable<AnswerEvent> {
    let prepared: Prepared;
    try {
      prepared = await this.prepare(request);
    } catch (error) {
      const result = await this.fallbackOrThrow(error, request);
      yield { type: "citations", citations: result.citations };
      for (const text of answerTokens(result.answer)) yield { type: "token", text };
      yield { type: "done", result };
      return;
    }
    if (prepared.result.weak || prepared.result.passages.length === 0) {
      const result = this.abstained(prepared);
      yield { type: "citations", citations: [] };
      yield { type: "token", text: result.answer };
      yield { type: "done", result };
      return;
    }

    const citations = buildCitations(prepared.result.passages);
    yield { type: "citations", citations };
    const started = this.now();
    let text = "";
    let usage: Usage | undefined;
    let fallback: AnswerResult | undefined;
    try {
      const chunks = await this.options.chatModel.stream(this.messages(prepared), this.callOptions(request.signal));
      for await (const chunk of chunks) {
        usage = toUsage(chunk.usage_metadata) ?? usage;
        const piece = textOf(chunk.content);
        if (piece.length === 0) continue;
        text += piece;
        yield { type: "token", text: piece };
      }
    } catch (error) {
      const mapped = toUpstreamError(error, { baseURL: this.options.baseURL, signal: request.signal });
      // Once tokens reached the client, switching to another answer would garble it.
      if (text.length > 0) throw mapped;
      fallback = await this.fallbackOrThrow(mapped, request, prepared);
    }
    if (fallback) {
      for (const piece of answerTokens(fallback.answer)) yield { type: "token", text: piece };
      yield { type: "done", result: fallback };
      return;
    }
    yield { type: "done", result: this.finish(prepared, text, citations, { generateMs: this.now() - started, ...(usage ? { usage } : {}) }) };
  }
}
