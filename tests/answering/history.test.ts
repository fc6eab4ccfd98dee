/**
 * One meaning of "turn" (issue 15 item 5): an exchange, a user message and its answer. The API
 * accepts as many history messages as the answerers read, and the limits come from one place.
 */
import { describe, expect, it } from "vitest";
import { historyMessageLimit, recentHistory } from "../../src/answering/history.js";
import type { Turn } from "../../src/answering/types.js";
import { DEFAULT_ABSTAIN_THRESHOLD, DEFAULT_MAX_HISTORY_TURNS, MAX_RETRIEVAL_K, parseConfig } from "../../src/config.js";
import { historySchema, kField } from "../../src/http/schemas.js";

function exchanges(n: number): Turn[] {
  return Array.from({ length: n }, (_, i) => [
    { role: "user" as const, content: `question ${i + 1}` },
    { role: "assistant" as const, content: `answer ${i + 1}` },
  ]).flat();
}

describe("history turns", () => {
  it("keeps the last maxTurns exchanges, both messages of each", () => {
    const kept = recentHistory(exchanges(5), 3);
    expect(kept).toHaveLength(6);
    expect(kept[0]).toEqual({ role: "user", content: "question 3" });
    expect(kept.at(-1)).toEqual({ role: "assistant", content: "answer 5" });
    expect(recentHistory(exchanges(5), 0)).toEqual([]);
  });

  it("reads by default as many turns as the config's default", () => {
    expect(recentHistory(exchanges(DEFAULT_MAX_HISTORY_TURNS + 2))).toHaveLength(historyMessageLimit(DEFAULT_MAX_HISTORY_TURNS));
    expect(parseConfig({}).MAX_HISTORY_TURNS).toBe(DEFAULT_MAX_HISTORY_TURNS);
  });

  it("accepts over HTTP exactly the history the answerers read", () => {
    const config = parseConfig({ MAX_HISTORY_TURNS: "4" });
    const schema = historySchema(config);
    const full = exchanges(4);
    expect(schema.safeParse(full).success).toBe(true);
    expect(recentHistory(full, config.MAX_HISTORY_TURNS)).toEqual(full);
    const tooLong = schema.safeParse([...full, { role: "user", content: "one more" }]);
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.message).toMatch(/more than 8 messages \(4 turns\)/);
  });
});

describe("one source for k and the refusal threshold", () => {
  it("caps RETRIEVAL_K where the API caps k", () => {
    expect(kField.safeParse(MAX_RETRIEVAL_K).success).toBe(true);
    expect(kField.safeParse(MAX_RETRIEVAL_K + 1).success).toBe(false);
    expect(parseConfig({ RETRIEVAL_K: String(MAX_RETRIEVAL_K) }).RETRIEVAL_K).toBe(MAX_RETRIEVAL_K);
    expect(() => parseConfig({ RETRIEVAL_K: String(MAX_RETRIEVAL_K + 1) })).toThrow(/RETRIEVAL_K/);
  });

  it("defaults ABSTAIN_THRESHOLD to the calibrated constant", () => {
    expect(parseConfig({}).ABSTAIN_THRESHOLD).toBe(DEFAULT_ABSTAIN_THRESHOLD);
  });
});
