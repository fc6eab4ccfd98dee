import autocannon from "autocannon";
import { afterEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/buildTestApp.js";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

// Bounded load against 127.0.0.1 only: a few seconds, a few connections.
describe("under load", () => {
  it("serves /api/search with zero 5xx and zero dropped connections", async () => {
    t = await buildTestApp();
    const url = await t.app.listen({ host: "127.0.0.1", port: 0 });
    const result = await run({
      url: `${url}/api/search`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "学完 LoRA 之后该学什么" }),
      connections: 8,
      // A fixed amount, not a duration: the test asserts correctness under concurrency, never speed.
      amount: 300,
      timeout: 30,
    });
    expect(result.requests.total).toBe(300);
    expect(result["5xx"]).toBe(0);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result["2xx"]).toBe(result.requests.total);
  });

  it("answers 429, not errors, past the rate limit", async () => {
    t = await buildTestApp({ env: { RATE_LIMIT_MAX: "20", RATE_LIMIT_WINDOW: "1m" } });
    const url = await t.app.listen({ host: "127.0.0.1", port: 0 });
    const result = await run({
      url: `${url}/api/search`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "RAG" }),
      connections: 4,
      amount: 100,
    });
    expect(result["2xx"]).toBe(20);
    expect(result.non2xx).toBe(80);
    expect(result["5xx"]).toBe(0);
    expect(result.errors).toBe(0);
  });
});
