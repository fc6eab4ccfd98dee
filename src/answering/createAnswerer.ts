import { llmConfigured } from "../config.js";
import type { Config } from "../config.js";
import type { Retriever } from "../retrieval/types.js";
import { ExtractiveAnswerer } from "./ExtractiveAnswerer.js";
import type { LlmAnswererOptions } from "./LlmAnswerer.js";
import type { Answerer } from "./types.js";

/**
 * LLM mode when a model server is configured (key or base URL), else offline extractive answers.
 * Async because the LLM answerer and the chat model are imported only in LLM mode: their
 * modules (`@langchain/openai`, LangChain's messages and runnables) cost ~200 ms of start-up on
 * Node 20 that an offline server would pay for nothing.
 */
export async function createAnswerer({
  config,
  retriever,
  onPrompt,
}: {
  config: Config;
  retriever: Retriever;
  onPrompt?: LlmAnswererOptions["onPrompt"];
}): Promise<Answerer> {
  if (!llmConfigured(config)) {
    return new ExtractiveAnswerer({ retriever, maxHistoryTurns: config.MAX_HISTORY_TURNS });
  }
  const [{ createChatModel }, { LlmAnswerer }] = await Promise.all([import("./createChatModel.js"), import("./LlmAnswerer.js")]);
  return new LlmAnswerer({
    retriever,
    chatModel: createChatModel(config),
    chatModelFor: (settings) => createChatModel(config, settings),
    idleTimeoutMs: config.MODEL_IDLE_TIMEOUT_MS,
    maxAnswerChars: config.MAX_ANSWER_CHARS,
    answerTimeoutMs: config.REQUEST_TIMEOUT_MS,
    baseURL: config.OPENAI_BASE_URL,
    maxHistoryTurns: config.MAX_HISTORY_TURNS,
    fallbackToExtractive: config.FALLBACK_EXTRACTIVE,
    ...(onPrompt ? { onPrompt } : {}),
  });
}
