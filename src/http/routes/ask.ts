import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AnswerRequest, Answerer } from "../../answering/types.js";
import type { Config } from "../../config.js";
import { answerResponseBody } from "../answerBody.js";
import { answerEventDataSchema, answerResponseSchema } from "../contract/answers.js";
import { apiErrors } from "../contract/common.js";
import { mapError, errorBody } from "../errorHandler.js";
import { toAnswerResponse, toCitationResponse } from "../responseMapping.js";
import { filtersSchema, historySchema, kField, textField, withoutUndefined } from "../schemas.js";
import { answerSignal, sendEventStream, writeEvent } from "../sse.js";
import { bodyWrittenOnce } from "../writtenOnce.js";

export interface AskRouteOptions {
  config: Config;
  answerer: Answerer;
  /** Per-route rate limit for model-backed answers (stricter than the global one). */
  rateLimit?: { max: number; timeWindow: number } | undefined;
}

export function askBodySchema(config: Config) {
  return z.object({
    question: textField("question", config.MAX_QUESTION_CHARS),
    history: historySchema(config).optional(),
    k: kField.optional(),
    filters: filtersSchema.optional(),
    stream: z.boolean().optional(),
  });
}

export type AskBody = z.infer<ReturnType<typeof askBodySchema>>;

export function toAnswerRequest(body: AskBody, signal: AbortSignal | undefined): AnswerRequest {
  return {
    ...withoutUndefined({ question: body.question, history: body.history, k: body.k }),
    ...(body.filters ? { filters: withoutUndefined(body.filters) } : {}),
    ...(signal ? { signal } : {}),
  };
}

/**
 * POST /api/ask: a cited answer, as JSON or as Server-Sent Events. The route only validates,
 * gives a model-backed answer one AbortSignal (client disconnect or REQUEST_TIMEOUT_MS, so the
 * upstream model call stops), and frames the answerer's events; everything else happens in
 * src/answering. An offline answer makes no call to stop and never reads a signal: it gets none,
 * which spares each request a controller, a timer and a close listener (~3-5 us, a tenth of a
 * cached answer's CPU).
 */
export const askRoutes: FastifyPluginAsyncZod<AskRouteOptions> = async (app, { config, answerer, rateLimit }) => {
  const sendAnswer = bodyWrittenOnce(answerResponseBody);
  app.post(
    "/api/ask",
    {
      // Public with PUBLIC_ROUTES=widget (the widget calls it); one model budget with /v1 (plugins/rateLimit.ts).
      config: { auth: "widget", modelBacked: true, ...(rateLimit ? { rateLimit } : {}) },
      schema: {
        tags: ["ask"],
        summary: "Answer a question from the roadmaps, with numbered citations",
        description:
          "Set `stream: true` (or send `Accept: text/event-stream`) for Server-Sent Events: `citations` (CitationsEvent), then `token`s (TokenEvent), then `done` (Answer); `error` (Error) on failure.",
        operationId: "ask",
        body: askBodySchema(config),
        response: {
          200: {
            description: "The answer: JSON, or Server-Sent Events when streaming.",
            content: {
              "application/json": { schema: answerResponseSchema },
              "text/event-stream": { schema: answerEventDataSchema },
            },
          },
          ...apiErrors,
        },
      },
    },
    async (request, reply) => {
      const signal = answerer.mode === "llm" ? answerSignal(reply, config.REQUEST_TIMEOUT_MS) : undefined;
      const answerRequest = toAnswerRequest(request.body, signal);
      const wantsStream = request.body.stream ?? (request.headers.accept ?? "").includes("text/event-stream");
      if (!wantsStream) return sendAnswer(reply, await answerer.answer(answerRequest));
      return sendEventStream(request, reply, answerer.stream(answerRequest), {
        write: (raw, event) => {
          if (event.type === "token") writeEvent(raw, "token", { text: event.text });
          else if (event.type === "citations") writeEvent(raw, "citations", { citations: event.citations.map(toCitationResponse) });
          else writeEvent(raw, "done", toAnswerResponse(event.result));
        },
        writeError: (raw, error) => writeEvent(raw, "error", errorBody(mapError(error))),
      });
    },
  );
};
