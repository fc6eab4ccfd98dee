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

/** CORS for the widget's host pages and browser chat apps on ALLOWED_ORIGINS. */
export const corsPlugin = fp<CorsOptions>(
  async (app, options) => {
    const base = {
      origin: options.allowedOrigins.length > 0 ? options.allowedOrigins : false,
      methods: ["GET", "POST", "OPTIONS"],
      exposedHeaders: ["retry-after", "x-request-id", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"],
      maxAge: options.maxAgeSeconds,
    };
    // Only a preflight names the headers it wants: every other request gets the same options,
    // built once (@fastify/cors copies them, never changes them).
    const unrequested = Object.freeze({ ...base, allowedHeaders: allowedHeadersFor(undefined) });
    await app.register(cors, {
      delegator: (request, callback) => {
        const requested = request.headers["access-control-request-headers"];
        callback(null, typeof requested === "string" ? { ...base, allowedHeaders: allowedHeadersFor(requested) } : unrequested);
      },
    });
  },
  { name: "tutor-cors" },
);
