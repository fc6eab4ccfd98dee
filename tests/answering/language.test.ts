import { describe, expect, it } from "vitest";
import { answerLanguage } from "../../src/answering/language.js";
import { statedLanguage } from "../../src/text/language.js";

describe("answerLanguage", () => {
  it("follows the learner's own words when they are in a natural language, not the query the conversation made of them", () => {
    // "and after that?" after a Chinese question: its query holds the Chinese stage it moves on from.
    expect(answerLanguage("mixed", "and after that?")).toBe("en");
    expect(answerLanguage("en", "那第四阶段呢？")).toBe("zh");
    expect(answerLanguage("en", "那再往後呢？")).toBe("zh-Hant");
  });

  it("keeps the query's language for a follow-up of terms alone", () => {
    expect(statedLanguage("LoRA?")).toBeUndefined();
    expect(answerLanguage("zh", "LoRA?")).toBe("zh");
    expect(answerLanguage("en", "RAG")).toBe("en");
  });

  it("answers a mixed question in Chinese, and without the learner's words by the query", () => {
    expect(answerLanguage("mixed", "LoRA 之后 next step 学什么")).toBe("zh");
    expect(answerLanguage("en")).toBe("en");
    expect(answerLanguage("zh")).toBe("zh");
  });
});
