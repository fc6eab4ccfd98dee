import { randomUUID } from "node:crypto";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AnswerResult, Answerer, Citation, Turn } from "../../answering/types.js";
import type { Config } from "../../config.js";
import { BadInput } from "../../errors.js";
import { citationUrl, publicBaseUrl } from "../documentLinks.js";
import { mapError, openAiErrorBody } from "../errorHandler.js";
import { stripControlCharacters } from "../schemas.js";
import { carriedHeaders, startEventStream, writeEvent } from "../sse.js";
import { plainPreview } from "../../text/plainPreview.js";

export interface OpenAiCompatibleOptions {
  config: Config;
  answerer: Answerer;
  /** Per-route rate limit for model-backed answers (stricter than the global one). */
  rateLimit?: { max: number; timeWindow: number } | undefined;
}

const contentPart = z.object({ type: z.string(), text: z.string().optional() });
const message = z.object({
  role: z.enum(["system", "developer", "user", "assistant", "tool"]),
  content: z.union([z.string(), z.array(contentPart), z.null()]),
});

// Unknown fields are accepted and ignored (z.object strips them), as OpenAI-compatible servers do.
const chatCompletionBody = z.object({
  model: z.string().min(1, "model is required"),
  messages: z.array(message).min(1, "messages must contain at least one message"),
  stream: z.boolean().optional(),
  temperature: z.number().min(0).max(2).optional(),
  max_tokens: z.number().int().positive().optional(),
});

type ChatCompletionBody = z.infer<typeof chatCompletionBody>;

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
  return { question: last.content, history: turns.slice(0, -1).slice(-config.MAX_HISTORY_TURNS * 2) };
}

/** A readable sources list appended to the content, for chat apps that only show text. */
export function sourcesMarkdown(result: AnswerResult, baseUrl: string): string {
  if (result.citations.length === 0) return "";
  const heading = result.language === "en" ? "Sources" : "来源";
  const lines = result.citations.map((c) => {
    const label = [c.title, ...c.headingPath].map(plainPreview).join(" › ");
    return `${c.n}. [${label.replaceAll("[", "(").replaceAll("]", ")")}](${citationUrl(baseUrl, c)})`;
  });
  return `\n\n---\n**${heading}**\n${lines.join("\n")}`;
}

function machineCitations(citations: Citation[], baseUrl: string) {
  return citations.map((c) => ({ ...c, url: citationUrl(baseUrl, c) }));
}

function usageOf(result: AnswerResult) {
  return {
    prompt_tokens: result.usage?.promptTokens ?? 0,
    completion_tokens: result.usage?.completionTokens ?? 0,
    total_tokens: result.usage?.totalTokens ?? 0,
  };
}

/** GET /v1/models and POST /v1/chat/completions: the tutor as an OpenAI-compatible "model". */
export const openAiCompatibleRoutes: FastifyPluginAsyncZod<OpenAiCompatibleOptions> = async (app, { config, answerer, rateLimit }) => {
  const modelId = config.OPENAI_COMPAT_MODEL_ID;
  const created = Math.floor(Date.now() / 1000);

  app.get("/v1/models", { schema: { tags: ["openai-compatible"], summary: "The tutor, listed as a model" } }, async () => ({
    object: "list",
    data: [{ id: modelId, object: "model", created, owned_by: "roadmap-tutor" }],
  }));

  app.post(
    "/v1/chat/completions",
    {
      ...(rateLimit ? { config: { rateLimit } } : {}),
      schema: {
        tags: ["openai-compatible"],
        summary: "OpenAI-compatible chat completions answered from the roadmaps",
        body: chatCompletionBody,
      },
    },
    async (request, reply) => {
      const { question, history } = toQuestionAndHistory(request.body, config);
      const baseUrl = publicBaseUrl(request, config.PUBLIC_BASE_URL);
      const controller = new AbortController();
      reply.raw.on("close", () => {
        if (!reply.raw.writableFinished) controller.abort(new Error("client disconnected"));
      });
      const id = `chatcmpl-${randomUUID().replaceAll("-", "")}`;
      const now = Math.floor(Date.now() / 1000);
      const answerRequest = { question, history, signal: controller.signal };

      if (!request.body.stream) {
        const result = await answerer.answer(answerRequest);
        return {
          id,
          object: "chat.completion",
          created: now,
          model: modelId,
          choices: [
            {
              index: 0,
              message: { role: "assistant", content: result.answer + sourcesMarkdown(result, baseUrl) },
              finish_reason: "stop",
            },
          ],
          usage: usageOf(result),
          citations: machineCitations(result.citations, baseUrl),
          abstained: result.abstained,
          mode: result.mode,
        };
      }

      const chunk = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}) => ({
        id,
        object: "chat.completion.chunk",
        created: now,
        model: modelId,
        choices: [{ index: 0, delta, finish_reason: finish }],
        ...extra,
      });
      const events = answerer.stream(answerRequest)[Symbol.asyncIterator]();
      const first = await events.next();
      reply.hijack();
      startEventStream(reply.raw, carriedHeaders(reply.getHeaders()));
      writeEvent(reply.raw, null, chunk({ role: "assistant", content: "" }, null));
      try {
        for (let step = first; !step.done; step = await events.next()) {
          const event = step.value;
          if (event.type === "token") writeEvent(reply.raw, null, chunk({ content: event.text }, null));
          else if (event.type === "done") {
            const sources = sourcesMarkdown(event.result, baseUrl);
            if (sources) writeEvent(reply.raw, null, chunk({ content: sources }, null));
            writeEvent(
              reply.raw,
              null,
              chunk({}, "stop", {
                usage: usageOf(event.result),
                citations: machineCitations(event.result.citations, baseUrl),
              }),
            );
          }
        }
      } catch (error) {
        if (!controller.signal.aborted) {
          request.log.warn({ err: error }, "chat completion stream failed");
          writeEvent(reply.raw, null, openAiErrorBody(mapError(error)));
        }
      } finally {
        writeEvent(reply.raw, null, "[DONE]");
        reply.raw.end();
      }
      return reply;
    },
  );
};
