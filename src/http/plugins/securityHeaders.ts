import type { IncomingMessage, ServerResponse } from "node:http";
import fp from "fastify-plugin";
import helmet from "helmet";

/**
 * Security headers on every response (helmet). HTML pages that need a different policy set
 * their own: the document view and demo page (pages/escapeHtml.ts PAGE_CSP) and /docs (openApi.ts).
 *
 * helmet's middleware is built once, and what it does to a response is recorded once: with these
 * options it sets fixed headers whatever the request (no nonces, no per-request options). The hook
 * puts them on the Fastify reply, not on the raw response: when a response has no header set on
 * it directly, Node writes Fastify's headers as they are, instead of setting each of them on the
 * response again first (http.ServerResponse.writeHead's "progressive" case); the eleven
 * middlewares and their setHeader calls ran on every request. A route's reply.header() still
 * overrides them, as before. (@fastify/helmet rebuilt the middleware on every request, re-parsing
 * every CSP directive, in two hooks.)
 */
export const securityHeadersPlugin = fp(
  async (app) => {
    const applyHeaders = helmet({
      // The widget script and document view are loaded from bloggers' pages on other origins.
      crossOriginResourcePolicy: { policy: "cross-origin" },
      contentSecurityPolicy: {
        directives: {
          "script-src": ["'self'"],
          "connect-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          // Not upgrade-insecure-requests: the server is often reached over plain http on a LAN
          // or in Docker, where upgrading subresources to https leaves pages blank.
          "upgrade-insecure-requests": null,
        },
      },
    });
    const { set, removed } = recordedHeaders(applyHeaders);
    app.addHook("onRequest", (_request, reply, done) => {
      for (let i = 0; i < set.length; i++) void reply.header(set[i]![0], set[i]![1]);
      for (let i = 0; i < removed.length; i++) void reply.removeHeader(removed[i]!);
      done();
    });
  },
  { name: "tutor-security-headers" },
);

type Middleware = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * What a middleware does to a response's headers, in order: the headers it sets (names lowercased,
 * as Fastify keeps them) and the ones it removes. Recorded on a stand-in response that holds no
 * headers, as a response has none when the first onRequest hook runs.
 */
export function recordedHeaders(middleware: Middleware): { set: [string, string][]; removed: string[] } {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const response = {
    setHeader(name: string, value: unknown) {
      if (typeof value !== "string") throw new TypeError(`security header ${name} is not a string`);
      set.push([name.toLowerCase(), value]);
      return response;
    },
    removeHeader(name: string) {
      removed.push(name.toLowerCase());
    },
  };
  let finished = false;
  middleware({ headers: {}, method: "GET", url: "/" } as IncomingMessage, response as unknown as ServerResponse, (error) => {
    if (error !== undefined) throw error instanceof Error ? error : new Error("the security headers middleware failed");
    finished = true;
  });
  // helmet's middleware is synchronous: a middleware that finishes later could depend on the request.
  if (!finished) throw new Error("the security headers middleware did not finish synchronously");
  return { set, removed };
}
