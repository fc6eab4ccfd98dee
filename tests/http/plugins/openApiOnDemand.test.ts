import { execFile } from "node:child_process";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type LightMyRequestResponse } from "fastify";
import fp from "fastify-plugin";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IndexNotReady } from "../../../src/errors.js";
import { registerErrorHandler } from "../../../src/http/errorHandler.js";
import { builtFile } from "../../support/childBuild.js";
import { DOCS_CSP, openApiOptions, openApiPlugin } from "../../../src/http/plugins/openApi.js";
import { securityHeadersPlugin } from "../../../src/http/plugins/securityHeaders.js";
import { contractCompilersFactory } from "../../../src/http/responseSerializer.js";
import { healthRoutes } from "../../../src/http/routes/health.js";
import { roadmapRoutes } from "../../../src/http/routes/roadmaps.js";

/**
 * /docs and app.swagger() are served on demand (src/http/plugins/openApiDocument.ts,
 * docsUiOnDemand.ts): the same bytes as @fastify/swagger and @fastify/swagger-ui registered at
 * start, and neither package loaded by a start.
 */

/** What src/http/plugins/openApi.ts registered before the deferral: both plugins at start. */
const registeredAtStart = fp(async (app) => {
  await app.register(swagger, { ...openApiOptions });
  await app.register(async (docs) => {
    docs.addHook("onRoute", (route) => {
      route.config = { ...route.config, auth: "public" };
    });
    await docs.register(swaggerUi, { routePrefix: "/docs", staticCSP: DOCS_CSP });
  });
});

/** An app as buildApp composes one (error handler, security headers, request id), with real routes and their zod schemas. */
async function appWith(openApi: FastifyPluginAsync): Promise<FastifyInstance> {
  const app = Fastify({ schemaController: { compilersFactory: contractCompilersFactory } }).withTypeProvider<ZodTypeProvider>();
  registerErrorHandler(app);
  app.addHook("onSend", (request, reply, payload, done) => {
    void reply.header("x-request-id", request.id);
    done(null, payload);
  });
  await app.register(securityHeadersPlugin);
  await app.register(openApi);
  await app.register(healthRoutes, { tryIndex: () => undefined, indexProblem: () => "no index in this test", mode: "extractive" });
  await app.register(roadmapRoutes, {
    corpus: () => {
      throw new IndexNotReady("no index in this test");
    },
    locateTopic: () => [],
  });
  await app.ready();
  return app;
}

let before: FastifyInstance;
let deferred: FastifyInstance;
beforeAll(async () => {
  before = await appWith(registeredAtStart);
  deferred = await appWith(openApiPlugin);
});
afterAll(async () => {
  await before?.close();
  await deferred?.close();
});

/** Status, every header in the order written but the date, and the body's bytes (the request id counts the requests each app was sent). */
function wire(response: LightMyRequestResponse) {
  const headers = Object.entries(response.headers)
    .filter(([name]) => name !== "date")
    .map(([name, value]) => [name, name === "x-request-id" ? "(id)" : value]);
  return { status: response.statusCode, headers, body: response.rawPayload.toString("base64") };
}

describe("/docs on demand", () => {
  it("writes the same document, as JSON and as YAML", () => {
    expect(JSON.stringify(deferred.swagger())).toBe(JSON.stringify(before.swagger()));
    expect(deferred.swagger({ yaml: true })).toBe(before.swagger({ yaml: true }));
    // The routes and the named schemas are in it, so the comparison compares something.
    const document = deferred.swagger() as unknown as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/healthz", "/readyz", "/api/roadmaps"]));
    expect(Object.keys(document.paths).some((path) => path.startsWith("/docs"))).toBe(false);
  });

  it("answers every /docs request with the same status, headers and body", async () => {
    const css = await before.inject({ url: "/docs/static/swagger-ui.css" });
    const etag = String(css.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const requests: { url: string; method?: "HEAD"; headers?: Record<string, string> }[] = [
      ...["/docs", "/docs/", "/docs/json", "/docs/yaml", "/docs/static/index.html", "/docs/static/swagger-initializer.js"].flatMap(
        (url) => [{ url }, { url, method: "HEAD" as const }],
      ),
      ...["/docs/static/swagger-ui.css", "/docs/static/logo.svg", "/docs/static/nope.js", "/docs/static/", "/docs/nope"].flatMap((url) => [
        { url },
        { url, method: "HEAD" as const },
      ]),
      // Refused by @fastify/static (403 through the app's error handler), however the client spells it.
      { url: "/docs/static/%2e%2e/package.json" },
      { url: "/docs/static//swagger-ui.css" },
      { url: "/docs/static/swagger-ui.css", headers: { "if-none-match": etag } },
      { url: "/docs/static/swagger-ui.css", method: "HEAD", headers: { "if-none-match": etag } },
      { url: "/docs/static/swagger-ui.css", headers: { range: "bytes=10-99" } },
      { url: "/docs/static/swagger-ui.css", headers: { range: "bytes=99999999-" } },
    ];
    const statuses = new Set<number>();
    for (const request of requests) {
      const expected = wire(await before.inject(request));
      statuses.add(expected.status);
      expect(wire(await deferred.inject(request)), `${request.method ?? "GET"} ${request.url}`).toEqual(expected);
    }
    // Each way a response can come about was asked for.
    expect([...statuses].sort()).toEqual([200, 206, 302, 304, 403, 404, 416]);
  });

  it("refuses the document before ready, as @fastify/swagger does", async () => {
    const app = Fastify();
    await app.register(openApiPlugin);
    expect(() => app.swagger()).toThrow(".swagger() must be called after .ready()");
    await app.ready();
    expect(app.swagger()).toHaveProperty("openapi", "3.1.0");
    await app.close();
  });
});

/** The packages /docs needs, as paths inside node_modules: none is required until /docs is asked for. */
const DOCS_PACKAGES = ["@fastify/swagger", "@fastify/swagger-ui", "@fastify/static", "yaml"];

const childScript = `
import { createRequire } from "node:module";
const packages = ${JSON.stringify(DOCS_PACKAGES)};
const cache = createRequire(import.meta.url).cache;
const loaded = () => packages.filter((name) => Object.keys(cache).some((file) => file.includes("/node_modules/" + name + "/")));
const { parseConfig } = await import(${JSON.stringify(pathToFileURL(builtFile("src/config.ts")).href)});
const { openTutor } = await import(${JSON.stringify(pathToFileURL(builtFile("src/tutor.ts")).href)});
const { buildTutorApp } = await import(${JSON.stringify(pathToFileURL(builtFile("src/app.ts")).href)});
// As server.ts composes the app (scripts/openapi.ts does the same), on an index folder that does not exist.
const tutor = await openTutor(parseConfig({ INDEX_DIR: "/nonexistent/openapi-on-demand-test", LOG_LEVEL: "silent", LOAD_SHEDDING: "false" }), { tolerateMissingIndex: true });
const app = await buildTutorApp(tutor);
await app.ready();
const atReady = loaded();
app.swagger();
const afterDocument = loaded();
const page = await app.inject({ url: "/docs" });
const afterPage = loaded();
await app.close();
console.log(JSON.stringify({ atReady, afterDocument, afterPage, status: page.statusCode }));
`;

describe("a start without the docs' packages", () => {
  it("loads none of them until the document or the page is asked for", async () => {
    // The run's build (tests/support/childBuild.ts): what `npm start` runs, without compiling TypeScript in the child.
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", childScript], {
      env: { ...process.env, LOG_LEVEL: "silent" },
      timeout: 90_000,
    });
    const seen = JSON.parse(stdout.trim().split("\n").at(-1)!) as Record<string, unknown>;
    expect(seen).toEqual({
      atReady: [],
      afterDocument: ["@fastify/swagger", "yaml"],
      afterPage: DOCS_PACKAGES,
      status: 200,
    });
  }, 120_000);
});
