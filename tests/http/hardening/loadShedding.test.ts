import { afterEach, describe, expect, it, vi } from "vitest";
import { buildTestApp, type TestApp } from "../../support/buildTestApp.js";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("load shedding (issue 15 item 3)", () => {
  // A memory threshold of 1 byte puts the server "under pressure" from its first sample on,
  // deterministically: no need to actually load the machine.
  const overloaded = { LOAD_SHEDDING: "true", LOAD_SHED_MAX_RSS_BYTES: "1", LOAD_SHED_RETRY_AFTER_S: "7" };

  it("sheds with a typed 503 in each surface's error shape, and never sheds health probes", async () => {
    t = await buildTestApp({ env: overloaded });
    const search = () => t!.app.inject({ method: "POST", url: "/api/search", payload: { query: "RAG" } });
    await vi.waitFor(async () => expect((await search()).statusCode).toBe(503), { timeout: 15_000, interval: 100 });

    const shed = await search();
    expect(shed.json()).toEqual({ error: { status: 503, code: "overloaded", message: expect.stringContaining("retry") } });
    expect(shed.headers["retry-after"]).toBe("7");
    expect(shed.headers["x-request-id"]).toBeTruthy();

    const v1 = await t.app.inject({ url: "/v1/models" });
    expect(v1.statusCode).toBe(503);
    expect(v1.json().error).toMatchObject({ type: "api_error", code: "overloaded" });

    expect((await t.app.inject({ url: "/healthz" })).statusCode).toBe(200);
    expect((await t.app.inject({ url: "/readyz" })).statusCode).toBe(200);
  });

  it("LOAD_SHEDDING=false turns it off", async () => {
    t = await buildTestApp({ env: { ...overloaded, LOAD_SHEDDING: "false" } });
    // Wait past several samples (the sampler runs every second); nothing is shed.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const res = await t.app.inject({ method: "POST", url: "/api/search", payload: { query: "RAG" } });
    expect(res.statusCode).toBe(200);
  });
});
