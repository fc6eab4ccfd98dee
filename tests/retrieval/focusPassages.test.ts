import { describe, expect, it } from "vitest";
import { focusPassages } from "../../src/retrieval/focusPassages.js";
import { IndexResources } from "../../src/retrieval/indexResources.js";
import { QuestionJudge } from "../../src/retrieval/questionJudge.js";
import type { DetailKind } from "../../src/retrieval/detailRules.js";
import { useRetrievalFixtureIndex } from "../support/buildTestIndex.js";

describe("focusPassages", () => {
  const index = useRetrievalFixtureIndex();
  const plan = () => IndexResources.of(index()).profiles.find((p) => p.doc.title === "三段式计划")!;
  const passages = () => index().chunks.map((chunk) => ({ chunk, score: 1, role: "match" as const }));
  const texts = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => index().chunkById.get(id)!.text);
  const focus = (query: string, asked: DetailKind[], named = true, instance = false) =>
    focusPassages(new QuestionJudge({}), index(), query, asked, instance, passages(), { named: named ? plan() : undefined });

  it("takes a stage the question names in the named roadmap for the subject of a detail asked of it", () => {
    const stage = focus("三段式计划的做应用阶段要花几个月", ["duration"]);
    expect(texts(stage?.chunkIds)).toEqual(["调用接口，搭检索增强问答。推荐课程《检索实战》，免费。"]);
  });

  it("looks for a duration of a concept the named roadmap lists beside the concept, and for its own anywhere", () => {
    const concept = focus("三段式计划里，注意力机制要学几周", ["duration"]);
    expect(concept?.terms).toContain("注意力机制");
    expect(texts(concept?.chunkIds).length).toBeGreaterThan(0);
    for (const text of texts(concept?.chunkIds)) expect(text).toMatch(/注意力/);
    expect(focus("三段式计划按每周的学习时间算，要学几个月", ["duration"])).toBeUndefined();
  });

  it("looks for a price beside the thing the question names", () => {
    const price = focus("《检索实战》这门课要花钱吗", ["price"], false);
    expect(price?.terms).toEqual(["检索实战"]);
    expect(texts(price?.chunkIds)).toEqual(["调用接口，搭检索增强问答。推荐课程《检索实战》，免费。"]);
  });
});
