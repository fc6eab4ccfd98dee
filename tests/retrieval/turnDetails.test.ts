import { describe, expect, it } from "vitest";
import { detailsAsked } from "../../src/retrieval/detailKinds.js";
import { particularAsked } from "../../src/retrieval/particularAsked.js";
import { conceptAskedInTurn, detailsAskedInTurn, particularAskedInTurn } from "../../src/retrieval/turnDetails.js";

describe("detailsAskedInTurn", () => {
  const standalone = "and how many pages is it? How much does the deep learning book cost?";

  it("is the learner's own detail when the follow-up asks one, not the one its standalone carries", () => {
    expect(detailsAsked(standalone)).toContain("price");
    const own = detailsAskedInTurn(standalone, "and how many pages is it?");
    expect(own).not.toContain("price");
    expect(own).toEqual(detailsAsked("and how many pages is it?"));
  });

  it("is the carried detail when the follow-up asks none of its own, and the question's own without a follow-up", () => {
    expect(detailsAskedInTurn(standalone, "and the other book?")).toEqual(detailsAsked(standalone));
    expect(detailsAskedInTurn(standalone, undefined)).toEqual(detailsAsked(standalone));
  });

  it("is none when the follow-up asks a question of its own that asks no detail", () => {
    const carried = "第三本讲的是啥，哪一章最值得看？ 那份清单推荐了几本书？";
    expect(detailsAsked(carried)).toContain("count");
    expect(detailsAsked("第三本讲的是啥，哪一章最值得看？")).toEqual([]);
    expect(detailsAskedInTurn(carried, "第三本讲的是啥，哪一章最值得看？")).not.toContain("count");
    // "what about …" goes on: it asks the previous question again.
    const goesOn = "what about the second list? How many books does the first list recommend?";
    expect(detailsAskedInTurn(goesOn, "what about the second list?")).toEqual(detailsAsked(goesOn));
  });
});

describe("particularAskedInTurn", () => {
  const inTurn = (standalone: string, own?: string) => particularAskedInTurn(particularAsked(standalone), standalone, own);

  it("is not the carried which-one when the follow-up asks a detail or a question of its own", () => {
    const standalone = "大概要学几周？ 那一段推荐了哪些开源模型？";
    expect(particularAsked(standalone).instance).toBe(true);
    expect(inTurn(standalone, "大概要学几周？").instance).toBe(false);
    expect(
      inTurn("and which of those run on a laptop? which open models does the guide list?", "and which of those run on a laptop?").instance,
    ).toBe(false);
  });

  it("carries it into an elliptical follow-up, and reads the follow-up's own", () => {
    const carried = "那 Mistral 呢？ 这份路线具体是怎么训练奖励模型的？";
    expect(inTurn(carried, "那 Mistral 呢？")).toEqual(particularAsked(carried));
    expect(inTurn("那它用什么框架？ 讲了哪些项目？", "那它用什么框架？").instance).toBe(true);
    expect(inTurn(carried)).toEqual(particularAsked(carried));
  });

  it("reads a question asked in Traditional characters without a conversation as its standalone reading, 資料 as data", () => {
    // Written for this test: the standalone reading is simplifiedQuestion's (資料集 → 数据集).
    const own = "那個專題要用哪一個資料集來練？";
    const standalone = "那个专题要用哪一个数据集来练？";
    expect(particularAsked(standalone).instance).toBe(true);
    expect(inTurn(standalone, own).instance).toBe(true);
    // Study material stays material: 參考資料 asks no data set.
    expect(inTurn("推荐哪些参考资料？", "推薦哪些參考資料？").instance).toBe(particularAsked("推荐哪些参考资料？").instance);
  });
});

describe("conceptAskedInTurn", () => {
  const standalone = "做个小项目用哪个 embedding model 好？要学多久？";
  const carried = { concept: "embedding" };

  it("keeps the carried concept for an elliptical follow-up or one that asks it again", () => {
    expect(conceptAskedInTurn(carried, standalone, "那第二个呢？")).toBe(carried);
    expect(conceptAskedInTurn(carried, standalone, "which embedding model then?")).toBe(carried);
    expect(conceptAskedInTurn(carried, standalone, undefined)).toBe(carried);
  });

  it("drops it when the learner's own words ask something else", () => {
    expect(conceptAskedInTurn(carried, standalone, "要学多久？")).toBeUndefined();
    expect(conceptAskedInTurn(carried, standalone, "what does it cost?")).toBeUndefined();
  });
});
