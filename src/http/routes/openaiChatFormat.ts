import { z } from "zod";
import { safeLinkUrl } from "../../answering/citations.js";
import { historyMessageLimit } from "../../answering/history.js";
import type { AnswerResult, Citation, GenerationSettings, Turn } from "../../answering/types.js";
import type { Config } from "../../config.js";
import { BadInput } from "../../errors.js";
import { citationUrl } from "../documentLinks.js";
import { toCitationResponse } from "../responseMapping.js";
import { stripControlCharacters } from "../schemas.js";
import { plainPreview } from "../../text/plainPreview.js";

/** What /v1/chat/completions accepts, and how the tutor's answers look in OpenAI's format. */

const contentPart = z.object({ type: z.string(), text: z.string().optional() });
const message = z.object({
  role: z.enum(["system", "developer", "user", "assistant", "tool"]),
  content: z.union([z.string(), z.array(contentPart), z.null()]),
});

// Unknown fields are accepted and ignored (z.object strips them), as OpenAI-compatible servers
// do; the README lists what each known parameter does here.
export const chatCompletionBody = z.object({
  model: z.string().min(1, "model is required"),
  messages: z.array(message).min(1, "messages must contain at least one message"),
  stream: z.boolean().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).nullish(),
  n: z.number().int().min(1).max(128).nullish(),
  tools: z.array(z.unknown()).nullish(),
  tool_choice: z.union([z.string(), z.object({ type: z.string() }).passthrough()]).nullish(),
});

export type ChatCompletionBody = z.infer<typeof chatCompletionBody>;

/** An error in OpenAI's shape for a parameter this server cannot honour. */
export interface OpenAiRefusal {
  status: number;
  body: { error: { message: string; type: string; param: string | null; code: string | null } };
}

const refusal = (status: number, message: string, param: string | null, code: string | null): OpenAiRefusal => ({
  status,
  body: { error: { message, type: "invalid_request_error", param, code } },
});

export function unknownModel(model: string): OpenAiRefusal {
  return refusal(404, `The model '${model}' does not exist or you do not have access to it.`, "model", "model_not_found");
}

/** What OpenAI answers for a request this "model" cannot serve, or undefined when it can. */
export function refuseUnsupported(body: ChatCompletionBody, modelId: string): OpenAiRefusal | undefined {
  if (body.model !== modelId) return unknownModel(body.model);
  if ((body.n ?? 1) > 1)
    return refusal(400, `n=${body.n} is not supported: this model returns one choice (n=1).`, "n", "unsupported_value");
  const forcesTool = body.tool_choice === "required" || (typeof body.tool_choice === "object" && body.tool_choice !== null);
  if (body.tools && body.tools.length > 0 && forcesTool) {
    return refusal(400, "This model cannot call tools, so tool_choice cannot require one.", "tool_choice", "unsupported_value");
  }
  return undefined;
}

/** temperature, max_(completion_)tokens and stop, for the model in LLM mode. */
export function generationSettings(body: ChatCompletionBody): GenerationSettings {
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  const stop = typeof body.stop === "string" ? [body.stop] : body.stop;
  return {
    ...(body.temperature != null ? { temperature: body.temperature } : {}),
    ...(maxTokens != null ? { maxTokens } : {}),
    ...(stop && stop.length > 0 ? { stop } : {}),
  };
}

function textOf(content: z.infer<typeof message>["content"]): string {
  if (content === null) return "";
  if (typeof content === "string") return content;
  return content.map((part) => (part.type === "text" ? (part.text ?? "") : "")).join("");
}

/**
 * The last user message is the question; earlier user/assistant turns are the history. System
 * prompts from the client are ignored on purpose: the tutor's own instructions are not negotiable.
 */
export function toQuestionAndHistory(body: ChatCompletionBody, config: Config): { question: string; history: Turn[] } {
  const turns = body.messages
    .filter((m) => m.role === "user" || m.role === "assistant")
    .map((m) => ({ role: m.role as Turn["role"], content: stripControlCharacters(textOf(m.content)).trim() }))
    .filter((t) => t.content.length > 0);
  const last = turns.at(-1);
  if (!last || last.role !== "user") throw new BadInput("messages must end with a non-empty user message.");
  if (last.content.length > config.MAX_QUESTION_CHARS) {
    throw new BadInput(`The last user message is longer than ${config.MAX_QUESTION_CHARS} characters.`);
  }
  return { question: last.content, history: turns.slice(0, -1).slice(-historyMessageLimit(config.MAX_HISTORY_TURNS)) };
}

/** Where a citation links to: an http(s) URL, else the document view (never javascript: and co). */
function linkOf(baseUrl: string, c: Citation): string {
  const { url: _unsafe, ...withoutUrl } = c;
  return safeLinkUrl(citationUrl(baseUrl, c)) ?? citationUrl(baseUrl, withoutUrl);
}

/**
 * Link text that renders as the text it is: HTML-significant characters become entities and
 * markdown punctuation is escaped, so a title like `<img src=x onerror=…>` or `](javascript:…)`
 * stays a title. Line breaks would end the list item, so they become spaces.
 */
export function markdownLinkText(text: string): string {
  const entities: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };
  return text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ")
    .replace(/[<>&]/g, (c) => entities[c] ?? c)
    .replace(/[\\`*_[\]()!]/g, (c) => `\\${c}`);
}

/** A link destination that cannot end the link early. */
function markdownLinkTarget(url: string): string {
  return url.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** A readable sources list appended to the content, for chat apps that only show text. */
export function sourcesMarkdown(result: AnswerResult, baseUrl: string): string {
  if (result.citations.length === 0) return "";
  const heading = result.language === "en" ? "Sources" : "来源";
  const lines = result.citations.map((c) => {
    const label = [c.title, ...c.headingPath].map(plainPreview).join(" › ");
    return `${c.n}. [${markdownLinkText(label)}](${markdownLinkTarget(linkOf(baseUrl, c))})`;
  });
  return `\n\n---\n**${heading}**\n${lines.join("\n")}`;
}

/** The public citations (src/http/contract), each with the link it opens. */
export function machineCitations(citations: Citation[], baseUrl: string) {
  return citations.map((c) => ({ ...toCitationResponse(c), url: linkOf(baseUrl, c) }));
}

/** Token counts when the model reported them; undefined in extractive mode (no tokens were used). */
export function usageOf(result: AnswerResult) {
  if (!result.usage) return undefined;
  return {
    prompt_tokens: result.usage.promptTokens,
    completion_tokens: result.usage.completionTokens,
    total_tokens: result.usage.totalTokens,
  };
}

export const finishReason = (result: AnswerResult): "length" | "stop" => (result.truncated ? "length" : "stop");
