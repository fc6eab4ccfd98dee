import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { CorpusDocument } from "../../../corpus/types.js";
import { htmlPageResponses } from "../../contract/common.js";
import type { CorpusReadModel } from "../../readModel.js";
import { describeRoadmap, marksFor, type RoadmapDescription, type StageMarks } from "../../../retrieval/roadmapDescription.js";
import type { RoadmapPosition } from "../../../retrieval/types.js";
import { renderMessagePage } from "../documentView.js";
import { stripControlCharacters } from "../../schemas.js";
import { ROADMAP_SCRIPT_PATH } from "./pageFrame.js";
import { pageMessagesFor } from "./pageMessages.js";
import { createRoadmapScriptLoader } from "./roadmapScript.js";
import { renderRoadmapIndex } from "./roadmapIndexPage.js";
import { renderRoadmapPage } from "./roadmapPage.js";
import { sendHtml } from "../htmlReply.js";

export interface RoadmapPagesOptions {
  /** The live read model, or undefined while no index is loaded (pages then answer 503). */
  corpus: () => CorpusReadModel | undefined;
  /** Where a topic sits in each roadmap (src/retrieval/roadmapNavigator.ts via the tutor). */
  locateTopic: (topic: string) => RoadmapPosition[];
}

const MAX_TOPIC_CHARS = 200;

interface PageQuery {
  topic?: string;
  lang?: string;
}

/** The topic from the query string, or an error message for one that cannot be a topic. */
function readTopic(query: PageQuery): { topic?: string; error?: string } {
  const raw = query.topic;
  if (raw === undefined) return {};
  if (typeof raw !== "string") return { error: "topic must be given once" };
  const topic = stripControlCharacters(raw).trim();
  if (topic.length > MAX_TOPIC_CHARS) return { error: `topic is longer than ${MAX_TOPIC_CHARS} characters` };
  return topic ? { topic } : {};
}

/**
 * /roadmaps (every roadmap as a path) and /roadmaps/:id (one roadmap drawn as a graph, with
 * stated durations, resources and "you are here" for ?topic=…), plus their script. Everything
 * comes from the live index: no model and no network.
 */
export const roadmapPagesPlugin: FastifyPluginAsync<RoadmapPagesOptions> = async (app, options) => {
  const loadScript = createRoadmapScriptLoader();
  // One description per roadmap per index version: the read model is replaced when the index is.
  const described = new WeakMap<CorpusReadModel, Map<string, RoadmapDescription>>();
  const describe = (corpus: CorpusReadModel, doc: CorpusDocument): RoadmapDescription => {
    let byId = described.get(corpus);
    if (!byId) described.set(corpus, (byId = new Map<string, RoadmapDescription>()));
    let description = byId.get(doc.id);
    if (!description) byId.set(doc.id, (description = describeRoadmap(doc, corpus.chunksOf(doc.id), corpus.resources(doc.id))));
    return description;
  };
  // Both pages start alike: their wording, the live index (503 while loading), a valid ?topic=.
  // Undefined when the error page has already been sent.
  const openPage = (request: FastifyRequest<{ Querystring: PageQuery }>, reply: FastifyReply) => {
    const m = pageMessagesFor(request.query.lang, request.headers["accept-language"]);
    const index = options.corpus();
    if (!index) return void notReady(reply);
    const { topic, error } = readTopic(request.query);
    if (error) return void sendHtml(reply, 400, renderMessagePage("Bad request", error));
    return { m, index, topic };
  };
  const marksOf = (corpus: CorpusReadModel, topic: string | undefined): Map<string, StageMarks> => {
    const marks = new Map<string, StageMarks>();
    if (!topic) return marks;
    for (const position of options.locateTopic(topic)) {
      const doc = corpus.findDocument(position.docId);
      const found = doc ? marksFor(doc, corpus.chunksOf(doc.id), position) : undefined;
      if (found) marks.set(position.docId, found);
    }
    return marks;
  };

  app.get(ROADMAP_SCRIPT_PATH, { schema: { hide: true }, config: { auth: "public" } }, async (_request, reply) =>
    reply
      .header("content-type", "text/javascript; charset=utf-8")
      .header("cache-control", "public, max-age=300")
      .send(await loadScript()),
  );

  app.get<{ Querystring: PageQuery }>(
    "/roadmaps",
    {
      schema: {
        tags: ["pages"],
        summary: "Every roadmap as a path",
        operationId: "roadmapsPage",
        response: htmlPageResponses("The roadmaps page."),
      },
      config: { auth: "documents" },
    },
    async (request, reply) => {
      const page = openPage(request, reply);
      if (!page) return reply;
      const { m, index, topic } = page;
      const marks = marksOf(index, topic);
      const entries = index.roadmaps().map((doc) => {
        const mark = marks.get(doc.id);
        return { roadmap: describe(index, doc), ...(mark ? { marks: mark } : {}) };
      });
      return sendHtml(reply, 200, renderRoadmapIndex({ entries, m, indexVersion: index.version(), ...(topic ? { topic } : {}) }));
    },
  );

  app.get<{ Params: { id: string }; Querystring: PageQuery }>(
    "/roadmaps/:id",
    {
      schema: {
        tags: ["pages"],
        summary: "One roadmap drawn as a graph, with durations, resources and where ?topic= sits",
        operationId: "roadmapPage",
        response: htmlPageResponses("The roadmap page."),
      },
      config: { auth: "documents" },
    },
    async (request, reply) => {
      const page = openPage(request, reply);
      if (!page) return reply;
      const { m, index, topic } = page;
      const { id } = request.params;
      const found = index.findDocument(id);
      const doc = found?.kind === "roadmap" ? found : undefined;
      if (!doc) return sendHtml(reply, 404, renderMessagePage(m.notFound, `No roadmap with id "${id}". See /roadmaps for the list.`));
      const mark = marksOf(index, topic).get(doc.id);
      return sendHtml(
        reply,
        200,
        renderRoadmapPage({
          roadmap: describe(index, doc),
          m,
          indexVersion: index.version(),
          ...(topic ? { topic } : {}),
          ...(mark ? { marks: mark } : {}),
        }),
      );
    },
  );
};

function notReady(reply: FastifyReply): FastifyReply {
  void reply.header("retry-after", "5");
  return sendHtml(reply, 503, renderMessagePage("Index not ready", "The roadmap index is still loading. Try again in a few seconds."));
}
