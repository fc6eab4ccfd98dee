import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/text/language.js";

describe("detectLanguage", () => {
  it("reads a Chinese question that names English terms as Chinese", () => {
    expect(detectLanguage("学完LoRA之后学什么")).toBe("zh");
    expect(detectLanguage("学完 LoRA 之后该学什么?")).toBe("zh");
    expect(detectLanguage("LLMSurvey 是什么")).toBe("zh");
    expect(detectLanguage("推荐一下 Hugging Face 的课程")).toBe("zh");
  });

  it("reads an English question that names Chinese terms as English", () => {
    expect(detectLanguage("which book should I read for deep learning?")).toBe("en");
    expect(detectLanguage("What is 微调?")).toBe("en");
    expect(detectLanguage("what comes after the 入门阶段 in the 大模型学习路径指南?")).toBe("en");
  });

  it("reports mixed when both languages carry the sentence", () => {
    expect(detectLanguage("LoRA 之后 next step 学什么")).toBe("mixed");
    expect(detectLanguage("怎么学 deep learning")).toBe("mixed");
  });

  it("falls back to the script when there are only terms", () => {
    expect(detectLanguage("RAG")).toBe("en");
    expect(detectLanguage("GPT-4")).toBe("en");
    expect(detectLanguage("微调")).toBe("zh");
    expect(detectLanguage("")).toBe("zh");
  });

  it("handles plain monolingual sentences", () => {
    expect(detectLanguage("今天上海天气怎么样")).toBe("zh");
    expect(detectLanguage("how do I bake sourdough bread?")).toBe("en");
  });
});
