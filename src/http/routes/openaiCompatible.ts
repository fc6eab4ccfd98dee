import { randomUUID } from "node:crypto";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Answerer } from "../../answering/types.js";
import type { Config } from "../../config.js";
import { openAiErrors } from "../contract/common.js";
import { chatCompletionChunkSchema, chatCompletionSchema, modelListSchema, modelSchema } from "../contract/openai.js";
import { publicBaseUrl } from "../documentLinks.js";
import { mapError, openAiErrorBody } from "../errorHandler.js";
import { answerSignal, sendEventStream, writeEvent } from "../sse.js";
import {
  chatCompletionBody,
  finishReason,
  generationSettings,
  machineCitations,
  refuseUnsupported,
  sourcesMarkdown,
  toQuestionAndHistory,
  unknownModel,
  usageOf,
} from "./openaiChatFormat.js";

export interface OpenAiCompatibleOptions {
  config: Config;
  answerer: Answerer;
  /** Per-route rate limit for model-backed answers (stricter than the global one). */
  rateLimit?: { max: number; timeWindow: number } | undefined;
}

/** GET /v1/models[/:id] and POST /v1/chat/completions: the tutor as an OpenAI-compatible "model". */
export const openAiCompatibleRoutes: FastifyPluginAsyncZod<OpenAiCompatibleOptions> = async (app, { config, answerer, rateLimit }) => {
  const modelId = config.OPENAI_COMPAT_MODEL_ID;
  const created = Math.floor(Date.now() / 1000);
  const model = { id: modelId, object: "model" as const, created, owned_by: "roadmap-tutor" };

  app.get(
    "/v1/models",
    {
      config: { auth: "v1" },
      schema: {
        tags: ["openai-compatible"],
        summary: "The tutor, listed as a model",
        operationId: "listModels",
        response: { 200: modelListSchema, ...openAiErrors },
      },
    },
    async () => ({
      object: "list" as const,
      data: [model],
    }),
  );

  app.get(
    "/v1/models/:id",
    {
      schema: {
        tags: ["openai-compatible"],
        summary: "The tutor as a model (404 for any other id)",
        operationId: "getModel",
        params: z.object({ id: z.string() }),
        response: { 200: modelSchema, ...openAiErrors },
      },
    },
    async (request, reply) => {
      if (request.params.id === modelId) return model;
      const refused = unknownModel(request.params.id);
      return reply.status(refused.status).send(refused.body);
    },
  );

  // The AI SDK's default OpenAI provider calls the Responses API; say clearly what to use instead.
  app.post(
    "/v1/responses",
    {
      schema: {
        tags: ["openai-compatible"],
        summary: "Not implemented: use /v1/chat/completions",
        operationId: "createResponse",
        response: { ...openAiErrors },
      },
    },
    async (_request, reply) =>
      reply.status(404).send({
        error: {
          message:
            "The Responses API (POST /v1/responses) is not implemented by this server; use POST /v1/chat/completions (with the AI SDK: openai.chat(model)).",
          type: "invalid_request_error",
          param: null,
          code: "unsupported_endpoint",
        },
      }),
  );

  app.post(
    "/v1/chat/completions",
    {
      config: { auth: "v1", modelBacked: true, ...(rateLimit ? { rateLimit } : {}) },
      schema: {
        tags: ["openai-compatible"],
        summary: "OpenAI-compatible chat completions answered from the roadmaps",
        description: "With `stream: true`, Server-Sent Events of ChatCompletionChunk, then `data: [DONE]`.",
        operationId: "createChatCompletion",
        body: chatCompletionBody,
        response: {
          200: {
            description: "The completion: JSON, or Server-Sent Events when streaming.",
            content: {
              "application/json": { schema: chatCompletionSchema },
              "text/event-stream": {
                schema: chatCompletionChunkSchema.describe("Each `data:` line is one chunk; the last line is `data: [DONE]`."),
              },
            },
          },
          ...openAiErrors,
        },
      },
    },
    async (request, reply) => {
      const refused = refuseUnsupported(request.body, modelId);
      if (refused) return reply.status(refused.status).send(refused.body);
      const { question, history } = toQuestionAndHistory(request.body, config);
      const baseUrl = publicBaseUrl(request, config.PUBLIC_BASE_URL);
      const id = `chatcmpl-${randomUUID().replaceAll("-", "")}`;
      const now = Math.floor(Date.now() / 1000);
      const answerRequest = {
        question,
        history,
        signal: answerSignal(reply, config.REQUEST_TIMEOUT_MS),
        generation: generationSettings(request.body),
      };

      if (!request.body.stream) {
        const result = await answerer.answer(answerRequest);
        const usage = usageOf(result);
        return {
          id,
          object: "chat.completion" as const,
          created: now,
          model: modelId,
          choices: [
            {
              index: 0,
              message: { role: "assistant" as const, content: result.answer + sourcesMarkdown(result, baseUrl) },
              finish_reason: finishReason(result),
            },
          ],
          ...(usage ? { usage } : {}),
          citations: machineCitations(result.citations, baseUrl),
          abstained: result.abstained,
          confidence: result.confidence,
          mode: result.mode,
        };
      }

      const includeUsage = request.body.stream_options?.include_usage === true;
      const chunk = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}) => ({
        id,
        object: "chat.completion.chunk",
        created: now,
        model: modelId,
        choices: [{ index: 0, delta, finish_reason: finish }],
        ...extra,
      });
      return sendEventStream(request, reply, answerer.stream(answerRequest), {
        open: (raw) => writeEvent(raw, null, chunk({ role: "assistant", content: "" }, null)),
        write: (raw, event) => {
          if (event.type === "token") writeEvent(raw, null, chunk({ content: event.text }, null));
          else if (event.type === "done") {
            const sources = sourcesMarkdown(event.result, baseUrl);
            if (sources) writeEvent(raw, null, chunk({ content: sources }, null));
            writeEvent(
              raw,
              null,
              chunk({}, finishReason(event.result), {
                citations: machineCitations(event.result.citations, baseUrl),
                confidence: event.result.confidence,
              }),
            );
            // As OpenAI does with include_usage: one last chunk with no choices and the counts.
            const usage = usageOf(event.result);
            if (includeUsage && usage)
              writeEvent(raw, null, { id, object: "chat.completion.chunk", created: now, model: modelId, choices: [], usage });
          }
        },
        writeError: (raw, error) => writeEvent(raw, null, openAiErrorBody(mapError(error))),
        close: (raw) => writeEvent(raw, null, "[DONE]"),
      });
    },
  );
};
