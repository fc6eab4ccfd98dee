import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AnswerRequest, Answerer } from "../../answering/types.js";
import type { Config } from "../../config.js";
import { mapError, errorBody } from "../errorHandler.js";
import { filtersSchema, historySchema, kField, textField, withoutUndefined } from "../schemas.js";
import { carriedHeaders, startEventStream, writeEvent } from "../sse.js";

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

export function toAnswerRequest(body: AskBody, signal: AbortSignal): AnswerRequest {
  return {
    ...withoutUndefined({ question: body.question, history: body.history, k: body.k }),
    ...(body.filters ? { filters: withoutUndefined(body.filters) } : {}),
    signal,
  };
}

/**
 * POST /api/ask: a cited answer, as JSON or as Server-Sent Events. The route only validates,
 * wires the client's disconnect to an AbortSignal (so the upstream model call stops), and
 * frames the answerer's events; everything else happens in src/answering.
 */
export const askRoutes: FastifyPluginAsyncZod<AskRouteOptions> = async (app, { config, answerer, rateLimit }) => {
  app.post(
    "/api/ask",
    {
      // Public with PUBLIC_ROUTES=widget (the widget calls it); one model budget with /v1 (plugins/rateLimit.ts).
      config: { auth: "widget", modelBacked: true, ...(rateLimit ? { rateLimit } : {}) },
      schema: {
        tags: ["ask"],
        summary: "Answer a question from the roadmaps, with numbered citations",
        description:
          "Set `stream: true` (or send `Accept: text/event-stream`) for Server-Sent Events: `citations`, then `token`s, then `done`; `error` on failure.",
        body: askBodySchema(config),
      },
    },
    async (request, reply) => {
      const controller = new AbortController();
      // The response's close fires on client disconnect as well as on normal end; only the
      // former leaves the response unfinished.
      reply.raw.on("close", () => {
        if (!reply.raw.writableFinished) controller.abort(new Error("client disconnected"));
      });
      const answerRequest = toAnswerRequest(request.body, controller.signal);
      const wantsStream = request.body.stream ?? (request.headers.accept ?? "").includes("text/event-stream");
      if (!wantsStream) return answerer.answer(answerRequest);

      const events = answerer.stream(answerRequest)[Symbol.asyncIterator]();
      // Pull the first event before committing to a 200 stream, so errors that happen before
      // anything was produced (bad filters, index not ready, upstream refused) stay plain JSON errors.
      const first = await events.next();
      reply.hijack();
      startEventStream(reply.raw, carriedHeaders(reply.getHeaders()));
      try {
        for (let step = first; !step.done; step = await events.next()) {
          const event = step.value;
          if (event.type === "token") writeEvent(reply.raw, "token", { text: event.text });
          else if (event.type === "citations") writeEvent(reply.raw, "citations", { citations: event.citations });
          else writeEvent(reply.raw, "done", event.result);
        }
      } catch (error) {
        if (!controller.signal.aborted) {
          const mapped = mapError(error);
          request.log.warn({ err: error, status: mapped.status }, "answer stream failed");
          writeEvent(reply.raw, "error", errorBody(mapped));
        }
      } finally {
        reply.raw.end();
      }
      return reply;
    },
  );
};
