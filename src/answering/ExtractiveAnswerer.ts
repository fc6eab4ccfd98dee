import type { RetrievalResult, RetrieveOptions, Retriever, StageInRoadmap } from "../retrieval/types.js";
import { composeExtractiveAnswer } from "./extractiveAnswer.js";
import { askedOfAnsweredStage, readsAnsweredStage } from "./answeredStage.js";
import { conversationRoadmap } from "./conversationRoadmap.js";
import { readConversation } from "./followUp.js";
import { pointsAtDocument, pointsAtStage } from "./followUpCues.js";
import { choosesAmongDocuments } from "./followUpScope.js";
import { recentHistory } from "./history.js";
import { roadmapAnswerLedWith, stageAnswerGave, stagesAnswerGave } from "./ledRoadmap.js";
import { roadmapPositionsOf } from "./roadmapPlacement.js";
import type { AnswerEvent, AnswerRequest, AnswerResult, Answerer } from "./types.js";

export interface ExtractiveAnswererOptions {
  retriever: Retriever;
  /** Only the last this-many history turns (exchanges) are looked at (config MAX_HISTORY_TURNS). */
  maxHistoryTurns?: number;
  now?: () => number;
}

export function retrieveOptions(request: AnswerRequest): RetrieveOptions {
  return {
    ...(request.k !== undefined ? { k: request.k } : {}),
    ...(request.filters !== undefined ? { filters: request.filters } : {}),
  };
}

/** Split a finished answer into line-sized tokens, so streaming clients render progressively. */
export function answerTokens(answer: string): string[] {
  return answer.split(/(?<=\n)/);
}

/**
 * Offline mode: no model. Answers are quoted from the retrieved passages (see
 * extractiveAnswer.ts); a follow-up question borrows the previous question's topic.
 */
export class ExtractiveAnswerer implements Answerer {
  readonly mode = "extractive" as const;
  private readonly now: () => number;

  constructor(private readonly options: ExtractiveAnswererOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** The query retrieval sees: the question, with the previous topic carried into a follow-up. */
  retrievalQuery(request: AnswerRequest): string {
    return this.readConversation(request).at(-1)!;
  }

  /**
   * Each user question of the request's conversation read in the setting of those before it, the
   * request's own last (readConversation), with the retriever's own reading of each earlier
   * question, so topics agree with what it retrieves.
   */
  private readConversation(request: AnswerRequest): string[] {
    const history = recentHistory(request.history, this.options.maxHistoryTurns);
    return readConversation(
      request.question,
      history,
      (question) => this.options.retriever.topicOf(question),
      (question) => this.options.retriever.roadmapNamedIn(question),
      (phrase) => this.options.retriever.namesStage?.(phrase) ?? false,
      (phrase, direction) => this.options.retriever.neighbourStage?.(phrase, direction),
    );
  }

  /** What retrieval is asked for `query` (retrievalQuery's): k, filters, and the roadmap the conversation is about. */
  retrievalOptions(request: AnswerRequest, query: string): RetrieveOptions {
    const history = recentHistory(request.history, this.options.maxHistoryTurns);
    const roadmap = conversationRoadmap(query, history, (question) => this.options.retriever.roadmapNamedIn(question), request.question);
    return { ...retrieveOptions(request), ...(roadmap !== undefined ? { conversationRoadmap: roadmap } : {}) };
  }

  /**
   * The retrieval for a request, as retrievalQuery and retrievalOptions say. When the answer from
   * the conversation's roadmap would be refused (a follow-up that moved on to something that
   * roadmap never covers), the question is retrieved again over every roadmap, and that result is
   * taken unless it is as weak.
   */
  async retrieveFor(request: AnswerRequest): Promise<{ query: string; result: RetrievalResult }> {
    return this.retrieveRead(request, this.readConversation(request));
  }

  /** retrieveFor with the conversation already read (`readings`: readConversation's, the request's query last). */
  private async retrieveRead(request: AnswerRequest, readings: string[]): Promise<{ query: string; result: RetrievalResult }> {
    const { asked, fromStages } = await this.withAnsweredStage(request, readings);
    const { query, options: read } = await this.withAnsweredRoadmap(request, asked, readings, this.retrievalOptions(request, asked));
    // The roadmaps the previous answer placed, unless the conversation keeps to one of them.
    const options = fromStages && read.conversationRoadmap === undefined ? { ...read, fromStages } : read;
    const result = await this.options.retriever.retrieve(query, options);
    if (!result.weak || options.conversationRoadmap === undefined) return { query, result };
    const { conversationRoadmap: _named, ...everywhere } = options;
    const wider = await this.options.retriever.retrieve(query, everywhere);
    return { query, result: wider.weak ? result : wider };
  }

  /**
   * "那再下一段呢？" / "what's in there?" after a before/after question: the follow-up moves on from,
   * or asks inside, the stage that answer gave (readsAnsweredStage), which only its retrieval knows;
   * so the previous question is retrieved again, as withAnsweredRoadmap does, only for such a
   * question. The previous turn's query is the one before last of `readings`, read once.
   */
  private async withAnsweredStage(request: AnswerRequest, readings: string[]): Promise<{ asked: string; fromStages?: StageInRoadmap[] }> {
    const query = { asked: readings.at(-1)! };
    if (readings.length < 2) return query;
    const reading = readsAnsweredStage(request.question, readings.at(-2)!);
    if (reading === undefined) return query;
    const earlier = await this.retrieveRead(this.previousRequest(request), readings.slice(0, -1));
    const stage = stageAnswerGave(earlier.result);
    if (stage === undefined) return query;
    const topicOf = (question: string) => this.options.retriever.topicOf(question);
    const asked = askedOfAnsweredStage(request.question, earlier.query, reading, stage, topicOf);
    if (asked === undefined) return query;
    // "again" after an answer that placed several roadmaps moves on in each of them, from the stage it gave there.
    const stages = reading === "again" ? stagesAnswerGave(earlier.result) : [];
    return stages.length > 1 ? { asked, fromStages: stages } : { asked };
  }

  /** The request of the previous user turn: its question, with the history before it. Only for a request with one. */
  private previousRequest(request: AnswerRequest): AnswerRequest {
    const history = recentHistory(request.history, this.options.maxHistoryTurns);
    const last = history.findLastIndex((turn) => turn.role === "user");
    return { ...request, question: history[last]!.content, history: history.slice(0, last) };
  }

  /**
   * "那篇还推荐了哪些书" / "does it say how long that takes" after "哪篇讲了 MoE": the question points at a
   * document (or a stage) the conversation never named, so it means the roadmap the previous answer
   * led with. That answer is not in the history the offline path reads (user turns only, and a
   * client may send none), so the previous question is retrieved again as it was answered: one more
   * retrieval, only for such a question. A question that names a roadmap itself keeps its own.
   */
  private async withAnsweredRoadmap(
    request: AnswerRequest,
    query: string,
    readings: string[],
    options: RetrieveOptions,
  ): Promise<{ query: string; options: RetrieveOptions }> {
    const unchanged = { query, options };
    // A question without an earlier one has no previous answer: its cues are not read (~6 µs an ask).
    if (readings.length < 2 || options.conversationRoadmap !== undefined) return unchanged;
    if (!pointsAtDocument(request.question) || choosesAmongDocuments(request.question)) return unchanged;
    if (this.options.retriever.roadmapNamedIn(query) !== undefined) return unchanged;
    const earlier = await this.retrieveRead(this.previousRequest(request), readings.slice(0, -1));
    const led = roadmapAnswerLedWith(earlier.query, earlier.result, (text) => this.options.retriever.analyzeQuestion(text).expansions);
    if (led === undefined) return unchanged;
    // "这个阶段" is the section the answering line sat in (前沿研究阶段 for the MoE line), not the topic.
    const stage = led.section !== undefined && pointsAtStage(request.question) ? ` ${led.section}` : "";
    return { query: `${query}${stage}`, options: { ...options, conversationRoadmap: led.docId } };
  }

  async answer(request: AnswerRequest): Promise<AnswerResult> {
    const started = this.now();
    const { query, result } = await this.retrieveFor(request);
    return this.fromRetrieval(query, result, { retrieveMs: this.now() - started, generateMs: 0 }, { asked: request.question });
  }

  /** The extractive answer for a retrieval already done (also the LLM mode's fallback). */
  fromRetrieval(
    standaloneQuestion: string,
    result: RetrievalResult,
    timings: AnswerResult["timings"],
    /** asked: the learner's own question, whose script the framing follows. */
    options: { fallback?: boolean; asked?: string } = {},
  ): AnswerResult {
    const started = this.now();
    const composed = composeExtractiveAnswer(standaloneQuestion, result, options);
    return {
      answer: composed.answer,
      citations: composed.citations,
      abstained: composed.abstained,
      confidence: composed.confidence,
      mode: "extractive",
      language: result.analysis.language,
      standaloneQuestion,
      removedCitations: 0,
      ...(options.fallback ? { fallback: true } : {}),
      // Whole milliseconds: sub-millisecond digits are noise in API and CLI output.
      timings: { retrieveMs: Math.round(timings.retrieveMs), generateMs: Math.round(timings.generateMs + (this.now() - started)) },
      ...(composed.abstained ? {} : roadmapPositionsOf(result)),
    };
  }

  async *stream(request: AnswerRequest): AsyncIterable<AnswerEvent> {
    const result = await this.answer(request);
    yield* eventsOf(result);
  }
}

/** A finished result as the event sequence: citations, tokens, done. */
export function* eventsOf(result: AnswerResult): Generator<AnswerEvent> {
  yield { type: "citations", citations: result.citations };
  for (const text of answerTokens(result.answer)) yield { type: "token", text };
  yield { type: "done", result };
}
