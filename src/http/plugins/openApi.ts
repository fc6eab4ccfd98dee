import type { FastifyDynamicSwaggerOptions } from "@fastify/swagger";
import fp from "fastify-plugin";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import type { Surface } from "../routeConfig.js";
import { docsUiOnDemand } from "./docsUiOnDemand.js";
import { deferredOpenApiDocument } from "./openApiDocument.js";

/**
 * The docs page's own CSP, set deliberately rather than inherited from helmet: Swagger UI needs
 * inline styles, and no upgrade-insecure-requests, which on a plain-http host (LAN, Docker,
 * HOST=0.0.0.0) sent its scripts to https and left /docs blank.
 */
export const DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
].join("; ");

/** Who may call an operation, as OpenAPI security requirements (the auth plugin enforces it). */
function securityOf(surface: Surface | undefined): Record<string, string[]>[] | undefined {
  if (surface === "public") return [];
  if (surface === "admin") return [{ adminKey: [] }];
  // Every other surface needs a key only when the operator sets API_KEYS (or opens it with PUBLIC_ROUTES).
  return undefined;
}

type OpenApiDocument = ReturnType<typeof jsonSchemaTransformObject>;

/**
 * The zod provider lists every named schema twice (as written and as read, "XInput"); keep only
 * those some operation refers to, directly or through another schema.
 */
function withoutUnusedSchemas(document: OpenApiDocument): OpenApiDocument {
  const { components, ...rest } = document as { components?: { schemas?: Record<string, unknown> } };
  const schemas = components?.schemas;
  if (!schemas) return document;
  const refsIn = (value: unknown) => [...JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
  const used = new Set(refsIn(rest));
  for (let pending = [...used]; pending.length > 0;) {
    const next = pending.flatMap((name) => refsIn(schemas[name]).filter((ref) => !used.has(ref)));
    for (const name of next) used.add(name);
    pending = next;
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...document, components: { ...components, schemas: kept } } as OpenApiDocument;
}

const tags = [
  { name: "ask", description: "Cited answers, as JSON or Server-Sent Events." },
  { name: "search", description: "Ranked passages without an answer." },
  { name: "documents", description: "The cleaned documents, with outline and resources." },
  { name: "roadmaps", description: "Roadmaps as paths of stages; where a topic sits." },
  { name: "resources", description: "The links the roadmaps recommend." },
  { name: "openai-compatible", description: "The tutor as a model for OpenAI-compatible chat apps." },
  { name: "health", description: "Liveness and readiness probes." },
  { name: "admin", description: "Operator actions, with ADMIN_KEY." },
  { name: "pages", description: "Server-rendered HTML pages: demo, document view, roadmap pages." },
];

/** What @fastify/swagger writes the document with (`app.swagger()`, /docs/json, /docs/yaml). */
export const openApiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    // 3.1: its schemas are JSON Schema 2020-12, so nullable fields are written as zod means them.
    openapi: "3.1.0",
    info: {
      title: "Roadmap Tutor API",
      description:
        "Answers questions about LLM learning roadmaps with numbered citations. Errors have one JSON shape " +
        "(Error); /v1 answers in OpenAI's (OpenAiError).",
      version: "0.1.0",
    },
    servers: [{ url: "/", description: "This server" }],
    tags,
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "One of API_KEYS, when the operator sets them." },
        adminKey: { type: "http", scheme: "bearer", description: "ADMIN_KEY." },
      },
    },
    // A key is needed only when API_KEYS is set: the empty requirement says "or none".
    security: [{ apiKey: [] }, {}],
  },
  transform: (input) => {
    const transformed = jsonSchemaTransform(input);
    const security = securityOf(input.route.config?.auth);
    return security === undefined ? transformed : { ...transformed, schema: { ...transformed.schema, security } };
  },
  // Named schemas (.meta({ id })) become components/schemas, referred to from each route.
  transformObject: (input) => withoutUnusedSchemas(jsonSchemaTransformObject(input)),
};

/**
 * OpenAPI description of every route, and the Swagger UI at /docs (public). Neither package is
 * loaded at start (~5 % of a start's main thread): the document is written on the first
 * `app.swagger()` (openApiDocument.ts), the UI's routes are served by @fastify/swagger-ui from the
 * first /docs request on (docsUiOnDemand.ts), with the same bytes as when both were registered here.
 */
export const openApiPlugin = fp(
  async (app) => {
    const document = deferredOpenApiDocument(app, openApiOptions);
    app.decorate("swagger", document);
    // Its own context, so the onRoute hook marks only the docs routes public.
    await app.register(async (docs) => {
      docs.addHook("onRoute", (route) => {
        route.config = { ...route.config, auth: "public" };
      });
      await docs.register(docsUiOnDemand, { prefix: "/docs", csp: DOCS_CSP, document });
    });
  },
  { name: "tutor-openapi" },
);
