import { describe, expect, it } from "vitest";
import { detailsAsked } from "../../src/retrieval/detailKinds.js";
import { detailsAskedInTurn } from "../../src/retrieval/turnDetails.js";

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
