import { describe, expect, it } from "vitest";
// Every module a server loads, so every gated pattern is registered (as the script does).
import "../../src/tutor.js";
import { gatedPatterns, questionGateTable } from "../../src/text/questionGate.js";
import table from "../../src/text/questionGateStarts.json" with { type: "json" };

/**
 * The question's shared gate reads its patterns' starts from a table written ahead of time
 * (scripts/build-question-gate-starts.ts); the table must be what reading the patterns gives.
 */
describe("questionGateStarts.json", () => {
  it("is what reading the registered patterns gives now (else: npx tsx scripts/build-question-gate-starts.ts)", () => {
    expect(gatedPatterns().length).toBeGreaterThan(0);
    expect(table).toEqual(questionGateTable());
  });
});
