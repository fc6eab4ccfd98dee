import { describe, expect, it } from "vitest";
import { confidenceSignals } from "../../src/retrieval/confidence.js";
import { addressAsked, addressPresent } from "../../src/retrieval/resourceAddress.js";
import type { RetrievalResult } from "../../src/retrieval/types.js";

/** Questions and texts written for this test (not from any evaluation set). */
describe("where something can be watched or found", () => {
  it("is asked by where-to-watch, where-to-find and which-of-two-sites questions", () => {
    expect(addressAsked("那门深度学习课在哪能看到？")).toBe(true);
    expect(addressAsked("這本書去哪裡買？")).toBe(true);
    expect(addressAsked("这个系列是放在B站还是慕课网？")).toBe(true);
    expect(addressAsked("Where can I watch the lectures?")).toBe(true);
    // Where a stage sits, or where to start, asks for no address.
    expect(addressAsked("RAG 在哪个阶段学？")).toBe(false);
    expect(addressAsked("Where should I start?")).toBe(false);
  });

  it("is given by a link, a domain or a hosting site, not by a course's description", () => {
    expect(addressPresent(["- 链接：[课程主页](https://example.edu/course)"])).toBe(true);
    expect(addressPresent(["视频在 B站 有完整版"])).toBe(true);
    expect(addressPresent(["- 形式：视频教程或在线课程\n- 时长：约6小时"])).toBe(false);
  });

  it("makes the answer low when the named course's item gives no address", () => {
    const chunk = (text: string) => ({ id: "c1", docId: "d1", text, headingPath: ["推荐课程"], startLine: 1, endLine: 9 });
    const list =
      "1. **《示例课A》**\n   - 链接：https://example.org/a\n2. **《示例课B》**\n   - 形式：视频教程\n3. **《示例课C》**\n   - 形式：直播";
    const result = { evidence: 0.6, weak: false, passages: [{ chunk: chunk(list), score: 1 }], analysis: {} } as unknown as RetrievalResult;
    expect(confidenceSignals("《示例课B》在哪能看到？", result).missingDetails).toContain("address");
    expect(confidenceSignals("《示例课A》在哪能看到？", result).missingDetails).not.toContain("address");
  });
});
