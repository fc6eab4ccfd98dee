import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Resource } from "../../corpus/types.js";
import { apiErrors } from "../contract/common.js";
import { resourceListSchema } from "../contract/corpus.js";
import type { CorpusReadModel } from "../readModel.js";
import { MAX_K } from "../schemas.js";

export interface ResourceRouteOptions {
  /** The live read model; throws IndexNotReady while no index is loaded. */
  corpus: () => CorpusReadModel;
  /** Ranked catalogue search (src/retrieval/searchResources.ts). */
  searchResources: (resources: Resource[], query: string, limit: number) => Resource[];
}

/** GET /api/resources?q=: the links catalogue (books, courses, papers, repos), optionally searched. */
export const resourceRoutes: FastifyPluginAsyncZod<ResourceRouteOptions> = async (app, { corpus, searchResources }) => {
  app.get(
    "/api/resources",
    {
      schema: {
        tags: ["resources"],
        summary: "Links the roadmaps recommend, with the section they sit in",
        operationId: "listResources",
        querystring: z.object({
          q: z.string().max(200).optional(),
          limit: z.coerce
            .number()
            .int()
            .min(1)
            .max(MAX_K * 25)
            .optional(),
        }),
        response: { 200: resourceListSchema, ...apiErrors },
      },
    },
    async (request) => {
      const resources = corpus().resources();
      const { q, limit = 50 } = request.query;
      const query = q?.trim() ?? "";
      return { resources: query ? searchResources([...resources], query, limit) : resources.slice(0, limit) };
    },
  );
};
