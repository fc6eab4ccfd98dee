import { createRequire } from "node:module";
import type { FastifyDynamicSwaggerOptions } from "@fastify/swagger";
import type { FastifyInstance, RouteOptions } from "fastify";

type SwaggerDocument = FastifyInstance["swagger"];
type Hook = (...args: unknown[]) => unknown;

/**
 * `app.swagger()` without loading @fastify/swagger at start (it requires `yaml`, 73 files, ~30 ms
 * of every start's main thread) until the document is first asked for.
 *
 * @fastify/swagger writes the document from what three hooks saw: every route's options (onRoute),
 * every plugin context (onRegister) and, at ready, each context's shared schemas (onReady). This
 * records what those hooks would have been given, on the same instance and at the same point of
 * the registration order, and on the first call runs the real plugin against a stand-in instance
 * and replays the record into its hooks. The route options are the same objects Fastify passed
 * (hooks registered later, such as the docs' "public" hook, still change them in place), and after
 * ready no context's schemas can change: the plugin reads what it would have read at start.
 */
export function deferredOpenApiDocument(app: FastifyInstance, options: FastifyDynamicSwaggerOptions): SwaggerDocument {
  const routes: RouteOptions[] = [];
  const contexts: FastifyInstance[] = [];
  let ready = false;
  app.addHook("onRoute", (route) => {
    routes.push(route);
  });
  app.addHook("onRegister", (context) => {
    contexts.push(context);
  });
  app.addHook("onReady", (done) => {
    ready = true;
    done();
  });

  let document: SwaggerDocument | undefined;
  const documentOnFirstCall = ((documentOptions?: { yaml?: boolean }) => {
    // The plugin's own refusal, word for word: it has no schemas to read before ready.
    if (!ready) throw new Error(".swagger() must be called after .ready()");
    document ??= replayed(app, options, routes, contexts);
    return document(documentOptions as never);
  }) as SwaggerDocument;
  return documentOnFirstCall;
}

function replayed(
  app: FastifyInstance,
  options: FastifyDynamicSwaggerOptions,
  routes: RouteOptions[],
  contexts: FastifyInstance[],
): SwaggerDocument {
  const { fastifySwagger } = createRequire(import.meta.url)("@fastify/swagger") as typeof import("@fastify/swagger");
  const hooks = new Map<string, Hook>();
  let document: SwaggerDocument | undefined;
  // What the plugin calls on its instance (lib/mode/dynamic.js, lib/util/add-hook.js): a missing
  // method fails loudly here rather than writing a different document.
  const standIn = {
    addHook: (name: string, hook: Hook) => hooks.set(name, hook),
    decorate: (_name: string, value: SwaggerDocument) => (document = value),
    getSchemas: () => app.getSchemas(),
  };
  // A copy: the plugin writes its defaults into the options it is given.
  fastifySwagger(standIn as unknown as FastifyInstance, { ...options }, (error?: Error) => {
    if (error) throw error;
  });
  const hook = (name: string) => {
    const found = hooks.get(name);
    if (!found) throw new Error(`@fastify/swagger no longer adds an ${name} hook: the deferred document cannot replay it`);
    return found;
  };
  for (const route of routes) hook("onRoute")(route);
  for (const context of contexts) void hook("onRegister")(context);
  hook("onReady")((error?: Error) => {
    if (error) throw error;
  });
  if (!document) throw new Error("@fastify/swagger did not decorate the stand-in instance");
  return document;
}
