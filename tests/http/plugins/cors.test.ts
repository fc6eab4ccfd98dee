import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { ALLOWED_REQUEST_HEADERS, corsPlugin } from "../../../src/http/plugins/cors.js";

// The plugin alone on a Fastify app: what every response carries, with and without ALLOWED_ORIGINS.
const APP = "https://chat.example.com";
const apps: FastifyInstance[] = [];
async function appWith(allowedOrigins: string[]): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(corsPlugin, { allowedOrigins, maxAgeSeconds: 600 });
  app.get("/healthz", async () => ({ ok: true }));
  await app.ready();
  apps.push(app);
  return app;
}
afterAll(async () => {
  for (const app of apps) await app.close();
});

describe("corsPlugin", () => {
  it("varies every response by Origin, CORS on or off, and names the origin only when it is allowed", async () => {
    const off = await appWith([]);
    const on = await appWith([APP]);
    for (const app of [off, on]) {
      const res = await app.inject({ url: "/healthz", headers: { origin: APP } });
      expect(res.headers.vary).toBe("Origin");
    }
    expect((await off.inject({ url: "/healthz", headers: { origin: APP } })).headers["access-control-allow-origin"]).toBeUndefined();
    expect((await on.inject({ url: "/healthz", headers: { origin: APP } })).headers["access-control-allow-origin"]).toBe(APP);
    const other = await on.inject({ url: "/healthz", headers: { origin: "https://other.example.net" } });
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    // With CORS off there is no preflight: OPTIONS is not found.
    const preflightOff = await off.inject({
      method: "OPTIONS",
      url: "/healthz",
      headers: { origin: APP, "access-control-request-method": "GET" },
    });
    expect(preflightOff.statusCode).toBe(404);
  });

  it("allows a preflight the fixed headers plus the x-stainless-* ones it names, and no other request gets them", async () => {
    const app = await appWith([APP]);
    const preflight = (requested?: string) =>
      app.inject({
        method: "OPTIONS",
        url: "/healthz",
        headers: {
          origin: APP,
          "access-control-request-method": "GET",
          ...(requested !== undefined ? { "access-control-request-headers": requested } : {}),
        },
      });
    const fixed = ALLOWED_REQUEST_HEADERS.join(", ");
    const named = await preflight("X-Stainless-OS, x-evil,x-stainless-arch,x-stainless-os");
    expect(named.statusCode).toBe(204);
    expect(named.headers["access-control-allow-headers"]).toBe(`${fixed}, x-stainless-os, x-stainless-arch`);
    expect((await preflight()).headers["access-control-allow-headers"]).toBe(fixed);
    expect((await preflight("x-evil")).headers["access-control-allow-headers"]).toBe(fixed);
    // Not a preflight (no origin): refused by @fastify/cors, and no allowed headers written into it.
    const bare = await app.inject({ method: "OPTIONS", url: "/healthz", headers: { "access-control-request-headers": "x-stainless-os" } });
    expect(bare.statusCode).toBe(400);
    expect(bare.headers["access-control-allow-headers"]).toBeUndefined();
  });
});
