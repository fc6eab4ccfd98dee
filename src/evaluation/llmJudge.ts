import { HumanMessage, SystemMessage, type UsageMetadata } from "@langchain/core/messages";
import type { ChatOpenAI } from "@langchain/openai";
import { z } from "zod";
import { createChatModel } from "../answering/createChatModel.js";
import type { AnswerResult, Usage } from "../answering/types.js";
import { toUpstreamError } from "../upstreamErrors.js";
import type { Config } from "../config.js";
import { JUDGE_SYSTEM_PROMPT, judgeUserPrompt } from "./judgePrompts.js";
import type { JudgeVerdict } from "./types.js";

export type Judge = (question: string, answer: AnswerResult) => Promise<JudgeVerdict>;

const verdictSchema = z.object({
  claims: z
    .array(
      z.object({
        claim: z.string(),
        supported: z.boolean(),
        citations: z.array(z.coerce.number().int()).default([]),
      }),
    )
    .default([]),
  relevance: z.coerce.number().min(0).max(1),
  reasoning: z.string().default(""),
});

/** The judge's chat model: the configured server, JUDGE_MODEL (or CHAT_MODEL), temperature 0. */
export function createJudgeModel(config: Config, model?: string): ChatOpenAI {
  return createChatModel({ ...config, CHAT_MODEL: model ?? config.CHAT_MODEL, TEMPERATURE: 0 });
}

/**
 * A judge over a chat model. Abstentions are not graded (nothing to check against the
 * passages). A reply that is not the asked-for JSON becomes an "error" verdict, never a guess.
 */
export function createLlmJudge(options: { model: ChatOpenAI; baseURL: string | undefined }): Judge {
  return async (question, answer) => {
    if (answer.abstained) return { status: "skipped", reason: "the answer abstained" };
    const passages = answer.citations.map((c) => ({ n: c.n, title: c.title, headingPath: c.headingPath, text: c.text }));
    let content: string;
    let usage: Usage | undefined;
    try {
      const reply = await options.model.invoke([
        new SystemMessage(JUDGE_SYSTEM_PROMPT),
        new HumanMessage(judgeUserPrompt({ question, answer: answer.answer, passages })),
      ]);
      content =
        typeof reply.content === "string" ? reply.content : reply.content.map((part) => ("text" in part ? String(part.text) : "")).join("");
      usage = toUsage(reply.usage_metadata);
    } catch (error) {
      const mapped = toUpstreamError(error, { baseURL: options.baseURL });
      return { status: "error", message: `judge call failed: ${mapped instanceof Error ? mapped.message : "unknown error"}` };
    }
    const parsed = verdictSchema.safeParse(extractJson(content));
    if (!parsed.success) return { status: "error", message: "judge reply was not the expected JSON verdict" };
    const { claims, relevance, reasoning } = parsed.data;
    const supported = claims.filter((c) => c.supported).length;
    return {
      status: "judged",
      // An answer with no factual claims asserts nothing unsupported.
      faithfulness: claims.length === 0 ? 1 : supported / claims.length,
      relevance,
      claims,
      reasoning,
      ...(usage ? { usage } : {}),
    };
  };
}

function toUsage(metadata: UsageMetadata | undefined): Usage | undefined {
  if (!metadata) return undefined;
  return { promptTokens: metadata.input_tokens, completionTokens: metadata.output_tokens, totalTokens: metadata.total_tokens };
}

/** The JSON object in a reply, tolerating a ```json fence or prose around it. */
export function extractJson(content: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(content);
  const candidate = fenced?.[1] ?? content;
  const start = candidate.indexOf("{");
  const end = candidate.lastIndexOf("}");
  if (start < 0 || end <= start) return undefined;
  try {
    return JSON.parse(candidate.slice(start, end + 1));
  } catch {
    return undefined;
  }
}
