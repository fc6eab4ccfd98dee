import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { IndexNotReady, MalformedRequest, Overloaded, TooManyRequests, isTutorError } from "../errors.js";
import { surfaceOf } from "./routeConfig.js";

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
      ...(error instanceof Overloaded || error instanceof TooManyRequests ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
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

/** Whether the client speaks OpenAI's error format: decided from the matched route, not the raw URL. */
function wantsOpenAiShape(request: FastifyRequest): boolean {
  const surface = surfaceOf(request.routeOptions?.config, request.routeOptions?.url);
  return surface === undefined ? request.url.startsWith("/v1/") : surface === "v1";
}

function send(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const mapped = mapError(error);
  if (mapped.status >= 500) request.log.error({ err: error }, "request failed");
  else request.log.info({ status: mapped.status, code: mapped.code }, "request rejected");
  if (mapped.retryAfterSeconds !== undefined) void reply.header("retry-after", String(mapped.retryAfterSeconds));
  return reply.status(mapped.status).send(wantsOpenAiShape(request) ? openAiErrorBody(mapped) : errorBody(mapped));
}

/**
 * Errors the router raises before any route runs (a path that is not valid percent-encoding, a
 * path segment over maxParamLength), as typed errors through the same mapping: Fastify's
 * defaults answer in their own shape and echo the URL. Pass as the `frameworkErrors` server option.
 */
export const frameworkErrors: NonNullable<FastifyServerOptions["frameworkErrors"]> = (error, request, reply) => {
  const typed =
    error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? new MalformedRequest("A path segment is too long.", 414, "uri_too_long")
      : error.code === "FST_ERR_BAD_URL"
        ? new MalformedRequest("The URL is not valid: check its percent-encoding.", 400, "bad_url")
        : error;
  // No route context here, so the app's onSend hooks do not run: add the request id ourselves.
  void send(request, (reply as FastifyReply).header("x-request-id", request.id), typed);
};

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (headers too large, a malformed
 * request line, a timeout): written straight to the socket, in the documented shape, and never
 * echoing what the client sent. Pass as the `clientErrorHandler` server option.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const mapped: MappedError =
    error.code === "HPE_HEADER_OVERFLOW"
      ? { status: 431, code: "headers_too_large", message: "Request headers are too large." }
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? { status: 408, code: "request_timeout", message: "The request was not received in time." }
        : { status: 400, code: "bad_request", message: "Malformed HTTP request." };
  const body = JSON.stringify(errorBody(mapped));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${mapped.status} ${STATUS_CODES[mapped.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => send(request, reply, error));

  // The path is not echoed: it is client data and may be long or crafted.
  app.setNotFoundHandler((request, reply) => {
    const mapped = { status: 404, code: "not_found", message: `No route for ${request.method} at this path. GET /docs lists the API.` };
    return reply.status(404).send(request.url.startsWith("/v1/") ? openAiErrorBody(mapped) : errorBody(mapped));
  });
}
