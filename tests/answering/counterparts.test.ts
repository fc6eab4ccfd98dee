import { describe, expect, it } from "vitest";
import { askedOfCounterpart } from "../../src/answering/counterparts.js";
import { carryTopicIntoQuery } from "../../src/answering/followUp.js";

describe("askedOfCounterpart", () => {
  it("asks the previous question of the other side, in either direction and language", () => {
    expect(askedOfCounterpart("那劣势呢？", "三阶段那篇里说微调有哪些优势？")).toBe("三阶段那篇里说微调有哪些劣势？");
    expect(askedOfCounterpart("那好处呢", "提示词工程的坏处是什么")).toBe("提示词工程的好处是什么");
    expect(askedOfCounterpart("and the drawbacks?", "what benefits does quantization bring?")).toBe(
      "what drawbacks does quantization bring?",
    );
  });
  it("reads any word of one side against any word of the other", () => {
    expect(askedOfCounterpart("那弊端呢", "那篇七阶段的说量化有啥好处")).toBe("那篇七阶段的说量化有啥弊端");
    expect(askedOfCounterpart("what about the downsides?", "what are the strengths of RAG?")).toBe("what are the downsides of RAG?");
    expect(askedOfCounterpart("那最容易的呢", "哪个项目最难？")).toBeUndefined();
    expect(askedOfCounterpart("那最容易呢", "哪个项目最难？")).toBe("哪个项目最容易？");
  });
  it("is undefined when the follow-up says more, or the previous question asked of neither side", () => {
    expect(askedOfCounterpart("那缺点里哪个最严重？", "RAG 有什么优点？")).toBeUndefined();
    expect(askedOfCounterpart("那缺点呢？", "RAG 要学多久？")).toBeUndefined();
    expect(askedOfCounterpart("and the cons?", "what are the pros and cons of LoRA?")).toBeUndefined();
  });
  it("is how a bare follow-up naming the other side is read", () => {
    const history = [{ role: "user" as const, content: "那份九月的博客说 RAG 有什么优点？" }];
    expect(carryTopicIntoQuery("那缺点呢？", history, () => "那份九月的博客说 RAG")).toBe("那份九月的博客说 RAG 有什么缺点？");
  });
});
