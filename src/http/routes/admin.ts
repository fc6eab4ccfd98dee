import type { FastifyPluginAsync } from "fastify";
import type { BackgroundReindex } from "../../lifecycle/BackgroundReindex.js";
import { apiErrors } from "../contract/common.js";
import { reindexStartedSchema, reindexStatusSchema } from "../contract/operations.js";

export interface AdminRouteOptions {
  reindex: BackgroundReindex;
}

/**
 * /admin/*: operator actions, behind ADMIN_KEY (registered only when it is set; the auth plugin
 * checks the key for the `admin` surface, with the same failure budget as API keys).
 * POST /admin/reindex rebuilds the index in the background; queries keep using the old one
 * until the new one is swapped in. GET /admin/reindex reports progress and the last outcome.
 */
export const adminRoutes: FastifyPluginAsync<AdminRouteOptions> = async (app, { reindex }) => {
  const config = { auth: "admin" } as const;
  app.post(
    "/admin/reindex",
    {
      config,
      schema: {
        tags: ["admin"],
        summary: "Rebuild the index in the background",
        operationId: "startReindex",
        response: { 202: reindexStartedSchema, 409: reindexStartedSchema.describe("A rebuild is already running."), ...apiErrors },
      },
    },
    async (_request, reply) => {
      const started = reindex.start();
      return reply.status(started ? 202 : 409).send({ started, ...reindex.current() });
    },
  );

  app.get(
    "/admin/reindex",
    {
      config,
      schema: {
        tags: ["admin"],
        summary: "Status of the last rebuild",
        operationId: "reindexStatus",
        response: { 200: reindexStatusSchema, ...apiErrors },
      },
    },
    async () => reindex.current(),
  );
};
