/**
 * Multi-query retrieval in LLM mode: the real @langchain/openai client against the fake
 * OpenAI-compatible server, over the real bundled corpus.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createChatModel } from "../../src/answering/createChatModel.js";
import { createQuestionRewriter, parseRewrites } from "../../src/answering/questionRewrite.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { MultiQueryRetriever } from "../../src/retrieval/MultiQueryRetriever.js";
import { buildTestIndex, type BuiltTestIndex } from "../support/buildTestIndex.js";
import { startFakeOpenAiServer, type ChatReply, type FakeOpenAiServer } from "../support/fakeOpenAiServer.js";

let built: BuiltTestIndex;
let hybrid: HybridRetriever;
let fake: FakeOpenAiServer | undefined;

beforeAll(async () => {
  built = await buildTestIndex();
  hybrid = new HybridRetriever({ index: () => built.snapshot, k: 5, maxChunksPerSection: 2, abstainThreshold: 0.3 });
}, 120_000);
afterAll(() => built?.cleanup());
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function retrieverReplying(reply: ChatReply): Promise<MultiQueryRetriever> {
  fake = await startFakeOpenAiServer({ chat: () => reply });
  const model = createChatModel({
    OPENAI_BASE_URL: fake.baseURL,
    OPENAI_API_KEY: undefined,
    CHAT_MODEL: "fake-chat",
    TEMPERATURE: 0,
    MAX_ANSWER_TOKENS: 200,
    OPENAI_TIMEOUT_MS: 2_000,
    OPENAI_MAX_RETRIES: 0,
  });
  return new MultiQueryRetriever(hybrid, createQuestionRewriter(model, { timeoutMs: 2_000 }));
}

const question = "how do I get my chatbot to remember lots of documents?";

describe("MultiQueryRetriever", () => {
  it("searches with the model's rewrites and fuses what they find", async () => {
    const plain = await hybrid.retrieve(question);
    expect(plain.passages.some((p) => p.chunk.text.includes("Milvus"))).toBe(false);

    const retriever = await retrieverReplying({ kind: "text", content: "1. 向量数据库 Milvus\n2. retrieval-augmented generation" });
    const result = await retriever.retrieve(question);
    expect(result.rewrites).toEqual(["向量数据库 Milvus", "retrieval-augmented generation"]);
    expect(result.passages.some((p) => p.chunk.text.includes("Milvus"))).toBe(true);
    const sent = JSON.stringify(fake!.requests.at(-1)?.body);
    expect(sent).toContain("remember lots of documents");
  });

  it("falls back to the question alone when the model fails", async () => {
    const retriever = await retrieverReplying({ kind: "status", status: 500, message: "down" });
    const result = await retriever.retrieve(question);
    const plain = await hybrid.retrieve(question);
    expect(result.rewrites).toBeUndefined();
    expect(result.passages.map((p) => p.chunk.id)).toEqual(plain.passages.map((p) => p.chunk.id));
  });

  it("keeps at most three distinct rewrites, without list markers or the question", () => {
    expect(parseRewrites("- a\n- a\n\nQ\n2) b\n• c\nd", "q")).toEqual(["a", "b", "c"]);
  });
});
