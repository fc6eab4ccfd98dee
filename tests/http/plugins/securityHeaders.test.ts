import Fastify, { type FastifyInstance } from "fastify";
import helmet from "helmet";
import { afterAll, describe, expect, it } from "vitest";
import { recordedHeaders, securityHeadersPlugin } from "../../../src/http/plugins/securityHeaders.js";

const apps: FastifyInstance[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
});

async function appWith(register: (app: FastifyInstance) => PromiseLike<unknown> | void): Promise<FastifyInstance> {
  const app = Fastify();
  await register(app);
  app.get("/json", async () => ({ ok: true }));
  app.get("/page", async (_request, reply) => reply.header("content-security-policy", "default-src 'none'").send("page"));
  app.get("/fails", async () => {
    throw new Error("boom");
  });
  await app.ready();
  apps.push(app);
  return app;
}

// The middleware the plugin records, applied on every request to the raw response (the plugin's former way).
const HELMET_OPTIONS = {
  crossOriginResourcePolicy: { policy: "cross-origin" },
  contentSecurityPolicy: {
    directives: { "script-src": ["'self'"], "connect-src": ["'self'"], "img-src": ["'self'", "data:"], "upgrade-insecure-requests": null },
  },
} as const;

describe("securityHeadersPlugin", () => {
  it("sets the headers helmet sets on the raw response, on success, on errors and under a route's own policy", async () => {
    const recorded = await appWith((app) => app.register(securityHeadersPlugin));
    const applied = await appWith((app) => {
      const middleware = helmet(HELMET_OPTIONS);
      app.addHook("onRequest", (request, reply, done) => middleware(request.raw, reply.raw, () => done()));
    });
    for (const url of ["/json", "/page", "/fails", "/missing"]) {
      const ours = await recorded.inject({ url });
      const theirs = await applied.inject({ url });
      expect(ours.statusCode).toBe(theirs.statusCode);
      const { date: _ours, ...oursHeaders } = ours.headers;
      const { date: _theirs, ...theirsHeaders } = theirs.headers;
      expect(oursHeaders).toEqual(theirsHeaders);
      expect(ours.headers["x-content-type-options"]).toBe("nosniff");
    }
    expect((await recorded.inject({ url: "/page" })).headers["content-security-policy"]).toBe("default-src 'none'");
  });

  it("leaves the raw response without headers of its own, so Node writes Fastify's as they are", async () => {
    let rawHeaders: string[] | undefined;
    const app = await appWith(async (app) => {
      await app.register(securityHeadersPlugin);
      app.addHook("onSend", (_request, reply, payload, done) => {
        rawHeaders = reply.raw.getHeaderNames();
        done(null, payload);
      });
    });
    expect((await app.inject({ url: "/json" })).headers["referrer-policy"]).toBe("no-referrer");
    expect(rawHeaders).toEqual([]);
  });
});

describe("recordedHeaders", () => {
  it("records what a middleware sets and removes, in order, names lowercased", () => {
    const recorded = recordedHeaders((_request, response, next) => {
      response.setHeader("X-One", "1");
      response.removeHeader("X-Powered-By");
      response.setHeader("X-Two", "2");
      next();
    });
    expect(recorded).toEqual({
      set: [
        ["x-one", "1"],
        ["x-two", "2"],
      ],
      removed: ["x-powered-by"],
    });
  });

  it("refuses a middleware that fails, finishes later or sets a header that is not one string", () => {
    expect(() => recordedHeaders((_request, _response, next) => next(new Error("no")))).toThrow("no");
    expect(() => recordedHeaders((_request, _response, next) => void setTimeout(() => next(), 0))).toThrow(/synchronously/);
    expect(() =>
      recordedHeaders((_request, response, next) => {
        response.setHeader("x-list", ["a", "b"]);
        next();
      }),
    ).toThrow(/not a string/);
  });
});
