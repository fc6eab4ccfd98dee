import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { buildRewritePrompt } from "./prompts.js";

/** Rewrites asked for, and the most kept (a model may write more lines). */
const REWRITES = 3;
const MAX_QUERY_CHARS = 200;

/**
 * A LangChain chain (prompt → chat model → string) that turns a question into other search
 * queries for multi-query retrieval. Optional by nature: on any model failure or timeout it
 * gives no rewrites, and retrieval goes on with the question alone.
 */
export function createQuestionRewriter(
  model: BaseChatModel,
  options: { timeoutMs: number },
): (question: string, signal?: AbortSignal) => Promise<string[]> {
  // Templates would read braces in user text as variables; the messages are passed as values.
  const chain = ChatPromptTemplate.fromMessages([
    ["system", "{system}"],
    ["human", "{user}"],
  ])
    .pipe(model)
    .pipe(new StringOutputParser());
  return async (question, signal) => {
    const prompt = buildRewritePrompt({ question, count: REWRITES });
    const deadline = AbortSignal.timeout(options.timeoutMs);
    try {
      const text = await chain.invoke(prompt, { signal: signal ? AbortSignal.any([signal, deadline]) : deadline });
      return parseRewrites(text, question);
    } catch {
      return [];
    }
  };
}

/** Non-empty lines, list markers stripped, without the question itself, at most REWRITES. */
export function parseRewrites(text: string, question: string): string[] {
  const seen = new Set([question.trim().toLowerCase()]);
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const query = line
      .replace(/^\s*(?:[-*•]|\d+[.)、])\s*/u, "")
      .trim()
      .slice(0, MAX_QUERY_CHARS);
    if (query === "" || seen.has(query.toLowerCase())) continue;
    seen.add(query.toLowerCase());
    out.push(query);
    if (out.length === REWRITES) break;
  }
  return out;
}
