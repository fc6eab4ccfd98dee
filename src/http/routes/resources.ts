import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Resource } from "../../corpus/types.js";
import type { IndexSnapshot } from "../../store/types.js";
import { MAX_K } from "../schemas.js";

export interface ResourceRouteOptions {
  index: () => IndexSnapshot;
  /** Ranked catalogue search (src/retrieval/searchResources.ts). */
  searchResources: (resources: Resource[], query: string, limit: number) => Resource[];
}

/** GET /api/resources?q=: the links catalogue (books, courses, papers, repos), optionally searched. */
export const resourceRoutes: FastifyPluginAsyncZod<ResourceRouteOptions> = async (app, { index, searchResources }) => {
  app.get(
    "/api/resources",
    {
      schema: {
        tags: ["resources"],
        summary: "Links the roadmaps recommend, with the section they sit in",
        querystring: z.object({
          q: z.string().max(200).optional(),
          limit: z.coerce
            .number()
            .int()
            .min(1)
            .max(MAX_K * 25)
            .optional(),
        }),
      },
    },
    async (request) => {
      const { resources } = index();
      const { q, limit = 50 } = request.query;
      const query = q?.trim() ?? "";
      return { resources: query ? searchResources(resources, query, limit) : resources.slice(0, limit) };
    },
  );
};
