import helmet from "@fastify/helmet";
import fp from "fastify-plugin";

/**
 * Security headers on every response (helmet). HTML pages that need a different policy set
 * their own: the document view and demo page (pages/escapeHtml.ts PAGE_CSP) and /docs (openApi.ts).
 */
export const securityHeadersPlugin = fp(
  async (app) => {
    await app.register(helmet, {
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
  },
  { name: "tutor-security-headers" },
);
