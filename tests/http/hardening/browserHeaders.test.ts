import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/buildTestApp.js";

// Chromium-level checks of the same behaviour live in tests/browser/httpEdge.test.ts.
const APP = "https://chat.example.com";
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { ALLOWED_ORIGINS: APP } });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("CORS for real OpenAI clients (issue 18 item 4)", () => {
  it("a preflight asking for the openai SDK's headers is allowed", async () => {
    // What the openai SDK 7 in Chromium asks for (recorded from a real preflight).
    const asked =
      "authorization,content-type,openai-organization,openai-project,x-stainless-arch,x-stainless-lang,x-stainless-os,x-stainless-package-version,x-stainless-retry-count,x-stainless-runtime,x-stainless-runtime-version,x-stainless-timeout";
    const res = await t.app.inject({
      method: "OPTIONS",
      url: "/v1/chat/completions",
      headers: { origin: APP, "access-control-request-method": "POST", "access-control-request-headers": asked },
    });
    expect(res.headers["access-control-allow-origin"]).toBe(APP);
    const allowed = String(res.headers["access-control-allow-headers"])
      .split(",")
      .map((h) => h.trim());
    for (const header of asked.split(",")) expect(allowed).toContain(header);
  });

  it("does not allow arbitrary headers, nor other origins", async () => {
    const res = await t.app.inject({
      method: "OPTIONS",
      url: "/v1/chat/completions",
      headers: { origin: APP, "access-control-request-method": "POST", "access-control-request-headers": "x-evil,cookie" },
    });
    expect(String(res.headers["access-control-allow-headers"])).not.toMatch(/x-evil|cookie/);
    const other = await t.app.inject({
      method: "OPTIONS",
      url: "/v1/chat/completions",
      headers: {
        origin: "https://other.example.net",
        "access-control-request-method": "POST",
        "access-control-request-headers": "x-stainless-os",
      },
    });
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("a request naming no headers gets the same headers before and after a preflight that named some", async () => {
    // Requests without access-control-request-headers share one options object (cors.ts): a
    // preflight's own headers must never leak into it.
    const plain = () =>
      t.app.inject({ method: "OPTIONS", url: "/api/search", headers: { origin: APP, "access-control-request-method": "POST" } });
    const before = await plain();
    await t.app.inject({
      method: "OPTIONS",
      url: "/api/search",
      headers: { origin: APP, "access-control-request-method": "POST", "access-control-request-headers": "x-stainless-os" },
    });
    const after = await plain();
    expect(String(before.headers["access-control-allow-headers"])).toBe(
      "content-type, authorization, accept, x-request-id, openai-organization, openai-project, openai-beta, idempotency-key",
    );
    expect(after.headers["access-control-allow-headers"]).toBe(before.headers["access-control-allow-headers"]);
    const get = await t.app.inject({ method: "GET", url: "/healthz", headers: { origin: APP } });
    expect(get.headers["access-control-allow-origin"]).toBe(APP);
    expect(String(get.headers.vary)).toMatch(/origin/i);
  });
});

describe("/docs CSP (issue 18 item 1)", () => {
  it("the docs page has its own CSP without upgrade-insecure-requests, and the API keeps helmet's", async () => {
    const docs = await t.app.inject({ url: "/docs" });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toContain("text/html");
    const csp = String(docs.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    const api = await t.app.inject({ url: "/healthz" });
    expect(String(api.headers["content-security-policy"])).toContain("default-src 'self'");
  });
});
