import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANSWER_WORDING } from "../../../src/answering/prompts.js";
import { buildTestApp, parseSse, type TestApp } from "../../support/buildTestApp.js";

/** Every way out of the product carries the answer's confidence (offline mode, real index). */
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

// Written for this test: uses the corpus's words (LoRA, 微调) but asks for a value it never gives.
const DETAIL_NOT_GIVEN = "LoRA 微调时学习率设多少?";

describe("confidence in the API", () => {
  it("/api/ask JSON: high for a covered question, low for a missing detail, none for off-topic", async () => {
    const ask = async (question: string) => (await t.app.inject({ method: "POST", url: "/api/ask", payload: { question } })).json();
    expect((await ask("学完 LoRA 之后该学什么?")).confidence).toBe("high");
    const low = await ask(DETAIL_NOT_GIVEN);
    expect(low).toMatchObject({ confidence: "low", abstained: false });
    expect(low.answer.startsWith(ANSWER_WORDING.zh.lowConfidence)).toBe(true);
    expect(low.citations.length).toBeGreaterThan(0);
    expect(await ask("How do I bake sourdough bread at home?")).toMatchObject({
      confidence: "none",
      abstained: true,
      answer: ANSWER_WORDING.en.abstain,
    });
  });

  it("SSE done carries it", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/ask", payload: { question: DETAIL_NOT_GIVEN, stream: true } });
    const done = JSON.parse(parseSse(res.body).at(-1)!.data);
    expect(done.confidence).toBe("low");
  });

  it("/v1/chat/completions shows a low answer's note in the content and the field beside abstained", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      payload: { model: t.config.OPENAI_COMPAT_MODEL_ID, messages: [{ role: "user", content: DETAIL_NOT_GIVEN }] },
    });
    const body = res.json();
    expect(body.confidence).toBe("low");
    expect(body.choices[0].message.content.split("\n")[0]).toBe(ANSWER_WORDING.zh.lowConfidence);

    const streamed = await t.app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      payload: { model: t.config.OPENAI_COMPAT_MODEL_ID, messages: [{ role: "user", content: DETAIL_NOT_GIVEN }], stream: true },
    });
    const last = parseSse(streamed.body)
      .map((e) => e.data)
      .filter((d) => d !== "[DONE]")
      .map((d) => JSON.parse(d))
      .at(-1);
    expect(last.confidence).toBe("low");
  });
});
