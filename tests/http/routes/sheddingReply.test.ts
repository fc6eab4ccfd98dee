import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { buildTutorApp } from "../../../src/app.js";
import { buildTestApp, type TestApp } from "../../support/buildTestApp.js";

/**
 * At startup (right after an ingest blocked the event loop) the load shedder answered /readyz
 * with 503 and then let the route run as well, which logged Fastify's "Reply was already sent"
 * warning. The shedder must answer alone.
 */

const apps: TestApp[] = [];
afterAll(async () => Promise.all(apps.map((a) => a.close())));

/** Keep the event loop busy, as a startup ingest does, past the shedder's 1 s limit. */
function blockEventLoop(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy
  }
}

describe("a request shed under event-loop pressure", () => {
  it("gets one 503, and nothing logs 'Reply was already sent'", async () => {
    // Load shedding is off in the other tests (a busy CI machine must not fail them); this one is about it.
    const test = await buildTestApp({ env: { LOAD_SHEDDING: "true" } });
    apps.push(test);
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString("utf8"));
        done();
      },
    });
    const app = await buildTutorApp(test.tutor, { logger: { level: "info", stream } });
    await app.ready();
    try {
      // The shedder's mean event-loop delay over its 1 s sample: blocks of 1.3 s with only a
      // turn of the loop between them make every delay sample about 1.3 s.
      let status = 0;
      for (let attempt = 0; attempt < 10 && status !== 503; attempt++) {
        blockEventLoop(1300);
        await new Promise((resolve) => setImmediate(resolve));
        // Any shed route showed it; /api/documents stays shed if health routes become exempt.
        const response = await app.inject({ url: attempt % 2 === 0 ? "/readyz" : "/api/documents" });
        status = response.statusCode;
        if (status === 503) {
          // The error handler's shape (and Retry-After), as for every other 503.
          expect(response.json().error.code).toBe("overloaded");
          expect(response.headers["retry-after"]).toBe("5");
        }
      }
      expect(status).toBe(503);
      await new Promise((resolve) => setImmediate(resolve));
      const log = lines.join("");
      expect(log).not.toContain("Reply was already sent");
      expect(log).not.toContain("FST_ERR_REP_ALREADY_SENT");
    } finally {
      await app.close();
    }
  }, 60_000);
});
