import { describe, expect, it } from "vitest";
import { asksGiveawayContent } from "../../src/retrieval/giveawayContent.js";

describe("asksGiveawayContent", () => {
  it("reads a question about what a post's giveaway pack holds", () => {
    expect(asksGiveawayContent("那篇文末资料包里的面试题有多少道？")).toBe(true);
    expect(asksGiveawayContent("部署包的模型支持哪些显卡？")).toBe(true);
    expect(asksGiveawayContent("what about the interview questions in its resource pack?")).toBe(true);
  });

  it("does not read a question that names the post by its giveaway, or one about the post itself", () => {
    expect(asksGiveawayContent("文末让人领资料包的那篇，第二阶段要多久？")).toBe(false);
    expect(asksGiveawayContent("资料包的那篇文章分几个阶段？")).toBe(false);
    expect(asksGiveawayContent("The post with the QR-code giveaway at the bottom: how long is phase two?")).toBe(false);
  });
});
