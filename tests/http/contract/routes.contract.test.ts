import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerEventSchemas, answerResponseSchema } from "../../../src/http/contract/answers.js";
import { errorResponseSchema, openAiErrorResponseSchema } from "../../../src/http/contract/common.js";
import {
  documentListSchema,
  documentSchema,
  resourceListSchema,
  roadmapDescriptionSchema,
  roadmapListSchema,
  topicPositionsSchema,
} from "../../../src/http/contract/corpus.js";
import { chatCompletionChunkSchema, chatCompletionSchema, modelListSchema, modelSchema } from "../../../src/http/contract/openai.js";
import {
  livenessSchema,
  notReadySchema,
  readySchema,
  reindexStartedSchema,
  reindexStatusSchema,
} from "../../../src/http/contract/operations.js";
import { searchResponseSchema } from "../../../src/http/contract/search.js";
import { buildTestApp, parseSse, type TestApp } from "../../support/buildTestApp.js";

/**
 * Every route's response against its contract schema (src/http/contract). `conforms` parses
 * with zod, which drops fields the schema does not declare, and then requires the result to
 * equal the body: a missing, mistyped or undeclared field anywhere fails.
 */
function conforms<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`Response does not match the contract: ${parsed.error.message}`);
  expect(parsed.data).toEqual(body);
  return parsed.data;
}

const ADMIN_KEY = "contract-test-admin-key-0001";
const admin = { authorization: `Bearer ${ADMIN_KEY}` };
let t: TestApp;
let empty: TestApp;
let docId: string;
let roadmapId: string;

beforeAll(async () => {
  [t, empty] = await Promise.all([buildTestApp({ env: { ADMIN_KEY } }), buildTestApp({ withoutIndex: true })]);
  const roadmaps = conforms(roadmapListSchema, (await t.app.inject({ url: "/api/roadmaps" })).json());
  roadmapId = roadmaps.roadmaps[0]!.id;
  docId = roadmapId;
});
afterAll(async () => {
  await Promise.all([t?.close(), empty?.close()]);
});

const json = async (url: string, status = 200) => {
  const res = await t.app.inject({ url });
  expect(res.statusCode).toBe(status);
  return res.json<unknown>();
};

describe("response contract, route by route", () => {
  it("GET /healthz", async () => {
    conforms(livenessSchema, await json("/healthz"));
  });

  it("GET /readyz: ready, and not ready without an index", async () => {
    conforms(readySchema, await json("/readyz"));
    const res = await empty.app.inject({ url: "/readyz" });
    expect(res.statusCode).toBe(503);
    conforms(notReadySchema, res.json());
  });

  it("POST /api/ask as JSON, without the answerer's internals", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/ask", payload: { question: "学完 LoRA 之后该学什么?" } });
    expect(res.statusCode).toBe(200);
    const body = conforms(answerResponseSchema, res.json());
    expect(body.roadmap?.positions.length).toBeGreaterThan(0);
    for (const internal of ["timings", "standaloneQuestion", "removedCitations"]) expect(res.json()).not.toHaveProperty(internal);
  });

  it("POST /api/ask as Server-Sent Events: every event's data matches its schema", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/ask",
      payload: { question: "which book should I read for deep learning?", stream: true },
    });
    const events = parseSse(res.body);
    expect(events.map((e) => e.event)).toContain("done");
    for (const event of events) conforms(answerEventSchemas[event.event as keyof typeof answerEventSchemas], JSON.parse(event.data));
    expect(JSON.parse(events.at(-1)!.data)).not.toHaveProperty("timings");
  });

  it("POST /api/ask error event and JSON errors share the error schema", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/ask", payload: { question: "" } });
    expect(res.statusCode).toBe(400);
    conforms(errorResponseSchema, res.json());
    const notReady = await empty.app.inject({ method: "POST", url: "/api/ask", payload: { question: "RAG 是什么" } });
    expect(notReady.statusCode).toBe(503);
    conforms(errorResponseSchema, notReady.json());
  });

  it("POST /api/search", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/search", payload: { query: "LLMSurvey", k: 3 } });
    expect(conforms(searchResponseSchema, res.json()).results.length).toBeGreaterThan(0);
  });

  it("GET /api/documents and /api/documents/:id (and its 404)", async () => {
    conforms(documentListSchema, await json("/api/documents"));
    const doc = conforms(documentSchema, await json(`/api/documents/${docId}`));
    expect(doc.outline.every((s) => s.lines.end >= s.lines.start)).toBe(true);
    conforms(errorResponseSchema, await json("/api/documents/no-such-document", 404));
  });

  it("GET /api/roadmaps/next: sections as line ranges", async () => {
    const body = conforms(topicPositionsSchema, await json("/api/roadmaps/next?topic=LoRA"));
    expect(body.positions[0]?.at.lines.start).toBeGreaterThan(0);
  });

  it("GET /api/roadmaps/:id with a topic", async () => {
    const body = conforms(roadmapDescriptionSchema, await json(`/api/roadmaps/${roadmapId}?topic=LoRA`));
    expect(body.paths.length).toBeGreaterThan(0);
    conforms(errorResponseSchema, await json("/api/roadmaps/no-such-roadmap", 404));
  });

  it("GET /api/resources", async () => {
    conforms(resourceListSchema, await json("/api/resources?q=深度学习&limit=5"));
  });

  it("GET /v1/models and /v1/models/:id (and an unknown model in OpenAI's error shape)", async () => {
    conforms(modelListSchema, await json("/v1/models"));
    conforms(modelSchema, await json(`/v1/models/${t.config.OPENAI_COMPAT_MODEL_ID}`));
    conforms(openAiErrorResponseSchema, await json("/v1/models/gpt-4", 404));
  });

  it("POST /v1/responses answers in OpenAI's error shape", async () => {
    const res = await t.app.inject({ method: "POST", url: "/v1/responses", payload: {} });
    expect(res.statusCode).toBe(404);
    conforms(openAiErrorResponseSchema, res.json());
  });

  it("POST /v1/chat/completions, JSON and streamed chunks", async () => {
    const payload = { model: t.config.OPENAI_COMPAT_MODEL_ID, messages: [{ role: "user", content: "RAG 是什么" }] };
    const res = await t.app.inject({ method: "POST", url: "/v1/chat/completions", payload });
    conforms(chatCompletionSchema, res.json());
    const streamed = await t.app.inject({ method: "POST", url: "/v1/chat/completions", payload: { ...payload, stream: true } });
    const chunks = parseSse(streamed.body).map((e) => e.data);
    expect(chunks.at(-1)).toBe("[DONE]");
    for (const chunk of chunks.slice(0, -1)) conforms(chatCompletionChunkSchema, JSON.parse(chunk));
    const invalid = await t.app.inject({ method: "POST", url: "/v1/chat/completions", payload: { model: "x" } });
    expect(invalid.statusCode).toBe(400);
    conforms(openAiErrorResponseSchema, invalid.json());
  });

  it("HTML pages answer text/html, and an HTML message page when no index is loaded", async () => {
    for (const url of ["/", `/documents/${docId}`, "/roadmaps", `/roadmaps/${roadmapId}`]) {
      const res = await t.app.inject({ url });
      expect([url, res.statusCode, res.headers["content-type"]]).toEqual([url, 200, "text/html; charset=utf-8"]);
    }
    const res = await empty.app.inject({ url: `/documents/${docId}` });
    expect([res.statusCode, res.headers["content-type"]]).toEqual([503, "text/html; charset=utf-8"]);
  });

  // Last: a rebuild swaps in a new index version.
  it("GET and POST /admin/reindex", async () => {
    conforms(reindexStatusSchema, (await t.app.inject({ url: "/admin/reindex", headers: admin })).json());
    const started = await t.app.inject({ method: "POST", url: "/admin/reindex", headers: admin });
    expect(started.statusCode).toBe(202);
    conforms(reindexStartedSchema, started.json());
    await t.tutor.reindex.settled();
    const done = conforms(reindexStatusSchema, (await t.app.inject({ url: "/admin/reindex", headers: admin })).json());
    expect(done.state).toBe("succeeded");
    conforms(errorResponseSchema, (await t.app.inject({ url: "/admin/reindex" })).json());
  });
});
