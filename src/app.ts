import { createHash } from "node:crypto";
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import underPressure from "@fastify/under-pressure";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Answerer } from "./answering/types.js";
import { llmConfigured, type Config } from "./config.js";
import type { Resource } from "./corpus/types.js";
import { Overloaded } from "./errors.js";
import { registerErrorHandler } from "./http/errorHandler.js";
import { pagesPlugin } from "./http/pages/pagesPlugin.js";
import { registerApiKeyAuth } from "./http/plugins/apiKeyAuth.js";
import { adminRoutes } from "./http/routes/admin.js";
import { askRoutes } from "./http/routes/ask.js";
import { documentRoutes } from "./http/routes/documents.js";
import { healthRoutes } from "./http/routes/health.js";
import { openAiCompatibleRoutes } from "./http/routes/openaiCompatible.js";
import { resourceRoutes } from "./http/routes/resources.js";
import { roadmapRoutes } from "./http/routes/roadmaps.js";
import { searchRoutes } from "./http/routes/search.js";
import type { BackgroundReindex } from "./index/BackgroundReindex.js";
import type { LoadedIndex } from "./index/types.js";
import type { Retriever, RoadmapPosition } from "./retrieval/types.js";
import type { Tutor } from "./tutor.js";

/** What the HTTP layer needs to read the live index (src/index/IndexHolder.ts implements it). */
export interface IndexAccess {
  /** The live index; throws IndexNotReady when none is loaded. */
  current(): LoadedIndex;
  tryCurrent(): LoadedIndex | undefined;
}

export interface AppDependencies {
  config: Config;
  index: IndexAccess;
  retriever: Retriever;
  answerer: Answerer;
  locateTopic: (topic: string) => RoadmapPosition[];
  searchResources: (resources: Resource[], query: string, limit: number) => Resource[];
  /** Background rebuilds for POST /admin/reindex (routes exist only when ADMIN_KEY is set). */
  reindex?: BackgroundReindex;
  /** Why no index is loaded, for /readyz. */
  indexProblem?: () => string | undefined;
  logger?: FastifyServerOptions["logger"];
}

/**
 * Build the Fastify app from its parts. Nothing here reads the environment or opens files:
 * tests pass real parts built on temp directories, server.ts passes the production ones.
 */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: config.BODY_LIMIT_BYTES,
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    // Behind a reverse proxy the client IP (for rate limits) comes from X-Forwarded-For.
    trustProxy: true,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: "x-request-id",
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.addHook("onSend", async (request, reply) => {
    void reply.header("x-request-id", request.id);
  });

  await app.register(helmet, {
    // The widget script and document view are loaded from bloggers' pages on other origins.
    crossOriginResourcePolicy: { policy: "cross-origin" },
    contentSecurityPolicy: {
      directives: {
        "script-src": ["'self'"],
        "connect-src": ["'self'"],
        "img-src": ["'self'", "data:"],
      },
    },
  });
  await app.register(cors, {
    origin: config.ALLOWED_ORIGINS.length > 0 ? config.ALLOWED_ORIGINS : false,
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: ["content-type", "authorization", "accept", "x-request-id"],
    exposedHeaders: ["retry-after", "x-request-id", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    max: config.RATE_LIMIT_MAX,
    timeWindow: config.RATE_LIMIT_WINDOW,
    // Per API key when one is sent, else per client IP. Keys are hashed so the raw key never
    // sits in the limiter's store.
    keyGenerator: (request) => {
      const auth = request.headers.authorization;
      return auth?.startsWith("Bearer ")
        ? `key:${createHash("sha256").update(auth).digest("hex").slice(0, 24)}`
        : `ip:${request.ip}`;
    },
  });
  // Under event-loop pressure, answer 503 + Retry-After at once instead of letting every
  // request time out together. Health routes are exempt so orchestrators can still probe.
  await app.register(underPressure, {
    maxEventLoopDelay: 1000,
    retryAfter: 5,
    exposeStatusRoute: false,
    // Reject, never send here: after a handler that sent and returned nothing, under-pressure
    // calls next() and the route runs too ("Reply was already sent" on /readyz at startup, when
    // ingest had blocked the event loop). A rejection goes to next(error): the error handler
    // answers 503 with Retry-After in the usual error shape.
    pressureHandler: async (_request, _reply, type, value) => {
      throw new Overloaded(`Server under pressure (${type}: ${String(value)}); retry shortly.`, 5);
    },
  });
  registerApiKeyAuth(app, { keys: config.API_KEYS, protectedPrefixes: ["/api/", "/v1/"] });

  await app.register(swagger, {
    openapi: {
      info: {
        title: "Roadmap Tutor API",
        description: "Answers questions about LLM learning roadmaps with numbered citations.",
        version: "0.1.0",
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });

  const index = () => deps.index.current();
  const mode = llmConfigured(config) ? "llm" : "extractive";
  await app.register(healthRoutes, {
    tryIndex: () => deps.index.tryCurrent(),
    indexProblem: deps.indexProblem ?? (() => undefined),
    mode,
  });
  // Model-backed answers cost money and upstream capacity: a stricter budget than search.
  const answerRateLimit = mode === "llm" ? { max: config.RATE_LIMIT_ASK_MAX, timeWindow: config.RATE_LIMIT_WINDOW } : undefined;
  await app.register(askRoutes, { config, answerer: deps.answerer, rateLimit: answerRateLimit });
  await app.register(searchRoutes, { config, retriever: deps.retriever });
  await app.register(documentRoutes, { index });
  await app.register(roadmapRoutes, { index, locateTopic: deps.locateTopic });
  await app.register(resourceRoutes, { index, searchResources: deps.searchResources });
  if (config.ADMIN_KEY && deps.reindex) {
    await app.register(adminRoutes, { adminKey: config.ADMIN_KEY, reindex: deps.reindex });
  }
  await app.register(openAiCompatibleRoutes, { config, answerer: deps.answerer, rateLimit: answerRateLimit });

  // Demo page, widget bundle and the document view that citations link to.
  await app.register(pagesPlugin, { index: () => deps.index.tryCurrent(), publicBaseUrl: config.PUBLIC_BASE_URL });

  return app;
}

/** The app over a composed Tutor (src/tutor.ts): what `npm start`, benches and end-to-end tests serve. */
export function buildTutorApp(tutor: Tutor, options: { logger?: FastifyServerOptions["logger"] } = {}): Promise<FastifyInstance> {
  return buildApp({
    config: tutor.config,
    index: tutor.index,
    retriever: tutor.retriever,
    answerer: tutor.answerer,
    locateTopic: tutor.locateTopic,
    searchResources: tutor.searchResources,
    indexProblem: tutor.problem,
    reindex: tutor.reindex,
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
}
