import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../support/buildTestApp.js";

/**
 * The two roadmap pages share their start (wording, live index, ?topic=); each way out of it
 * must still answer as before: 503 while no index is loaded, 400 for a topic that cannot be
 * one, 404 for an unknown roadmap, 200 otherwise.
 */
let t: TestApp;
let empty: TestApp;
beforeAll(async () => {
  [t, empty] = await Promise.all([buildTestApp(), buildTestApp({ withoutIndex: true })]);
});
afterAll(async () => {
  await Promise.all([t?.close(), empty?.close()]);
});

describe("roadmap pages", () => {
  it("answer 503 with Retry-After while no index is loaded, on both pages", async () => {
    for (const url of ["/roadmaps", "/roadmaps/anything"]) {
      const res = await empty.app.inject({ url });
      expect(res.statusCode).toBe(503);
      expect(res.headers["retry-after"]).toBe("5");
      expect(res.headers["content-type"]).toContain("text/html");
    }
  });

  it("answer 400 naming the problem for a topic longer than 200 characters, on both pages", async () => {
    const roadmapId = (await t.app.inject({ url: "/api/roadmaps" })).json<{ roadmaps: { id: string }[] }>().roadmaps[0]!.id;
    for (const url of ["/roadmaps", `/roadmaps/${roadmapId}`]) {
      const res = await t.app.inject({ url: `${url}?topic=${"a".repeat(201)}` });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain("topic is longer than 200 characters");
    }
  });

  it("answer 404 for an unknown roadmap and 200 with the topic for a known one", async () => {
    expect((await t.app.inject({ url: "/roadmaps/no-such-roadmap" })).statusCode).toBe(404);
    const list = await t.app.inject({ url: "/roadmaps?topic=LoRA" });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("LoRA");
  });
});
