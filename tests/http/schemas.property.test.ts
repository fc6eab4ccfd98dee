import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { askBodySchema } from "../../src/http/routes/ask.js";
import { buildTestApp, type TestApp } from "../support/buildTestApp.js";

const config = parseConfig({});
const schema = askBodySchema(config);
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

describe("ask request schema (property-based)", () => {
  it("accepts or rejects any Unicode question without throwing, and what it accepts is clean and bounded", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 1500 }), (question) => {
        const result = schema.safeParse({ question });
        if (result.success) {
          expect(result.data.question.length).toBeGreaterThan(0);
          expect(result.data.question.length).toBeLessThanOrEqual(config.MAX_QUESTION_CHARS);
          expect(CONTROL.test(result.data.question)).toBe(false);
        } else {
          expect(result.error.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("rejects any k outside 1..20 and accepts any inside", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (k) => {
        const ok = schema.safeParse({ question: "RAG", k }).success;
        expect(ok).toBe(k >= 1 && k <= 20);
      }),
    );
  });
});

describe("POST /api/ask with arbitrary JSON bodies", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t?.close());

  it("never answers 5xx: either a 200 answer or a 400 naming what was wrong", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ question: fc.string({ unit: "grapheme", maxLength: 200 }) }),
          fc.record({ question: fc.string(), k: fc.anything(), history: fc.anything() }, { requiredKeys: ["question"] }),
          fc.jsonValue(),
        ),
        async (body) => {
          const res = await t.app.inject({
            method: "POST",
            url: "/api/ask",
            payload: JSON.stringify(body),
            headers: { "content-type": "application/json" },
          });
          expect([200, 400]).toContain(res.statusCode);
          if (res.statusCode === 400) expect(res.json().error.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
