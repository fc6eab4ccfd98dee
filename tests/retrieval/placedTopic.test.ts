import { describe, expect, it } from "vitest";
import { placementTerms } from "../../src/retrieval/placedTopic.js";

describe("placementTerms", () => {
  it("places a topic that is mostly field terms by those terms, then their expansions", () => {
    const touched = placementTerms("碰 Transformer");
    expect(touched.own).toEqual([["Transformer"]]);
    expect(touched.expansions.length).toBeGreaterThan(0);
    expect(placementTerms("Python基础").own).toEqual(expect.arrayContaining([["Python"]]));
    // An English plural is also found as the singular the documents write ("Transformer 架构").
    expect(placementTerms("even touch Transformers").own).toEqual([["Transformers", "Transformer"]]);
  });

  it("does not repeat a topic that is one field term as its own term", () => {
    expect(placementTerms("LoRA").own).toEqual([]);
    expect(placementTerms("LoRA").expansions.length).toBeGreaterThan(0);
  });

  it("gives nothing for a phrase where a field word is half of it or less", () => {
    // 入门 in a clause about starting: its expansions (新手, 初学者) are in stages that are not about it.
    expect(placementTerms("入门篇说开始")).toEqual({ own: [], expansions: [] });
    // A month count is no 个月 topic: 个月 is half of 第 6 个月's letters.
    expect(placementTerms("第 6 个月")).toEqual({ own: [], expansions: [] });
    expect(placementTerms("State of GPT 那个视频多长")).toEqual({ own: [], expansions: [] });
    expect(placementTerms("")).toEqual({ own: [], expansions: [] });
  });
});
