import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { NotFound } from "../../errors.js";
import { describeRoadmap, marksFor } from "../../retrieval/roadmapDescription.js";
import type { RoadmapPosition } from "../../retrieval/types.js";
import { apiErrors } from "../contract/common.js";
import { roadmapDescriptionSchema, roadmapListSchema, topicPositionsSchema } from "../contract/corpus.js";
import type { CorpusReadModel } from "../readModel.js";
import { toOutlineSection, toRoadmapDescription, toTopicPosition } from "../responseMapping.js";
import { textField } from "../schemas.js";

export interface RoadmapRouteOptions {
  /** The live read model; throws IndexNotReady while no index is loaded. */
  corpus: () => CorpusReadModel;
  /** Where a topic sits in each roadmap and what comes next (src/retrieval). */
  locateTopic: (topic: string) => RoadmapPosition[];
}

/** GET /api/roadmaps (outlines) and /api/roadmaps/next?topic=… (what to learn after a topic). */
export const roadmapRoutes: FastifyPluginAsyncZod<RoadmapRouteOptions> = async (app, { corpus, locateTopic }) => {
  app.get(
    "/api/roadmaps",
    {
      schema: {
        tags: ["roadmaps"],
        summary: "The outline of every roadmap",
        operationId: "listRoadmaps",
        response: { 200: roadmapListSchema, ...apiErrors },
      },
    },
    async () => ({
      roadmaps: corpus()
        .roadmaps()
        .map((doc) => ({ id: doc.id, source: doc.source, title: doc.title, outline: doc.outline.map(toOutlineSection) })),
    }),
  );

  app.get(
    "/api/roadmaps/next",
    {
      schema: {
        tags: ["roadmaps"],
        summary: "Per roadmap: where a topic sits and which section comes before and after it",
        operationId: "locateTopic",
        querystring: z.object({ topic: textField("topic", 200) }),
        response: { 200: topicPositionsSchema, ...apiErrors },
      },
    },
    async (request) => ({ topic: request.query.topic, positions: locateTopic(request.query.topic).map(toTopicPosition) }),
  );

  app.get(
    "/api/roadmaps/:id",
    {
      schema: {
        tags: ["roadmaps"],
        summary: "One roadmap as a path: stages in order, stated durations with their lines, resources, and where ?topic= sits",
        operationId: "getRoadmap",
        params: z.object({ id: z.string().min(1).max(300) }),
        querystring: z.object({ topic: textField("topic", 200).optional() }),
        response: { 200: roadmapDescriptionSchema, ...apiErrors },
      },
    },
    async (request) => {
      const model = corpus();
      const { id } = request.params;
      const found = model.findDocument(id);
      const doc = found?.kind === "roadmap" ? found : undefined;
      if (!doc) throw new NotFound(`No roadmap with id "${id}"; GET /api/roadmaps lists them.`);
      const chunks = model.chunksOf(doc.id);
      const topic = request.query.topic;
      const position = topic ? locateTopic(topic).find((p) => p.docId === doc.id) : undefined;
      const description = describeRoadmap(doc, chunks, model.resources(doc.id));
      return toRoadmapDescription(
        description,
        topic ? { topic, marks: position ? marksFor(doc, chunks, position) : undefined } : undefined,
      );
    },
  );
};
