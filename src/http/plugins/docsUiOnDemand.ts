import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyReply, type FastifyRequest } from "fastify";
import fp from "fastify-plugin";

export interface DocsUiOnDemandOptions {
  /** The docs pages' Content-Security-Policy (openApi.ts DOCS_CSP), set as @fastify/swagger-ui's staticCSP sets it. */
  csp: string;
  /** The main app's `swagger` decorator: the Swagger UI serves its document at /docs/json and /docs/yaml. */
  document: FastifyInstance["swagger"];
}

/** The request's URL as the client sent it, for the Swagger UI app's router (see uiAppFor). */
const ORIGINAL_URL = "x-tutor-docs-original-url";
/** Set by the Swagger UI app on a response the main app must answer itself: "not-found", or an error's key. */
const HANDED_BACK = "x-tutor-docs-handed-back";
/** Headers of the in-process response that the main app's own response writes for itself. */
const NOT_COPIED = new Set(["content-length", "date", "connection", "keep-alive", "transfer-encoding", HANDED_BACK]);

/**
 * /docs as @fastify/swagger-ui serves it, without loading it (nor @fastify/static, send, glob,
 * mime, yaml) at start: these are the routes it registers under its prefix, in its order, with its
 * `schema: { hide: true }` and its CSP hook, and each forwards its request to a second Fastify
 * instance that runs the real @fastify/swagger-ui, built on the first /docs request. Fastify
 * cannot add routes once it has booted, so the routes are declared here and only their work waits.
 *
 * The answer is copied back onto the main app's reply, so the main app's hooks (security headers,
 * request id, CORS) still run on it as they ran on the plugin's own routes. What the Swagger UI app
 * would answer with its own handlers is handed back instead: a path it has no file for is the main
 * app's 404, and an error (a path @fastify/static refuses) goes to the main app's error handler, as
 * @fastify/static's route error handler sends it there.
 */
export const docsUiOnDemand: FastifyPluginAsync<DocsUiOnDemandOptions> = async (docs, { csp, document }) => {
  // @fastify/swagger-ui's staticCSP hook (lib/routes.js), on every response of these routes.
  docs.addHook("onSend", (_request, reply, _payload, done) => {
    void reply.header("content-security-policy", csp);
    done();
  });

  const errors = new Map<string, unknown>();
  let uiApp: Promise<FastifyInstance> | undefined;
  const ui = () => {
    uiApp ??= uiAppFor(document, csp, errors).catch((error: unknown) => {
      uiApp = undefined; // a failed build is retried by the next request
      throw error;
    });
    return uiApp;
  };
  docs.addHook("onClose", async () => {
    if (uiApp) await (await uiApp.catch(() => undefined))?.close();
  });

  /**
   * `staticFile`: the route of @fastify/static, which answers HEAD itself and sets the file's
   * content-length among its other headers (before the main app's onSend hooks add theirs), so the
   * length is copied in its place; its body is streamed through, as @fastify/static streams it
   * (buffered, the 1.6 MB UI bundle cost ~2.5× the CPU of serving it directly). The other routes
   * are GET routes whose HEAD Fastify answers by running them and measuring the body: the Swagger
   * UI app is asked for the body, and Fastify measures it after the hooks, as it did on the
   * plugin's own routes.
   */
  const forward = (staticFile: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const response = await (
      await ui()
    ).inject({
      method: staticFile ? request.method : "GET",
      url: request.url,
      headers: { ...request.headers, [ORIGINAL_URL]: request.url },
      payloadAsStream: staticFile,
    });
    const handedBack = response.headers[HANDED_BACK];
    if (handedBack === "not-found") return reply.callNotFound();
    if (typeof handedBack === "string") {
      const error = errors.get(handedBack);
      errors.delete(handedBack);
      throw error;
    }
    for (const [name, value] of Object.entries(response.headers)) {
      const copied = !NOT_COPIED.has(name) || (staticFile && name === "content-length");
      if (copied && value !== undefined) void reply.header(name, value);
    }
    void reply.code(response.statusCode);
    if (!staticFile) return reply.send(response.rawPayload.length > 0 ? response.rawPayload : undefined);
    // HEAD, 304 Not Modified: no body, and Fastify keeps the copied length.
    const hasBody = request.method !== "HEAD" && response.statusCode !== 204 && response.statusCode !== 304;
    const body = response.stream();
    if (!hasBody) body.resume();
    return reply.send(hasBody ? body : undefined);
  };

  for (const url of ["/", "/static/index.html", "/static/swagger-initializer.js", "/json", "/yaml"]) {
    docs.route({ method: "GET", url, schema: { hide: true }, handler: forward(false) });
  }
  // @fastify/static's route for the UI's files (its `wildcard` default).
  docs.route({ method: ["HEAD", "GET"], url: "/static/*", schema: { hide: true }, handler: forward(true) });
};

/** The real @fastify/swagger-ui, on an instance of its own that only this plugin calls, in-process. */
async function uiAppFor(document: FastifyInstance["swagger"], csp: string, errors: Map<string, unknown>): Promise<FastifyInstance> {
  const { default: swaggerUi } = await import("@fastify/swagger-ui");
  let errorCount = 0;
  const app = Fastify({
    // Route the URL the client sent: inject() parses it with WHATWG URL rules, which would resolve
    // "/docs/static/%2e%2e/x" before @fastify/static could refuse it.
    rewriteUrl: (raw) => {
      const original = raw.headers[ORIGINAL_URL];
      delete raw.headers[ORIGINAL_URL];
      return typeof original === "string" ? original : (raw.url ?? "/");
    },
  });
  app.setNotFoundHandler((_request, reply) => reply.header(HANDED_BACK, "not-found").code(404).send());
  app.setErrorHandler((error, _request, reply) => {
    const key = String(++errorCount);
    errors.set(key, error);
    return reply.header(HANDED_BACK, key).code(500).send();
  });
  // @fastify/swagger-ui depends on a plugin of this name and reads the document from `swagger`:
  // the main app's document, written from the main app's routes.
  await app.register(fp(async (ui) => void ui.decorate("swagger", document), { name: "@fastify/swagger" }));
  await app.register(swaggerUi, { routePrefix: "/docs", staticCSP: csp });
  await app.ready();
  return app;
}
