import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../../config.js";
import type { RetrieveOptions, Retriever } from "../../retrieval/types.js";
import { apiErrors } from "../contract/common.js";
import { searchResponseSchema } from "../contract/search.js";
import { filtersSchema, kField, textField, withoutUndefined } from "../schemas.js";
import { searchResponseBytes } from "../searchBody.js";
import { bodyWrittenOnce } from "../writtenOnce.js";

export interface SearchRouteOptions {
  config: Config;
  retriever: Retriever;
}

/** POST /api/search: ranked passages (hybrid dense + BM25), best first, without an answer. */
export const searchRoutes: FastifyPluginAsyncZod<SearchRouteOptions> = async (app, { config, retriever }) => {
  // The body is written as the contract serializer of searchResponseSchema writes it (searchBody.ts),
  // as UTF-8 bytes: a string body is measured and encoded again on every send, which for a result
  // repeated from the search cache cost more than all else of the request (as for /api/ask).
  const sendResults = bodyWrittenOnce(searchResponseBytes);
  app.post(
    "/api/search",
    {
      schema: {
        tags: ["search"],
        summary: "Hybrid search over the indexed passages",
        operationId: "search",
        body: z.object({
          query: textField("query", config.MAX_QUESTION_CHARS),
          k: kField.optional(),
          filters: filtersSchema.optional(),
        }),
        response: { 200: searchResponseSchema, ...apiErrors },
      },
    },
    async (request, reply) => {
      const { query, k, filters } = request.body;
      // Built member by member, in the order the spreads of withoutUndefined objects gave (k, filters).
      const options: RetrieveOptions = {};
      if (k !== undefined) options.k = k;
      if (filters) options.filters = withoutUndefined(filters);
      const passages = await retriever.search(query, options);
      return sendResults(reply, passages);
    },
  );
};
