import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { partsOfPassingMentionAsked, thingsWithPartsAsked } from "../../src/retrieval/exampleMembers.js";

/** Passages written for this test (not from any document or evaluation set). */
const passage = (text: string): { chunk: Chunk } => ({ chunk: { id: text.slice(0, 8), docId: "d", text } as unknown as Chunk });
const inRun = passage("评估：掌握模型评估方法，了解常用基准，如FooBench、BarBench等。");
const asLink = passage("- [长文本推理：模型的指南针能力](https://example.org/a)\n- [另一篇综述](https://example.org/b)");
const listed = passage("FooBench 包含三项任务：\n- 阅读理解\n- 情感分类\n- 文本蕴含");

describe("thingsWithPartsAsked", () => {
  it("reads the things whose parts a question asks, a pair split in two", () => {
    expect(thingsWithPartsAsked("FooBench和BarBench分别包含哪些具体任务？")).toEqual(["FooBench", "BarBench"]);
    expect(thingsWithPartsAsked("这篇里的指南针能力具体分哪几种？")).toEqual(["指南针能力"]);
    expect(thingsWithPartsAsked("BazKit有哪些组件")).toEqual(["BazKit"]);
  });

  it("reads how many parts a thing has, in Chinese or English", () => {
    expect(thingsWithPartsAsked("FooBench几项")).toEqual(["FooBench"]);
    expect(thingsWithPartsAsked("FooBench一共有几个任务？")).toEqual(["FooBench"]);
    expect(thingsWithPartsAsked("How many chapters does Compass Reasoning Notes have?")).toEqual(["Compass Reasoning Notes"]);
    expect(thingsWithPartsAsked("How many tasks are in FooBench?")).toEqual(["FooBench"]);
    // A count of what a stage holds names no thing counted in.
    expect(thingsWithPartsAsked("第三阶段有几个项目")).toEqual([]);
  });

  it("does not read what a thing is for, or a question asking no parts", () => {
    expect(thingsWithPartsAsked("BazKit有什么用")).toEqual([]);
    expect(thingsWithPartsAsked("FooBench 是谁做的")).toEqual([]);
  });
});

describe("partsOfPassingMentionAsked", () => {
  it("is true when every passage names the thing only as an example or a link's title", () => {
    expect(partsOfPassingMentionAsked("FooBench和BarBench分别包含哪些具体任务？", [inRun])).toBe(true);
    expect(partsOfPassingMentionAsked("这篇里的指南针能力具体分哪几种？", [asLink])).toBe(true);
    // The thing as the learner writes it: its name with a request before and its kind after.
    expect(partsOfPassingMentionAsked("请问 FooBench 基准里面包含哪些具体的任务呢？", [inRun])).toBe(true);
    // How many parts, of a thing named only in passing; a passage listing them answers.
    expect(partsOfPassingMentionAsked("FooBench几项", [inRun])).toBe(true);
    expect(partsOfPassingMentionAsked("FooBench几项", [inRun, listed])).toBe(false);
  });

  it("is false when a passage says more of the thing, or none names it", () => {
    expect(partsOfPassingMentionAsked("FooBench包含哪些任务？", [inRun, listed])).toBe(false);
    expect(partsOfPassingMentionAsked("QuxBench包含哪些任务？", [inRun])).toBe(false);
  });

  it("reads what a 《titled》 work holds as unanswered where every passage naming it only names it", () => {
    const named = [passage("资源：CSDN《某某报告合集》,收集了大量实际项目案例,可供参考。")];
    const listed = [passage("《某某报告合集》包括金融、医疗、教育三个行业的报告。")];
    expect(partsOfPassingMentionAsked("《某某报告合集》里面都有哪些行业的报告？", named)).toBe(true);
    expect(partsOfPassingMentionAsked("《某某报告合集》里面都有哪些行业的报告？", listed)).toBe(false);
    // A title no passage names says nothing here.
    expect(partsOfPassingMentionAsked("《别的合集》里有哪些报告？", named)).toBe(false);
  });
});
