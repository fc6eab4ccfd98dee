import { describe, expect, it } from "vitest";
import { carryTopicIntoQuery } from "../../src/answering/followUp.js";
import { partOfPreviousTopic } from "../../src/answering/partsFollowUp.js";

describe("partOfPreviousTopic", () => {
  it("reads a part pointed at after a question that divided its topic as that topic's part", () => {
    expect(partOfPreviousTopic("那第二部分讲了哪些内容，要先会什么？", "这本书分成几个部分？", "这本书")).toBe(
      "那第二部分讲了哪些内容，要先会什么？ 这本书分成几个部分？",
    );
    expect(
      partOfPreviousTopic("which of those parts covers deployment?", "How is the Hugging Face course split up?", "Hugging Face course"),
    ).toBe("which of those parts covers deployment? How is the Hugging Face course split up?");
    expect(partOfPreviousTopic("ok, part two is about what?", "what parts does that course have?", "that course")).toContain("what parts");
  });
  it("is undefined when the previous question divided nothing, or the follow-up names the topic or no part", () => {
    expect(partOfPreviousTopic("那第二部分呢？", "这本书讲什么？", "这本书")).toBeUndefined();
    expect(partOfPreviousTopic("这本书第二部分讲什么？", "这本书分成几个部分？", "这本书")).toBeUndefined();
    expect(partOfPreviousTopic("那要学多久？", "这本书分成几个部分？", "这本书")).toBeUndefined();
  });
  it("is how a follow-up with words of its own is read after such a question", () => {
    const history = [{ role: "user" as const, content: "那门 Transformer 课分几部分？" }];
    const standalone = carryTopicIntoQuery("最后那个部分具体练些什么项目？", history, () => "Transformer 课");
    expect(standalone).toContain("Transformer 课分几部分");
  });
});
