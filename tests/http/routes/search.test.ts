import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/buildTestApp.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

describe("POST /api/search", () => {
  it("ranks passages best first with source, lines and links", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/search", payload: { query: "LLMSurvey", k: 5 } });
    expect(res.statusCode).toBe(200);
    const { results } = res.json();
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < results.length; i++) expect(results[i - 1].score).toBeGreaterThanOrEqual(results[i].score);
    expect(results[0].source).toBe("roadmaps/004_b9f4f21cc5f3d063.txt");
    expect(results[0].links.some((l: { url: string }) => l.url.includes("RUCAIBox/LLMSurvey"))).toBe(true);
  });

  it("filters by document", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/search",
      payload: { query: "微调", k: 10, filters: { documents: ["roadmaps/003_8d5a7f427f497e9f.txt"] } },
    });
    const { results } = res.json();
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.source).toBe("roadmaps/003_8d5a7f427f497e9f.txt");
  });

  it("never returns the promotional tail that cleaning removed", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/search", payload: { query: "余额充值 红包", k: 10 } });
    for (const r of res.json().results) {
      expect(r.text).not.toContain("余额充值");
      expect(r.text).not.toContain("红包");
    }
  });

  it("rejects a missing query", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/search", payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("query");
  });
});
