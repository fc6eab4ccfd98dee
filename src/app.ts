import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Answerer } from "./answering/types.js";
import type { Config } from "./config.js";
import type { Resource } from "./corpus/types.js";
import { contractCompilersFactory } from "./http/responseSerializer.js";
import { withAnswerCache } from "./http/answerCache.js";
import { withSearchCache } from "./http/searchCache.js";
import { readModelOver } from "./http/indexReadModel.js";
import type { ReadModelAccess } from "./http/readModel.js";
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from "./http/errorHandler.js";
import { pagesPlugin } from "./http/pages/pagesPlugin.js";
import { roadmapPagesPlugin } from "./http/pages/roadmap/roadmapPagesPlugin.js";
import { apiKeyAuthPlugin } from "./http/plugins/apiKeyAuth.js";
import { clientConcurrencyPlugin } from "./http/plugins/clientConcurrency.js";
import { drainOnClosePlugin } from "./http/plugins/drainOnClose.js";
import { corsPlugin } from "./http/plugins/cors.js";
import { loadSheddingPlugin } from "./http/plugins/loadShedding.js";
import { openApiPlugin } from "./http/plugins/openApi.js";
import { rateLimitPlugin } from "./http/plugins/rateLimit.js";
import { redisPlugin } from "./http/plugins/redis.js";
import { securityHeadersPlugin } from "./http/plugins/securityHeaders.js";
import { adminRoutes } from "./http/routes/admin.js";
import { askRoutes } from "./http/routes/ask.js";
import { documentRoutes } from "./http/routes/documents.js";
import { healthRoutes } from "./http/routes/health.js";
import { openAiCompatibleRoutes } from "./http/routes/openaiCompatible.js";
import { resourceRoutes } from "./http/routes/resources.js";
import { roadmapRoutes } from "./http/routes/roadmaps.js";
import { searchRoutes } from "./http/routes/search.js";
import type { BackgroundReindex } from "./lifecycle/BackgroundReindex.js";
import type { Retriever, RoadmapPosition } from "./retrieval/types.js";
import type { IndexSnapshot } from "./store/types.js";
import type { Tutor } from "./tutor.js";

/** What the HTTP layer needs to read the live index (src/store/SnapshotHolder.ts implements it, whichever store runs). */
export interface IndexAccess {
  /** The live index; throws IndexNotReady when none is loaded. */
  current(): IndexSnapshot;
  tryCurrent(): IndexSnapshot | undefined;
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
  /** Documents, roadmaps and resources for the read routes and pages (default: read from `index`). */
  readModel?: ReadModelAccess;
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
    // X-Forwarded-For/-Host/-Proto are believed only from the proxies TRUST_PROXY names: otherwise
    // any client could pick its own rate-limit bucket, or the host its citation links point to.
    trustProxy: config.TRUST_PROXY,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: "x-request-id",
    frameworkErrors,
    clientErrorHandler,
    // Zod validates requests; responses are written from the route's contract schema by
    // fast-json-stringify (src/http/responseSerializer.ts).
    schemaController: { compilersFactory: contractCompilersFactory },
  }).withTypeProvider<ZodTypeProvider>();

  registerErrorHandler(app);
  // A callback hook, not an async one: it runs on every response, and needs no promise.
  app.addHook("onSend", (request, reply, payload, done) => {
    void reply.header("x-request-id", request.id);
    done(null, payload);
  });

  // One plugin per concern (src/http/plugins). Order matters: shed load before any work, then
  // authenticate (which decides whom the request counts against), then count it.
  await app.register(drainOnClosePlugin);
  await app.register(loadSheddingPlugin, {
    enabled: config.LOAD_SHEDDING,
    maxEventLoopDelayMs: config.LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS,
    maxHeapBytes: config.LOAD_SHED_MAX_HEAP_BYTES,
    maxRssBytes: config.LOAD_SHED_MAX_RSS_BYTES,
    retryAfterSeconds: config.LOAD_SHED_RETRY_AFTER_S,
  });
  await app.register(securityHeadersPlugin);
  await app.register(corsPlugin, { allowedOrigins: config.ALLOWED_ORIGINS, maxAgeSeconds: config.CORS_MAX_AGE_S });
  // Counters shared by replicas (REDIS_URL): the auth-failure budget and the rate limits below.
  await app.register(redisPlugin, {
    url: config.REDIS_URL,
    connectTimeoutMs: config.REDIS_CONNECT_TIMEOUT_MS,
    commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
  });
  await app.register(apiKeyAuthPlugin, {
    apiKeys: config.API_KEYS,
    adminKey: config.ADMIN_KEY,
    publicSurfaces: config.PUBLIC_ROUTES,
    allowedOrigins: config.ALLOWED_ORIGINS,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    failureBudget: { max: config.AUTH_FAILURE_MAX, windowMs: config.AUTH_FAILURE_WINDOW },
  });
  await app.register(clientConcurrencyPlugin, { maxInFlight: config.CLIENT_MAX_IN_FLIGHT });
  // The answerer decides the mode (src/tutor.ts composed it from config): nothing here re-derives it.
  const mode = deps.answerer.mode;
  await app.register(rateLimitPlugin, {
    max: config.RATE_LIMIT_MAX,
    timeWindowMs: config.RATE_LIMIT_WINDOW,
    // Model-backed answers cost money and upstream capacity: one stricter budget for all of them.
    modelBudget: mode === "llm" ? { max: config.RATE_LIMIT_ASK_MAX, timeWindowMs: config.RATE_LIMIT_WINDOW } : undefined,
  });
  await app.register(openApiPlugin);

  const readModel = deps.readModel ?? readModelOver(deps.index);
  const corpus = () => readModel.current();
  const liveVersion = () => readModel.tryCurrent()?.version();
  const answerer = withAnswerCache(deps.answerer, { maxEntries: config.ANSWER_CACHE_SIZE, version: liveVersion });
  const retriever = withSearchCache(deps.retriever, { maxEntries: config.SEARCH_CACHE_SIZE, version: liveVersion });
  await app.register(healthRoutes, {
    tryIndex: () => deps.index.tryCurrent(),
    indexProblem: deps.indexProblem ?? (() => undefined),
    mode,
  });
  await app.register(askRoutes, { config, answerer });
  await app.register(searchRoutes, { config, retriever });
  await app.register(documentRoutes, { corpus });
  await app.register(roadmapRoutes, { corpus, locateTopic: deps.locateTopic });
  await app.register(resourceRoutes, { corpus, searchResources: deps.searchResources });
  if (config.ADMIN_KEY && deps.reindex) {
    await app.register(adminRoutes, { reindex: deps.reindex });
  }
  await app.register(openAiCompatibleRoutes, { config, answerer });

  // Demo page, widget bundle and the document view that citations link to.
  await app.register(pagesPlugin, { corpus: () => readModel.tryCurrent(), publicBaseUrl: config.PUBLIC_BASE_URL });
  await app.register(roadmapPagesPlugin, { corpus: () => readModel.tryCurrent(), locateTopic: deps.locateTopic });

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
