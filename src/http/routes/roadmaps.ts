import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { IndexSnapshot } from "../../store/types.js";
import { NotFound } from "../../errors.js";
import { describeRoadmap, marksFor } from "../../retrieval/roadmapDescription.js";
import type { RoadmapPosition } from "../../retrieval/types.js";
import { textField } from "../schemas.js";

export interface RoadmapRouteOptions {
  index: () => IndexSnapshot;
  /** Where a topic sits in each roadmap and what comes next (src/retrieval). */
  locateTopic: (topic: string) => RoadmapPosition[];
}

/** GET /api/roadmaps (outlines) and /api/roadmaps/next?topic=… (what to learn after a topic). */
export const roadmapRoutes: FastifyPluginAsyncZod<RoadmapRouteOptions> = async (app, { index, locateTopic }) => {
  app.get("/api/roadmaps", { schema: { tags: ["roadmaps"], summary: "The outline of every roadmap" } }, async () => ({
    roadmaps: index()
      .documents.filter((doc) => doc.kind === "roadmap")
      .map((doc) => ({
        id: doc.id,
        source: doc.source,
        title: doc.title,
        outline: doc.outline.map((s) => ({
          index: s.index,
          heading: s.heading,
          level: s.level,
          headingPath: s.headingPath,
          lines: { start: s.startLine, end: s.endLine },
        })),
      })),
  }));

  app.get(
    "/api/roadmaps/next",
    {
      schema: {
        tags: ["roadmaps"],
        summary: "Per roadmap: where a topic sits and which section comes before and after it",
        querystring: z.object({ topic: textField("topic", 200) }),
      },
    },
    async (request) => ({ topic: request.query.topic, positions: locateTopic(request.query.topic) }),
  );

  app.get(
    "/api/roadmaps/:id",
    {
      schema: {
        tags: ["roadmaps"],
        summary: "One roadmap as a path: stages in order, stated durations with their lines, resources, and where ?topic= sits",
        params: z.object({ id: z.string().min(1).max(300) }),
        querystring: z.object({ topic: textField("topic", 200).optional() }),
      },
    },
    async (request) => {
      const loaded = index();
      const { id } = request.params;
      const doc = loaded.documents.find((d) => (d.id === id || d.source === id) && d.kind === "roadmap");
      if (!doc) throw new NotFound(`No roadmap with id "${id}"; GET /api/roadmaps lists them.`);
      const topic = request.query.topic;
      const position = topic ? locateTopic(topic).find((p) => p.docId === doc.id) : undefined;
      const marks = position ? marksFor(doc, loaded.chunks, position) : undefined;
      return { ...describeRoadmap(doc, loaded.chunks, loaded.resources), ...(topic ? { topic, marks: marks ?? null } : {}) };
    },
  );
};
