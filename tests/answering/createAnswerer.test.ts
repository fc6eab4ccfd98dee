import { describe, expect, it } from "vitest";
import { createAnswerer } from "../../src/answering/createAnswerer.js";
import { parseConfig } from "../../src/config.js";
import { startFakeOpenAiServer } from "../support/fakeOpenAiServer.js";
import { useRealRetriever } from "./support.js";

const corpus = useRealRetriever();

describe("createAnswerer", () => {
  it("is extractive without a model server", async () => {
    const answerer = await createAnswerer({ config: parseConfig({}), retriever: corpus.retriever });
    expect(answerer.mode).toBe("extractive");
    const result = await answerer.answer({ question: "学完 LoRA 之后该学什么?" });
    expect(result.mode).toBe("extractive");
  });

  it("uses the configured model server in LLM mode, with the key as bearer token", async () => {
    const fake = await startFakeOpenAiServer({ chat: () => ({ kind: "text", content: "第七阶段 [1]" }) });
    try {
      const config = parseConfig({
        OPENAI_BASE_URL: fake.baseURL,
        OPENAI_API_KEY: "sk-x",
        CHAT_MODEL: "my-model",
        MAX_ANSWER_TOKENS: "77",
        TEMPERATURE: "0.1",
      });
      const answerer = await createAnswerer({ config, retriever: corpus.retriever });
      expect(answerer.mode).toBe("llm");
      const result = await answerer.answer({ question: "学完 LoRA 之后该学什么?" });
      expect(result).toMatchObject({ mode: "llm", answer: "第七阶段 [1]" });
      const request = fake.requests[0]!;
      expect(request.headers.authorization).toBe("Bearer sk-x");
      expect(request.body).toMatchObject({ model: "my-model", max_tokens: 77, temperature: 0.1 });
    } finally {
      await fake.close();
    }
  });

  it("sends a placeholder key to a keyless local server", async () => {
    const fake = await startFakeOpenAiServer({ chat: () => ({ kind: "text", content: "ok [1]" }) });
    try {
      const answerer = await createAnswerer({ config: parseConfig({ OPENAI_BASE_URL: fake.baseURL }), retriever: corpus.retriever });
      await answerer.answer({ question: "学完 LoRA 之后该学什么?" });
      expect(fake.requests[0]!.headers.authorization).toBe("Bearer not-needed");
    } finally {
      await fake.close();
    }
  });
});
