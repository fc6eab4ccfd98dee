import { describe, expect, it } from "vitest";
import { confidenceOf } from "../../src/retrieval/confidence.js";
import { inNamedRoadmap } from "../../src/retrieval/namedRoadmapScope.js";
import { passage, retrievalResult } from "../fixtures/answering/passages.js";

describe("inNamedRoadmap", () => {
  const own = passage("实战项目一：用提示词做一个翻译小工具。", { chunk: { docId: "seven" } });
  const other = passage("推荐平台：FooHub、BarModel-7B", { chunk: { docId: "five" } });

  it("keeps only the named roadmap's passages, or every passage when none is named", () => {
    const named = retrievalResult("q", [own, other], { namedRoadmap: { docId: "seven", title: "七阶段" } });
    expect([own, other].filter(inNamedRoadmap(named))).toEqual([own]);
    expect([own, other].filter(inNamedRoadmap(retrievalResult("q", [own, other])))).toEqual([own, other]);
  });

  it("does not let another roadmap's names answer which model a named roadmap's project uses", () => {
    const question = "翻译小工具那个项目用的是哪个大模型？";
    const named = { evidence: 0.9, namedRoadmap: { docId: "seven", title: "七阶段" } };
    expect(confidenceOf(question, retrievalResult("q", [own, other], named))).toBe("low");
    const naming = passage("实战项目一：用 BarModel-7B 和提示词做一个翻译小工具。", { chunk: { docId: "seven" } });
    expect(confidenceOf(question, retrievalResult("q", [naming, other], named))).toBe("high");
  });
});
