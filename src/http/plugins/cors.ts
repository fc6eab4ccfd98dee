import cors from "@fastify/cors";
import fp from "fastify-plugin";

export interface CorsOptions {
  /** ALLOWED_ORIGINS; empty: no cross-origin browser access. */
  allowedOrigins: string[];
  /** CORS_MAX_AGE_S: how long browsers may cache a preflight. */
  maxAgeSeconds: number;
}

/**
 * Request headers a browser page may send. Besides our own, the ones official OpenAI clients
 * send, so the `openai` SDK (dangerouslyAllowBrowser) and chat apps in client mode pass the
 * preflight: OpenAI's organization/project/beta headers and the SDK's `x-stainless-*`
 * telemetry (matched as a family: new SDK versions add members).
 */
export const ALLOWED_REQUEST_HEADERS = [
  "content-type",
  "authorization",
  "accept",
  "x-request-id",
  "openai-organization",
  "openai-project",
  "openai-beta",
  "idempotency-key",
];
const STAINLESS_HEADER = /^x-stainless-[a-z0-9-]+$/;

/** The requested headers we allow, in the form Access-Control-Allow-Headers wants. */
export function allowedHeadersFor(requested: string | undefined): string[] {
  const asked = (requested ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter((h) => STAINLESS_HEADER.test(h));
  return [...ALLOWED_REQUEST_HEADERS, ...new Set(asked)];
}

/**
 * CORS for the widget's host pages and browser chat apps on ALLOWED_ORIGINS.
 *
 * @fastify/cors with fixed options, its origin given as a function: the response headers are a
 * delegator's (Vary: Origin on every response, whatever ALLOWED_ORIGINS holds), without the
 * delegator's cost on every request (@fastify/cors normalizes a delegator's options per request:
 * ~2 % of a distinct search's server CPU). Only a preflight's allowed headers depend on the
 * request (the x-stainless-* family it names): an onSend hook writes them into the preflight's
 * reply, which @fastify/cors answered with the fixed list.
 */
export const corsPlugin = fp<CorsOptions>(
  async (app, options) => {
    const origins: string[] | false = options.allowedOrigins.length > 0 ? options.allowedOrigins : false;
    const fixedHeaders = allowedHeadersFor(undefined).join(", ");
    await app.register(cors, {
      // The configured origins as they are (a list or false), resolved per request as a delegator's were.
      origin: (_origin, callback) => callback(null, origins),
      methods: ["GET", "POST", "OPTIONS"],
      exposedHeaders: ["retry-after", "x-request-id", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"],
      maxAge: options.maxAgeSeconds,
      allowedHeaders: fixedHeaders,
    });
    app.addHook("onSend", (request, reply, payload, done) => {
      if (request.method === "OPTIONS") {
        const requested = request.headers["access-control-request-headers"];
        // Only a preflight @fastify/cors answered carries the allowed headers.
        if (typeof requested === "string" && reply.hasHeader("access-control-allow-headers"))
          void reply.header("access-control-allow-headers", allowedHeadersFor(requested).join(", "));
      }
      done(null, payload);
    });
  },
  { name: "tutor-cors" },
);
