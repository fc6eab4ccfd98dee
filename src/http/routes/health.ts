import type { FastifyPluginAsync } from "fastify";
import type { IndexSnapshot } from "../../store/types.js";
import { errorResponseSchema } from "../contract/common.js";
import { livenessSchema, notReadySchema, readySchema } from "../contract/operations.js";

export interface HealthRouteOptions {
  /** The loaded index, or undefined while none is loaded. */
  tryIndex: () => IndexSnapshot | undefined;
  /** Why the index is not loaded (shown on /readyz), if known. */
  indexProblem: () => string | undefined;
  mode: "llm" | "extractive";
}

/** /healthz: the process is up. /readyz: an index is loaded and queries can be answered. */
export const healthRoutes: FastifyPluginAsync<HealthRouteOptions> = async (app, { tryIndex, indexProblem, mode }) => {
  // Probes stay answerable whatever the load: no key, no rate limit, never shed.
  const config = { auth: "public", rateLimit: false, loadShedding: false } as const;
  const errors = { "4xx": errorResponseSchema.describe("Client error."), "5xx": errorResponseSchema.describe("Server error.") };
  app.get(
    "/healthz",
    { schema: { tags: ["health"], summary: "Liveness", operationId: "liveness", response: { 200: livenessSchema, ...errors } }, config },
    async () => ({ status: "ok" as const }),
  );

  const readiness = { 200: readySchema, 503: notReadySchema, "4xx": errors["4xx"], "5xx": errors["5xx"] };
  app.get(
    "/readyz",
    { schema: { tags: ["health"], summary: "Readiness", operationId: "readiness", response: readiness }, config },
    async (_request, reply) => {
      const index = tryIndex();
      if (!index) {
        return reply.status(503).send({
          status: "not_ready" as const,
          reason: indexProblem() ?? "The index is not loaded yet.",
          hint: "Run `npm run ingest` to build it, or wait for startup to finish.",
        });
      }
      return {
        status: "ready" as const,
        mode,
        index: {
          version: index.version,
          store: index.store,
          createdAt: index.manifest.createdAt,
          embedder: index.manifest.embedder,
          counts: index.manifest.counts,
        },
      };
    },
  );
};
