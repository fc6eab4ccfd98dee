import type { FastifyPluginAsync } from "fastify";
import type { IndexSnapshot } from "../../store/types.js";

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
  app.get("/healthz", { schema: { tags: ["health"], summary: "Liveness" }, config }, async () => ({
    status: "ok",
  }));

  app.get("/readyz", { schema: { tags: ["health"], summary: "Readiness" }, config }, async (_request, reply) => {
    const index = tryIndex();
    if (!index) {
      return reply.status(503).send({
        status: "not_ready",
        reason: indexProblem() ?? "The index is not loaded yet.",
        hint: "Run `npm run ingest` to build it, or wait for startup to finish.",
      });
    }
    return {
      status: "ready",
      mode,
      index: {
        version: index.version,
        store: index.store,
        createdAt: index.manifest.createdAt,
        embedder: index.manifest.embedder,
        counts: index.manifest.counts,
      },
    };
  });
};
