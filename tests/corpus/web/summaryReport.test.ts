import { describe, expect, it } from "vitest";
import { formatLinkFetchSummary, parseLinksMaxAge } from "../../../src/corpus/web/index.js";
import { BadInput } from "../../../src/errors.js";

describe("parseLinksMaxAge", () => {
  it("reads durations with units", () => {
    expect(parseLinksMaxAge("7d")).toBe(7 * 86_400_000);
    expect(parseLinksMaxAge("12h")).toBe(12 * 3_600_000);
    expect(parseLinksMaxAge("30m")).toBe(1_800_000);
    expect(parseLinksMaxAge("1500")).toBe(1500);
    expect(parseLinksMaxAge("0")).toBe(0);
    expect(() => parseLinksMaxAge("a week")).toThrow(BadInput);
  });
});

describe("formatLinkFetchSummary", () => {
  it("prints counts then each skipped or failed link with the places linking to it", () => {
    const lines = formatLinkFetchSummary({
      total: 3, fetched: 1, unchanged: 0, cached: 0, notModified: 0, skipped: 1, failed: 1,
      outcomes: [
        { url: "https://ok.example/", kind: "fetched", written: true, linkedFrom: [] },
        { url: "https://www.bilibili.com/video/BV1", kind: "skipped", reason: "video site: no readable text", written: false, linkedFrom: [{ doc: "roadmaps/a.txt", headingPath: [], line: 4 }] },
        { url: "https://gone.example/x", kind: "failed", status: 404, reason: "https://gone.example/x answered HTTP 404", note: "notes/web/gone.md", written: false, linkedFrom: [{ doc: "roadmaps/b.txt", headingPath: ["书"], line: 9 }, { doc: "roadmaps/c.txt", headingPath: [], line: 1 }] },
      ],
    });
    expect(lines).toEqual([
      "linked pages: 3 — fetched 1, unchanged 0, cached 0, not modified 0, skipped 1, failed 1",
      "  skipped https://www.bilibili.com/video/BV1 — video site: no readable text [linked from roadmaps/a.txt:4]",
      "  failed https://gone.example/x — https://gone.example/x answered HTTP 404 (previous note kept) [linked from roadmaps/b.txt:9, roadmaps/c.txt:1]",
    ]);
  });
});
