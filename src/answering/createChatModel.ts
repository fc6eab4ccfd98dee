import { ChatOpenAI } from "@langchain/openai";
import type { Config } from "../config.js";
import type { GenerationSettings } from "./types.js";

type ChatModelConfig = Pick<
  Config,
  "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "CHAT_MODEL" | "TEMPERATURE" | "MAX_ANSWER_TOKENS" | "OPENAI_TIMEOUT_MS" | "OPENAI_MAX_RETRIES"
>;

/**
 * The chat model for LLM mode: any OpenAI-compatible server. Local servers (llama.cpp, vLLM,
 * Ollama) need no key, but the client insists on one, hence the placeholder. The library's own
 * defaults (6 retries, 10 minute timeout) are far too patient for an interactive answer.
 */
export function createChatModel(config: ChatModelConfig, overrides: GenerationSettings = {}): ChatOpenAI {
  return new ChatOpenAI({
    model: config.CHAT_MODEL,
    apiKey: config.OPENAI_API_KEY ?? "not-needed",
    ...(config.OPENAI_BASE_URL ? { configuration: { baseURL: config.OPENAI_BASE_URL } } : {}),
    temperature: overrides.temperature ?? config.TEMPERATURE,
    // A client may ask for fewer tokens than the operator allows, never more.
    maxTokens: Math.min(overrides.maxTokens ?? config.MAX_ANSWER_TOKENS, config.MAX_ANSWER_TOKENS),
    timeout: config.OPENAI_TIMEOUT_MS,
    maxRetries: config.OPENAI_MAX_RETRIES,
    streamUsage: true,
  });
}
