import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/answering/types.js";
import { parseConfig } from "../../src/config.js";
import { JUDGE_SYSTEM_PROMPT } from "../../src/evaluation/judgePrompts.js";
import { createJudgeModel, createLlmJudge, extractJson } from "../../src/evaluation/llmJudge.js";
import { startFakeOpenAiServer, type ChatReply, type FakeOpenAiServer } from "../support/fakeOpenAiServer.js";

function answer(text: string, abstained = false): AnswerResult {
  return {
    answer: text,
    citations: [
      {
        n: 1,
        id: "c1",
        docId: "d1",
        source: "roadmaps/001.txt",
        title: "学习路径",
        headingPath: ["第七阶段：前沿技术探索"],
        lines: { start: 60, end: 62 },
        text: "探索大模型领域的前沿技术和未来趋势",
        role: "next-section",
      },
    ],
    abstained,
    confidence: "high",
    mode: "llm",
    language: "zh",
    standaloneQuestion: "q",
    removedCitations: 0,
    timings: { retrieveMs: 1, generateMs: 1 },
  };
}

// Scripted verdicts, chosen by a marker in the answer under judgement.
function verdictFor(body: { messages: { role: string; content: string }[] }): ChatReply {
  const user = body.messages.find((m) => m.role === "user")?.content ?? "";
  if (user.includes("MALFORMED")) return { kind: "text", content: "I think it is fine." };
  if (user.includes("SERVER-ERROR")) return { kind: "status", status: 500, message: "judge exploded" };
  if (user.includes("HALF")) {
    return {
      kind: "text",
      content:
        'Here is my verdict:\n```json\n{"claims":[{"claim":"学完微调后学前沿技术","supported":true,"citations":[1]},{"claim":"要学量子计算","supported":false,"citations":[]}],"relevance":0.5,"reasoning":"one claim unsupported"}\n```',
      usage: { prompt_tokens: 120, completion_tokens: 40, total_tokens: 160 },
    };
  }
  return {
    kind: "text",
    content: '{"claims":[{"claim":"接下来学前沿技术探索","supported":true,"citations":[1]}],"relevance":1,"reasoning":"supported"}',
  };
}

describe("LLM judge (real ChatOpenAI against the fake OpenAI-compatible server)", () => {
  let server: FakeOpenAiServer;
  let judge: ReturnType<typeof createLlmJudge>;

  beforeAll(async () => {
    server = await startFakeOpenAiServer({ chat: (body) => verdictFor(body) });
    const config = parseConfig({
      OPENAI_BASE_URL: server.baseURL,
      OPENAI_API_KEY: "sk-test-judge",
      OPENAI_MAX_RETRIES: "0",
      CHAT_MODEL: "answer-model",
    });
    judge = createLlmJudge({ model: createJudgeModel(config, "judge-model"), baseURL: config.OPENAI_BASE_URL });
  });
  afterAll(async () => {
    await server.close();
  });

  it("sends the judge prompt with the question, answer and cited passages, at temperature 0, to the judge model", async () => {
    const verdict = await judge("学完 LoRA 之后该学什么?", answer("接下来学前沿技术探索 [1]"));
    expect(verdict).toEqual({
      status: "judged",
      faithfulness: 1,
      relevance: 1,
      claims: [{ claim: "接下来学前沿技术探索", supported: true, citations: [1] }],
      reasoning: "supported",
      usage: expect.any(Object),
    });
    const request = server.requests.at(-1)!;
    expect(request.path).toBe("/v1/chat/completions");
    expect(request.body.model).toBe("judge-model");
    expect(request.body.temperature).toBe(0);
    expect(request.body.messages[0]).toMatchObject({ role: "system", content: JUDGE_SYSTEM_PROMPT });
    const user: string = request.body.messages[1].content;
    expect(user).toContain("学完 LoRA 之后该学什么?");
    expect(user).toContain("[1] 学习路径 › 第七阶段：前沿技术探索\n探索大模型领域的前沿技术和未来趋势");
  });

  it("computes faithfulness as the share of supported claims and keeps the verdict and usage", async () => {
    const verdict = await judge("q", answer("HALF answer [1]"));
    expect(verdict).toMatchObject({ status: "judged", faithfulness: 0.5, relevance: 0.5, reasoning: "one claim unsupported" });
    expect(verdict.status === "judged" && verdict.claims.map((c) => c.supported)).toEqual([true, false]);
    expect(verdict.status === "judged" && verdict.usage).toEqual({ promptTokens: 120, completionTokens: 40, totalTokens: 160 });
  });

  it("reports a reply that is not a verdict, and a failing server, as errors without guessing", async () => {
    expect(await judge("q", answer("MALFORMED"))).toEqual({ status: "error", message: "judge reply was not the expected JSON verdict" });
    const failed = await judge("q", answer("SERVER-ERROR"));
    expect(failed.status).toBe("error");
    expect(failed.status === "error" && failed.message).toMatch(
      /^judge call failed: model server http:\/\/127\.0\.0\.1:\d+\/v1 answered HTTP 500$/,
    );
    expect(JSON.stringify(failed)).not.toContain("sk-test-judge");
  });

  it("does not grade abstentions", async () => {
    const before = server.requests.length;
    expect(await judge("q", answer("资料中没有", true))).toEqual({ status: "skipped", reason: "the answer abstained" });
    expect(server.requests.length).toBe(before);
  });
});

describe("extractJson", () => {
  it("finds the object in fenced or chatty replies", () => {
    expect(extractJson('Sure!\n```json\n{"a":1}\n```')).toEqual({ a: 1 });
    expect(extractJson('verdict: {"a":{"b":2}} done')).toEqual({ a: { b: 2 } });
    expect(extractJson("no json here")).toBeUndefined();
    expect(extractJson("{broken")).toBeUndefined();
  });
});
