import { describe, expect, it } from "vitest";
import { toSimplified } from "../../src/text/script.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";

describe("toSimplified", () => {
  it("converts character by character and keeps field terms", () => {
    expect(toSimplified("學習路線與微調")).toBe("学习路线与微调");
    expect(toSimplified("向量資料庫")).toBe("向量资料库");
    expect(toSimplified("LoRA 是什么")).toBe("LoRA 是什么");
  });

  it("makes Traditional and Simplified text give the same search tokens", () => {
    expect(tokenizeForSearch("大模型微調")).toEqual(tokenizeForSearch("大模型微调"));
  });
});
