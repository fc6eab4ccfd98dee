import fp from "fastify-plugin";
import helmet from "helmet";

/**
 * Security headers on every response (helmet). HTML pages that need a different policy set
 * their own: the document view and demo page (pages/escapeHtml.ts PAGE_CSP) and /docs (openApi.ts).
 *
 * helmet's middleware is built once here and applied in one callback hook. (@fastify/helmet
 * rebuilt it on every request, re-parsing every CSP directive, in two hooks; we use none of its
 * per-route options or nonces.) Headers it sets on the raw response are overridden by a route's
 * reply.header(), as before.
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
    app.addHook("onRequest", (request, reply, done) => {
      // helmet (8.1+) throws instead of passing an error to its callback.
      applyHeaders(request.raw, reply.raw, () => done());
    });
  },
  { name: "tutor-security-headers" },
);
