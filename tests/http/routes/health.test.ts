import { afterAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/buildTestApp.js";

const apps: TestApp[] = [];
afterAll(async () => Promise.all(apps.map((a) => a.close())));

describe("health and readiness", () => {
  it("is live and ready with an index", async () => {
    const t = await buildTestApp();
    apps.push(t);
    expect((await t.app.inject({ url: "/healthz" })).statusCode).toBe(200);
    const ready = await t.app.inject({ url: "/readyz" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().index.counts.documents).toBe(5);
    expect(ready.json().mode).toBe("extractive");
  });

  it("is live but not ready without an index, and queries get 503 with how to build it", async () => {
    const t = await buildTestApp({ withoutIndex: true });
    apps.push(t);
    expect((await t.app.inject({ url: "/healthz" })).statusCode).toBe(200);
    const ready = await t.app.inject({ url: "/readyz" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().hint).toContain("npm run ingest");
    const ask = await t.app.inject({ method: "POST", url: "/api/ask", payload: { question: "RAG 是什么" } });
    expect(ask.statusCode).toBe(503);
    expect(ask.json().error.message).toMatch(/index/i);
    const docs = await t.app.inject({ url: "/api/documents" });
    expect(docs.statusCode).toBe(503);
  });

  it("serves the OpenAPI description", async () => {
    const t = apps[0]!;
    const res = await t.app.inject({ url: "/docs/json" });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(["/api/ask", "/api/search", "/api/roadmaps/next"]));
  });
});
