/**
 * Per-route policy, declared where the route is declared (`config: { ... }`) and read by the
 * plugins from `request.routeOptions.config`: the route the router matched, never the raw URL.
 */

/**
 * Who may call a route.
 * - `public`: anyone (health probes, demo page, widget script, API docs).
 * - `widget`: what the embedded widget calls with fetch (POST /api/ask); public with PUBLIC_ROUTES=widget.
 * - `documents`: the document view citations link to, and the roadmap pages; public with PUBLIC_ROUTES=widget or documents.
 * - `api`: the rest of /api/*; `v1`: the OpenAI-compatible endpoint; both need a key when API_KEYS is set.
 * - `admin`: /admin/*, ADMIN_KEY only.
 */
export type Surface = "public" | "widget" | "documents" | "api" | "v1" | "admin";

declare module "fastify" {
  interface FastifyContextConfig {
    auth?: Surface;
    /** Answered by the paid model in LLM mode: counted against the one shared model budget. */
    modelBacked?: boolean;
    /** false: never shed under load (health probes must keep answering). */
    loadShedding?: boolean;
  }
  interface FastifyRequest {
    /** Who the request counts against (rate limits, in-flight cap): `key:<hash>` once a key is verified, else `ip:<address>`. */
    clientId: string;
  }
}

/**
 * The surface of a matched route: its declared `auth`, else derived from its route pattern (not
 * the request URL). Unclassified routes need a key: a new route is protected until someone
 * decides otherwise. `undefined` when no route matched (404s have nothing to protect).
 */
export function surfaceOf(config: { auth?: Surface | undefined } | undefined, routePattern: string | undefined): Surface | undefined {
  if (routePattern === undefined) return undefined;
  if (config?.auth) return config.auth;
  if (routePattern === "/v1" || routePattern.startsWith("/v1/")) return "v1";
  if (routePattern === "/admin" || routePattern.startsWith("/admin/")) return "admin";
  return "api";
}
