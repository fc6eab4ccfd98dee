import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { IndexNotReady, Overloaded, isTutorError } from "../errors.js";

/** The one JSON error shape of /api/* (and, reshaped, of /v1/* in OpenAI's format). */
export interface ErrorBody {
  error: {
    status: number;
    code: string;
    message: string;
    details?: { path: string; message: string }[];
  };
}

interface MappedError {
  status: number;
  code: string;
  message: string;
  details?: { path: string; message: string }[];
  retryAfterSeconds?: number;
}

/**
 * Map any thrown value to a status, a code and a message that is safe to show. Our own typed
 * errors carry user-safe messages by construction (they name the model server, never its key or
 * body). Fastify's client errors (4xx) keep their message; anything else is a generic 500 so an
 * unexpected exception never leaks internals.
 */
export function mapError(error: unknown): MappedError {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((issue) => ({
      path: issue.instancePath.replace(/^\//, "").replaceAll("/", "."),
      message: issue.message ?? "invalid value",
    }));
    const where = error.validationContext ?? "request";
    return {
      status: 400,
      code: "invalid_request",
      message: `Invalid ${where}: ${details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join("; ")}`,
      details,
    };
  }
  if (isTutorError(error)) {
    return {
      status: error.status,
      code: error.code,
      // Tell the operator how to fix a missing index, not just that it is missing.
      message: error instanceof IndexNotReady && !error.message.includes(error.hint) ? `${error.message} ${error.hint}` : error.message,
      ...(error instanceof Overloaded ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    };
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = typeof fastifyError.statusCode === "number" ? fastifyError.statusCode : 500;
  if (status >= 400 && status < 500) {
    const known: Record<string, [string, string]> = {
      FST_ERR_CTP_INVALID_JSON_BODY: ["malformed_json", "Request body is not valid JSON."],
      FST_ERR_CTP_EMPTY_JSON_BODY: ["malformed_json", "Request body is empty; send a JSON object."],
      FST_ERR_CTP_BODY_TOO_LARGE: ["body_too_large", "Request body is too large."],
      FST_ERR_CTP_INVALID_MEDIA_TYPE: ["unsupported_media_type", "Send the request body as application/json."],
    };
    const [code, message] = known[fastifyError.code ?? ""] ?? [
      status === 429 ? "rate_limited" : status === 404 ? "not_found" : "bad_request",
      fastifyError.message ?? "Bad request",
    ];
    return { status, code, message };
  }
  return { status: 500, code: "internal_error", message: "Internal server error." };
}

export function errorBody(mapped: MappedError): ErrorBody {
  return {
    error: {
      status: mapped.status,
      code: mapped.code,
      message: mapped.message,
      ...(mapped.details ? { details: mapped.details } : {}),
    },
  };
}

/** OpenAI's error object, for /v1/* so OpenAI clients show our messages natively. */
export function openAiErrorBody(mapped: MappedError) {
  const type =
    mapped.status === 401
      ? "authentication_error"
      : mapped.status === 429
        ? "rate_limit_error"
        : mapped.status < 500
          ? "invalid_request_error"
          : "api_error";
  return { error: { message: mapped.message, type, param: mapped.details?.[0]?.path ?? null, code: mapped.code } };
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const mapped = mapError(error);
    if (mapped.status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ status: mapped.status, code: mapped.code }, "request rejected");
    if (mapped.retryAfterSeconds !== undefined) void reply.header("retry-after", String(mapped.retryAfterSeconds));
    const body = request.url.startsWith("/v1/") ? openAiErrorBody(mapped) : errorBody(mapped);
    return reply.status(mapped.status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const mapped = { status: 404, code: "not_found", message: `No route for ${request.method} ${request.url.split("?")[0]}` };
    return reply.status(404).send(request.url.startsWith("/v1/") ? openAiErrorBody(mapped) : errorBody(mapped));
  });
}
