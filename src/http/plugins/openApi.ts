import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import fp from "fastify-plugin";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

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

/** OpenAPI description of every route, and the Swagger UI at /docs (public). */
export const openApiPlugin = fp(
  async (app) => {
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
    // Its own context, so the onRoute hook marks only the docs routes public.
    await app.register(async (docs) => {
      docs.addHook("onRoute", (route) => {
        route.config = { ...route.config, auth: "public" };
      });
      await docs.register(swaggerUi, { routePrefix: "/docs", staticCSP: DOCS_CSP });
    });
  },
  { name: "tutor-openapi" },
);
