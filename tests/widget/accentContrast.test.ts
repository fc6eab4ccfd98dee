import { describe, expect, it } from "vitest";
import { contrastRatio, DARK_TEXT, LIGHT_TEXT, parseRgb, textColourOn } from "../../src/widget/accentContrast.js";

describe("text colour on a host's accent", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio(parseRgb("#2563eb")!, parseRgb("#fff")!)).toBeCloseTo(5.17, 2);
  });

  it("parses the forms a canvas and getComputedStyle return", () => {
    expect(parseRgb("#e11d48")).toEqual([225, 29, 72]);
    expect(parseRgb("#fb2")).toEqual([255, 187, 34]);
    expect(parseRgb("rgba(10, 20, 30, 0.5)")).toEqual([10, 20, 30]);
    expect(parseRgb("crimson")).toBeUndefined();
  });

  it("picks white on dark or saturated accents and dark text on light ones, each at least 4.5:1 here", () => {
    for (const [accent, expected] of [
      ["#e11d48", LIGHT_TEXT],
      ["#2563eb", LIGHT_TEXT],
      ["#fbbf24", DARK_TEXT],
      ["#60a5fa", DARK_TEXT],
    ] as const) {
      const rgb = parseRgb(accent)!;
      expect(textColourOn(rgb), accent).toBe(expected);
      expect(contrastRatio(rgb, parseRgb(expected)!), accent).toBeGreaterThanOrEqual(4.5);
    }
  });
});
