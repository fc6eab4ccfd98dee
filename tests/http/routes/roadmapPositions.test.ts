import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLlmTestApp, buildTestApp, parseSse, type TestApp } from "../../support/buildTestApp.js";

/** Sequence answers carry where the topic sits in each roadmap; GET /api/roadmaps/:id describes a roadmap as a path. */

let t: TestApp;
let id001: string;
beforeAll(async () => {
  t = await buildTestApp();
  id001 = t.tutor.index.current().documents.find((d) => d.source.startsWith("roadmaps/001"))!.id;
});
afterAll(async () => t?.close());

interface Placement {
  roadmapId: string;
  stage: { step: number; heading: string; lines: { start: number; end: number } };
  next?: { step: number; heading: string };
  previous?: { step: number; heading: string };
  steps: string[];
  page: string;
}

function in001(body: { roadmap?: { positions: Placement[] } }): Placement | undefined {
  return body.roadmap?.positions.find((p) => p.roadmapId === id001);
}

describe("roadmap positions in /api/ask", () => {
  it("a what-next answer says where the topic sits: stage, next and previous with their steps, and the page that draws it", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/ask", payload: { question: "学完 LoRA 之后该学什么?" } });
    const body = res.json();
    expect(body.roadmap).toMatchObject({ direction: "next", topic: "LoRA" });
    const placement = in001(body)!;
    expect(placement.stage).toMatchObject({ step: 6, heading: "第六阶段：模型微调与私有化部署" });
    expect(placement.next).toMatchObject({ step: 7, heading: "第七阶段：前沿技术探索" });
    expect(placement.previous).toMatchObject({ step: 5, heading: "第五阶段：高级应用开发" });
    expect(placement.steps).toHaveLength(7);
    expect(placement.steps[5]).toBe(placement.stage.heading);
    expect(placement.page).toBe(`/roadmaps/${id001}?topic=LoRA`);
  });

  it("a what-before answer carries them too, in the streamed done event as well", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/ask", payload: { question: "学 LoRA 之前要先学什么?", stream: true } });
    const done = parseSse(res.body).find((e) => e.event === "done");
    const body = JSON.parse(done!.data);
    expect(body.roadmap.direction).toBe("previous");
    expect(in001(body)?.previous).toMatchObject({ step: 5 });
  });

  it("a question that is not about sequence has no roadmap field", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/ask", payload: { question: "LoRA 是什么?" } });
    expect(res.json()).not.toHaveProperty("roadmap");
  });

  it("LLM answers carry the same positions", async () => {
    const llm = await buildLlmTestApp({ chat: () => ({ kind: "text", content: "之后学习前沿技术 [1]。" }) });
    try {
      const res = await llm.app.inject({ method: "POST", url: "/api/ask", payload: { question: "学完 LoRA 之后该学什么?" } });
      expect(res.json().mode).toBe("llm");
      expect(in001(res.json())?.next).toMatchObject({ step: 7 });
    } finally {
      await llm.close();
    }
  });
});

describe("GET /api/roadmaps/:id", () => {
  it("describes 001 as one merged path of seven stages with the topic's marks", async () => {
    const res = await t.app.inject({ url: `/api/roadmaps/${id001}?topic=LoRA` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.arrangement).toBe("merged");
    expect(body.paths[0].outlines).toEqual(["学习路径", "学习笔记"]);
    expect(body.paths[0].stages).toHaveLength(7);
    expect(body.marks).toEqual({ topic: "LoRA", path: 0, current: 6, next: 7, previous: 5 });
  });

  it("answers 404 for an unknown roadmap and 400 for an oversized topic", async () => {
    expect((await t.app.inject({ url: "/api/roadmaps/nope" })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/roadmaps/${id001}?topic=${"x".repeat(201)}` })).statusCode).toBe(400);
  });
});

describe("roadmap pages over HTTP", () => {
  it("answer 404 for an unknown roadmap and 400 for an oversized topic, as HTML", async () => {
    const missing = await t.app.inject({ url: "/roadmaps/nope" });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toContain("text/html");
    expect((await t.app.inject({ url: `/roadmaps/${id001}?topic=${"x".repeat(201)}` })).statusCode).toBe(400);
  });

  it("escape document text and topics", async () => {
    const res = await t.app.inject({ url: `/roadmaps/${id001}?topic=${encodeURIComponent("<img src=x onerror=alert(1)>")}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain("<img src=x");
    expect(res.body).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});
