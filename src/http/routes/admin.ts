import type { FastifyPluginAsync } from "fastify";
import { Unauthorized } from "../../errors.js";
import type { BackgroundReindex } from "../../index/BackgroundReindex.js";
import { keyMatches } from "../plugins/apiKeyAuth.js";
import { createHash } from "node:crypto";

export interface AdminRouteOptions {
  adminKey: string;
  reindex: BackgroundReindex;
}

/**
 * /admin/*: operator actions, behind ADMIN_KEY (registered only when it is set).
 * POST /admin/reindex rebuilds the index in the background; queries keep using the old one
 * until the new one is swapped in. GET /admin/reindex reports progress and the last outcome.
 */
export const adminRoutes: FastifyPluginAsync<AdminRouteOptions> = async (app, { adminKey, reindex }) => {
  const accepted = [createHash("sha256").update(adminKey, "utf8").digest()];
  app.addHook("onRequest", async (request) => {
    const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? "");
    if (!match?.[1] || !keyMatches(match[1].trim(), accepted)) {
      throw new Unauthorized("Admin routes need `Authorization: Bearer <ADMIN_KEY>`.");
    }
  });

  app.post("/admin/reindex", { schema: { tags: ["admin"], summary: "Rebuild the index in the background" } }, async (_request, reply) => {
    const started = reindex.start();
    return reply.status(started ? 202 : 409).send({ started, ...reindex.current() });
  });

  app.get("/admin/reindex", { schema: { tags: ["admin"], summary: "Status of the last rebuild" } }, async () => reindex.current());
};
