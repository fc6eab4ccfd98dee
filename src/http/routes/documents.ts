import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { NotFound } from "../../errors.js";
import { apiErrors } from "../contract/common.js";
import { documentListSchema, documentSchema } from "../contract/corpus.js";
import type { CorpusReadModel } from "../readModel.js";
import { toOutlineSection } from "../responseMapping.js";

export interface DocumentRouteOptions {
  /** The live read model; throws IndexNotReady while no index is loaded. */
  corpus: () => CorpusReadModel;
}

/** GET /api/documents and /api/documents/:id: the cleaned documents with outline and resources. */
export const documentRoutes: FastifyPluginAsyncZod<DocumentRouteOptions> = async (app, { corpus }) => {
  app.get(
    "/api/documents",
    {
      schema: {
        tags: ["documents"],
        summary: "List indexed documents",
        operationId: "listDocuments",
        response: { 200: documentListSchema, ...apiErrors },
      },
    },
    async () => ({
      documents: corpus()
        .documents()
        .map((doc) => ({
          id: doc.id,
          source: doc.source,
          title: doc.title,
          kind: doc.kind,
          metadata: doc.metadata,
          lineCount: doc.lineCount,
          sections: doc.outline.length,
          linkedFrom: doc.linkedFrom,
        })),
    }),
  );

  app.get(
    "/api/documents/:id",
    {
      schema: {
        tags: ["documents"],
        summary: "One document: cleaned text, outline and resources",
        operationId: "getDocument",
        params: z.object({ id: z.string().min(1).max(300) }),
        response: { 200: documentSchema, ...apiErrors },
      },
    },
    async (request) => {
      const model = corpus();
      const { id } = request.params;
      const doc = model.findDocument(id);
      if (!doc) throw new NotFound(`No document with id "${id}". GET /api/documents lists them.`);
      return {
        id: doc.id,
        source: doc.source,
        title: doc.title,
        kind: doc.kind,
        metadata: doc.metadata,
        text: doc.text,
        lineCount: doc.lineCount,
        outline: doc.outline.map(toOutlineSection),
        resources: [...model.resources(doc.id)],
        linkedFrom: doc.linkedFrom,
      };
    },
  );
};
