import { eng, zho } from "stopword";
import { describe, expect, it } from "vitest";
import table from "../../src/text/stopwords.json" with { type: "json" };
import { STOPWORDS } from "../../src/text/stopwords.js";

describe("stopwords.json", () => {
  it("is the installed stopword package's English and Chinese lists (else: npx tsx scripts/build-stopwords.ts)", () => {
    expect(table).toEqual({ eng, zho });
  });

  it("holds both lists' words, and nothing else", () => {
    expect(STOPWORDS).toEqual(new Set([...eng, ...zho]));
    expect(STOPWORDS.has("the")).toBe(true);
    expect(STOPWORDS.has("的")).toBe(true);
    expect(STOPWORDS.has("lora")).toBe(false);
  });
});
