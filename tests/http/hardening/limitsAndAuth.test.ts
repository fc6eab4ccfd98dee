import { afterEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/buildTestApp.js";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("rate limits", () => {
  it("answers 429 with Retry-After past the per-client budget, separately per API key", async () => {
    t = await buildTestApp({ env: { RATE_LIMIT_MAX: "3", RATE_LIMIT_WINDOW: "1m", API_KEYS: "key-one-aaaaaaaa,key-two-bbbbbbbb" } });
    const search = (key: string) =>
      t!.app.inject({ method: "POST", url: "/api/search", headers: { authorization: `Bearer ${key}` }, payload: { query: "RAG" } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await search("key-one-aaaaaaaa")).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await search("key-one-aaaaaaaa");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(limited.json().error.code).toBe("rate_limited");
    // Another key has its own budget.
    expect((await search("key-two-bbbbbbbb")).statusCode).toBe(200);
  });
});

describe("API keys", () => {
  it("protects /api/* when API_KEYS is set and never echoes keys", async () => {
    t = await buildTestApp({ env: { API_KEYS: "secret-key-123456" } });
    const none = await t.app.inject({ method: "POST", url: "/api/search", payload: { query: "RAG" } });
    expect(none.statusCode).toBe(401);
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/search",
      headers: { authorization: "Bearer secret-key-12345X" },
      payload: { query: "RAG" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain("secret-key");
    const ok = await t.app.inject({
      method: "POST",
      url: "/api/search",
      headers: { authorization: "Bearer secret-key-123456" },
      payload: { query: "RAG" },
    });
    expect(ok.statusCode).toBe(200);
    // Health stays open for orchestrators.
    expect((await t.app.inject({ url: "/healthz" })).statusCode).toBe(200);
  });

  it("admin routes exist only with ADMIN_KEY and require it", async () => {
    t = await buildTestApp();
    expect((await t.app.inject({ method: "POST", url: "/admin/reindex" })).statusCode).toBe(404);
    await t.close();
    t = await buildTestApp({ env: { ADMIN_KEY: "admin-key-0123456789" } });
    expect((await t.app.inject({ method: "POST", url: "/admin/reindex" })).statusCode).toBe(401);
    const started = await t.app.inject({
      method: "POST",
      url: "/admin/reindex",
      headers: { authorization: "Bearer admin-key-0123456789" },
    });
    expect(started.statusCode).toBe(202);
    await t.tutor.reindex.settled();
    const status = await t.app.inject({ url: "/admin/reindex", headers: { authorization: "Bearer admin-key-0123456789" } });
    expect(status.json().state).toBe("succeeded");
    expect(status.json().summary.documents).toBe(5);
  });
});

describe("security headers and CORS", () => {
  it("sets security headers and allows only the configured origins", async () => {
    t = await buildTestApp({ env: { ALLOWED_ORIGINS: "https://blog.example.com" } });
    const allowed = await t.app.inject({
      method: "OPTIONS",
      url: "/api/ask",
      headers: {
        origin: "https://blog.example.com",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(allowed.headers["access-control-allow-origin"]).toBe("https://blog.example.com");
    const other = await t.app.inject({
      method: "OPTIONS",
      url: "/api/ask",
      headers: { origin: "https://evil.example.net", "access-control-request-method": "POST" },
    });
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    const res = await t.app.inject({ url: "/healthz" });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-request-id"]).toBeTruthy();
  });
});
