import underPressure from "@fastify/under-pressure";
import fp from "fastify-plugin";
import { Overloaded } from "../../errors.js";

export interface LoadSheddingOptions {
  /** LOAD_SHEDDING: false registers nothing (tests that are not about load). */
  enabled: boolean;
  maxEventLoopDelayMs: number;
  /** 0: not checked. */
  maxHeapBytes: number;
  maxRssBytes: number;
  retryAfterSeconds: number;
}

/**
 * Under pressure, answer 503 + Retry-After at once instead of letting every request time out
 * together. The 503 is the typed Overloaded error, so it reaches clients through the one error
 * handler in their shape (/v1 in OpenAI's). Routes with `config.loadShedding: false` (health
 * probes) are never shed, so orchestrators can tell "busy" from "dead".
 */
export const loadSheddingPlugin = fp<LoadSheddingOptions>(
  async (app, options) => {
    if (!options.enabled) return;
    await app.register(underPressure, {
      maxEventLoopDelay: options.maxEventLoopDelayMs,
      maxHeapUsedBytes: options.maxHeapBytes,
      maxRssBytes: options.maxRssBytes,
      exposeStatusRoute: false,
      // Returning nothing lets the request through; a rejected promise goes to the error handler.
      pressureHandler: async (request, _reply, type, value) => {
        if (request.routeOptions.config.loadShedding === false) return;
        const measured = typeof value === "number" ? ` (${type}: ${Math.round(value)})` : "";
        throw new Overloaded(`Server under pressure${measured}; retry shortly.`, options.retryAfterSeconds);
      },
    });
  },
  { name: "tutor-load-shedding" },
);
