import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/buildTestApp.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

describe("documents, roadmaps and resources", () => {
  it("lists the five bundled documents", async () => {
    const res = await t.app.inject({ url: "/api/documents" });
    expect(res.statusCode).toBe(200);
    const sources = res
      .json()
      .documents.map((d: { source: string }) => d.source)
      .sort();
    expect(sources).toEqual([
      "roadmaps/000_33fd4ca31d6b3655.txt",
      "roadmaps/001_8e5e9a45eaf284ba.txt",
      "roadmaps/002_d16070f75922ad7f.txt",
      "roadmaps/003_8d5a7f427f497e9f.txt",
      "roadmaps/004_b9f4f21cc5f3d063.txt",
    ]);
  });

  it("returns one document with cleaned text, outline and resources", async () => {
    const list = (await t.app.inject({ url: "/api/documents" })).json().documents;
    const doc = list.find((d: { source: string }) => d.source.endsWith("004_b9f4f21cc5f3d063.txt"));
    const res = await t.app.inject({ url: `/api/documents/${doc.id}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.outline.length).toBeGreaterThan(5);
    expect(body.resources.some((r: { url: string }) => r.url === "https://github.com/RUCAIBox/LLMSurvey")).toBe(true);
    expect(body.text.split("\n").length).toBe(body.lineCount);
  });

  it("404s an unknown document with a helpful message", async () => {
    const res = await t.app.inject({ url: "/api/documents/does-not-exist" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain("does-not-exist");
  });

  it("returns the roadmap outlines", async () => {
    const res = await t.app.inject({ url: "/api/roadmaps" });
    expect(res.statusCode).toBe(200);
    const roadmap = res.json().roadmaps.find((r: { source: string }) => r.source.endsWith("003_8d5a7f427f497e9f.txt"));
    const top = roadmap.outline.filter((s: { level: number }) => s.level === 1).map((s: { heading: string }) => s.heading);
    const stages = ["入门阶段", "基础夯实阶段", "应用实践阶段", "专业深入阶段", "前沿研究阶段"];
    expect(top.filter((h: string) => stages.includes(h))).toEqual(stages);
  });

  it("says what comes after LoRA in each roadmap", async () => {
    const res = await t.app.inject({ url: "/api/roadmaps/next?topic=LoRA" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const in001 = body.positions.find((p: { source: string }) => p.source.endsWith("001_8e5e9a45eaf284ba.txt"));
    expect(in001.at.heading).toContain("第六阶段");
    expect(in001.next.heading).toContain("第七阶段");
    expect(in001.next.heading).toContain("前沿技术探索");
  });

  it("requires a topic", async () => {
    const res = await t.app.inject({ url: "/api/roadmaps/next" });
    expect(res.statusCode).toBe(400);
  });

  it("searches the resources catalogue, URL words included", async () => {
    const res = await t.app.inject({ url: "/api/resources?q=LLMSurvey" });
    expect(res.statusCode).toBe(200);
    expect(res.json().resources[0].url).toBe("https://github.com/RUCAIBox/LLMSurvey");
    const all = await t.app.inject({ url: "/api/resources?limit=500" });
    expect(all.json().resources.length).toBeGreaterThan(30);
  });
});
