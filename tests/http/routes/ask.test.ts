import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, parseSse, type TestApp } from "../../support/buildTestApp.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

describe("POST /api/ask (offline, extractive)", () => {
  it("answers a sequence question with citations into the retrieved passages", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/ask", payload: { question: "学完 LoRA 之后该学什么?" } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.mode).toBe("extractive");
    expect(body.abstained).toBe(false);
    expect(body.citations.length).toBeGreaterThan(0);
    // Every [n] in the answer points at a returned citation.
    const markers = [...(body.answer as string).matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(markers.length).toBeGreaterThan(0);
    const ns = new Set(body.citations.map((c: { n: number }) => c.n));
    for (const n of markers) expect(ns.has(n)).toBe(true);
    expect(body.answer).toContain("第七阶段");
    for (const c of body.citations) {
      expect(c.lines.start).toBeGreaterThan(0);
      expect(c.lines.end).toBeGreaterThanOrEqual(c.lines.start);
      expect(typeof c.source).toBe("string");
    }
    // The answerer's internals stay inside (src/http/contract/answers.ts is the public shape).
    for (const internal of ["timings", "standaloneQuestion", "removedCitations"]) expect(body).not.toHaveProperty(internal);
  });

  it("abstains on a question the materials do not cover, with no citations", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/ask", payload: { question: "How do I bake sourdough bread at home?" } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.abstained).toBe(true);
    expect(body.citations).toEqual([]);
    expect(body.language).toBe("en");
  });

  it("streams citations, then tokens, then done over SSE", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/ask",
      payload: { question: "which book should I read for deep learning?", stream: true },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/event-stream");
    const events = parseSse(res.body);
    expect(events[0]?.event).toBe("citations");
    expect(events.at(-1)?.event).toBe("done");
    const tokens = events.filter((e) => e.event === "token");
    expect(tokens.length).toBeGreaterThan(0);
    const done = JSON.parse(events.at(-1)!.data);
    expect(tokens.map((e) => JSON.parse(e.data).text).join("")).toBe(done.answer);
  });

  it("also streams when the client only sends Accept: text/event-stream", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/ask",
      headers: { accept: "text/event-stream" },
      payload: { question: "RAG 是什么" },
    });
    expect(res.headers["content-type"]).toContain("text/event-stream");
    expect(parseSse(res.body).map((e) => e.event)).toContain("done");
  });
});

describe("POST /api/ask rejects bad input with 4xx naming the field", () => {
  const cases: [string, unknown, string][] = [
    ["empty question", { question: "   " }, "question"],
    ["question over the limit", { question: "长".repeat(1001) }, "question"],
    ["k out of range", { question: "RAG", k: 0 }, "k"],
    ["k too large", { question: "RAG", k: 500 }, "k"],
    ["wrong type", { question: 42 }, "question"],
    ["bad history role", { question: "RAG", history: [{ role: "system", content: "x" }] }, "history"],
    ["unknown filter", { question: "RAG", filters: { colour: ["red"] } }, "filters"],
  ];
  for (const [name, payload, field] of cases) {
    it(name, async () => {
      const res = await t.app.inject({ method: "POST", url: "/api/ask", payload: payload as object });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error.status).toBe(400);
      expect(body.error.details.map((d: { path: string }) => d.path).join(" ")).toContain(field);
    });
  }

  it("malformed JSON", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/ask",
      headers: { "content-type": "application/json" },
      payload: '{"question": "RAG"',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("malformed_json");
  });

  it("body too large gets 413", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/ask",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ question: "x".repeat(t.config.BODY_LIMIT_BYTES + 10) }),
    });
    expect(res.statusCode).toBe(413);
  });

  it("strips control characters from the question", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/ask", payload: { question: "\u0000\u001b[31mRAG\u0007 是什么" } });
    expect(res.statusCode).toBe(200);
    // The answer is the one for the clean question: the answerer never saw the control characters.
    const clean = await t.app.inject({ method: "POST", url: "/api/ask", payload: { question: "[31mRAG 是什么" } });
    expect(res.json()).toEqual(clean.json());
  });
});
