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
});
