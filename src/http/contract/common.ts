import { z } from "zod";

/**
 * Shapes every part of the public contract shares. `.meta({ id })` names a schema: the OpenAPI
 * document then lists it once under components and refers to it, instead of inlining it per route.
 */

/** A 1-based, inclusive range of lines in the source file: the one way the API says "these lines". */
export const lineRangeSchema = z
  .object({
    start: z.int().min(1).describe("First line, 1-based."),
    end: z.int().min(1).describe("Last line, inclusive."),
  })
  .meta({ id: "LineRange", description: "A 1-based, inclusive range of lines in the source file." });

export const headingPathSchema = z.array(z.string()).describe("Ancestor headings, then the section's own.");

/** The one JSON error shape of /api/*, /admin/*, /healthz, /readyz and the pages' JSON errors. */
export const errorResponseSchema = z
  .object({
    error: z.object({
      status: z.int().describe("The HTTP status, repeated for clients that lose it."),
      code: z.string().describe("Stable machine-readable code, e.g. invalid_request, not_found, index_not_ready."),
      message: z.string().describe("What went wrong and how to fix it; safe to show."),
      details: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .describe("For invalid requests: each bad field."),
    }),
  })
  .meta({ id: "Error", description: "An error." });

/** OpenAI's error object, which /v1/* answers with so OpenAI clients show the message natively. */
export const openAiErrorResponseSchema = z
  .object({
    error: z.object({
      message: z.string(),
      type: z.string().describe("invalid_request_error, authentication_error, rate_limit_error or api_error."),
      param: z.string().nullable(),
      code: z.string().nullable(),
    }),
  })
  .meta({ id: "OpenAiError", description: "An error, in OpenAI's shape." });

export type ErrorResponse = z.infer<typeof errorResponseSchema>;
export type OpenAiErrorResponse = z.infer<typeof openAiErrorResponseSchema>;

/** The errors any JSON route can answer with (validation, keys, limits, load, not ready, bugs). */
export const apiErrors = {
  400: errorResponseSchema.describe("Invalid request: each bad field is listed."),
  "4xx": errorResponseSchema.describe("Client error: missing or wrong key (401/403), body too large (413), rate limited (429)."),
  "5xx": errorResponseSchema.describe("Server error: index not ready or overloaded (503), model server failed (502) or too slow (504)."),
} as const;

export const openAiErrors = {
  400: openAiErrorResponseSchema.describe("Invalid request."),
  "4xx": openAiErrorResponseSchema.describe("Client error: missing or wrong key (401/403), unknown model (404), rate limited (429)."),
  "5xx": openAiErrorResponseSchema.describe(
    "Server error: index not ready or overloaded (503), model server failed (502) or too slow (504).",
  ),
} as const;

const html = z.string().describe("An HTML page.");

/**
 * The responses of a server-rendered page: HTML on success; on errors an HTML message page
 * (not found, not ready) or, when the request is refused before the page runs (key, rate
 * limit), the JSON error.
 */
export function htmlPageResponses(description: string) {
  const errorContent = { "text/html": { schema: html }, "application/json": { schema: errorResponseSchema } };
  return {
    200: { description, content: { "text/html": { schema: html } } },
    "4xx": { description: "Not found or bad query (HTML page), or refused (JSON error).", content: errorContent },
    "5xx": { description: "Index not ready (HTML page) or a server error (JSON error).", content: errorContent },
  };
}
