import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { NotFound } from "../../errors.js";
import type { IndexSnapshot } from "../../store/types.js";

export interface DocumentRouteOptions {
  index: () => IndexSnapshot;
}

/** GET /api/documents and /api/documents/:id: the cleaned documents with outline and resources. */
export const documentRoutes: FastifyPluginAsyncZod<DocumentRouteOptions> = async (app, { index }) => {
  app.get("/api/documents", { schema: { tags: ["documents"], summary: "List indexed documents" } }, async () => ({
    documents: index().documents.map((doc) => ({
      id: doc.id,
      source: doc.source,
      title: doc.title,
      kind: doc.kind,
      metadata: doc.metadata,
      lineCount: doc.lineCount,
      sections: doc.outline.length,
      linkedFrom: doc.linkedFrom,
    })),
  }));

  app.get(
    "/api/documents/:id",
    {
      schema: {
        tags: ["documents"],
        summary: "One document: cleaned text, outline and resources",
        params: z.object({ id: z.string().min(1).max(300) }),
      },
    },
    async (request) => {
      const loaded = index();
      const { id } = request.params;
      const doc = loaded.documents.find((d) => d.id === id || d.source === id);
      if (!doc) throw new NotFound(`No document with id "${id}". GET /api/documents lists them.`);
      return {
        id: doc.id,
        source: doc.source,
        title: doc.title,
        kind: doc.kind,
        metadata: doc.metadata,
        text: doc.text,
        lineCount: doc.lineCount,
        outline: doc.outline,
        resources: loaded.resources.filter((r) => r.docId === doc.id),
        linkedFrom: doc.linkedFrom,
      };
    },
  );
};
