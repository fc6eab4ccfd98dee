import { afterEach, describe, expect, it } from "vitest";
import { ChatOpenAI, OpenAIEmbeddings } from "@langchain/openai";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { startFakeOpenAiServer } from "./fakeOpenAiServer.js";
import type { FakeOpenAiServer, FakeOpenAiServerOptions } from "./fakeOpenAiServer.js";

let server: FakeOpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options?: FakeOpenAiServerOptions): Promise<FakeOpenAiServer> {
  server = await startFakeOpenAiServer(options);
  return server;
}

function chatModel(baseURL: string, extra: { timeout?: number; streamUsage?: boolean } = {}) {
  return new ChatOpenAI({
    model: "fake-chat",
    apiKey: "sk-test-secret",
    configuration: { baseURL },
    maxRetries: 0,
    timeout: extra.timeout ?? 5_000,
    streamUsage: extra.streamUsage ?? true,
  });
}

describe("fake OpenAI-compatible server", () => {
  it("answers a JSON chat completion and records the request", async () => {
    const fake = await start({ chat: () => ({ kind: "text", content: "LoRA comes after fine-tuning basics." }) });
    const reply = await chatModel(fake.baseURL).invoke([new SystemMessage("sys"), new HumanMessage("what next?")]);
    expect(reply.content).toBe("LoRA comes after fine-tuning basics.");
    expect((reply.usage_metadata as { total_tokens?: number } | undefined)?.total_tokens).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(1);
    const recorded = fake.requests[0]!;
    expect(recorded.method).toBe("POST");
    expect(recorded.path).toBe("/v1/chat/completions");
    expect(recorded.headers.authorization).toBe("Bearer sk-test-secret");
    expect(recorded.body.messages.at(-1)).toEqual({ role: "user", content: "what next?" });
  });

  it("echoes the last user message by default", async () => {
    const fake = await start();
    const reply = await chatModel(fake.baseURL).invoke("你好 world");
    expect(reply.content).toBe("Echo: 你好 world");
  });

  it("streams SSE in several chunks with usage when asked", async () => {
    const fake = await start({
      chat: () => ({ kind: "text", content: "one two three four", usage: { prompt_tokens: 7, completion_tokens: 4, total_tokens: 11 } }),
    });
    const deltas: string[] = [];
    let total: number | undefined;
    for await (const chunk of await chatModel(fake.baseURL).stream("hi")) {
      if (typeof chunk.content === "string" && chunk.content.length > 0) deltas.push(chunk.content);
      const usage = chunk.usage_metadata as { total_tokens?: number } | undefined;
      if (usage) total = usage.total_tokens;
    }
    expect(deltas.length).toBeGreaterThanOrEqual(4);
    expect(deltas.join("")).toBe("one two three four");
    expect(total).toBe(11);
    expect(fake.requests[0]!.body.stream).toBe(true);
    expect(fake.requests[0]!.body.stream_options).toEqual({ include_usage: true });
  });

  it("splits a Chinese reply without spaces into several stream chunks", async () => {
    const fake = await start({ chat: () => ({ kind: "text", content: "学完LoRA之后学习量化与部署" }) });
    const deltas: string[] = [];
    for await (const chunk of await chatModel(fake.baseURL).stream("hi")) {
      if (typeof chunk.content === "string" && chunk.content.length > 0) deltas.push(chunk.content);
    }
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join("")).toBe("学完LoRA之后学习量化与部署");
  });

  it("returns an OpenAI-style error for a status reply", async () => {
    const fake = await start({ chat: () => ({ kind: "status", status: 500, message: "boom" }) });
    const error = await chatModel(fake.baseURL)
      .invoke("hi")
      .catch((e: unknown) => e);
    expect((error as { status?: number }).status).toBe(500);
    const raw = await fetch(`${fake.baseURL}/chat/completions`, { method: "POST", body: "{}" });
    expect(raw.status).toBe(500);
    expect(await raw.json()).toEqual({ error: { message: "boom", type: "server_error", code: null } });
  });

  it("hangs until the client times out, and close() still returns promptly", async () => {
    const fake = await start({ chat: () => ({ kind: "hang" }) });
    const started = Date.now();
    const error = await chatModel(fake.baseURL, { timeout: 150 })
      .invoke("hi")
      .catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/timed out/i);
    expect(Date.now() - started).toBeLessThan(5_000);
    const pending = fetch(`${fake.baseURL}/chat/completions`, { method: "POST", body: "{}" }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 30));
    await fake.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it("cuts a stream after some chunks", async () => {
    const fake = await start({ chat: () => ({ kind: "cut", content: "a b c d e f g h", afterChunks: 3 }) });
    const deltas: string[] = [];
    const error = await (async () => {
      for await (const chunk of await chatModel(fake.baseURL).stream("hi")) {
        if (typeof chunk.content === "string" && chunk.content.length > 0) deltas.push(chunk.content);
      }
    })().then(
      () => null,
      (e: unknown) => e,
    );
    expect(deltas.join("")).toBe("a b c ");
    expect(error).toBeInstanceOf(Error);
  });

  it("sends a malformed body", async () => {
    const fake = await start({ chat: () => ({ kind: "malformed" }) });
    const error = await chatModel(fake.baseURL)
      .invoke("hi")
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
  });

  it("serves embeddings as floats and as base64 (the LangChain default)", async () => {
    const fake = await start();
    const embeddings = new OpenAIEmbeddings({ model: "fake-embed", apiKey: "k", configuration: { baseURL: fake.baseURL }, maxRetries: 0 });
    const [a, b] = await embeddings.embedDocuments(["LoRA 微调", "deep learning book"]);
    const single = await embeddings.embedQuery("LoRA 微调");
    expect(a).toHaveLength(8);
    expect(b).toHaveLength(8);
    expect(single.map((x) => x.toFixed(5))).toEqual(a!.map((x) => x.toFixed(5)));
    expect(a).not.toEqual(b);
    expect(fake.requests[0]!.body.encoding_format).toBe("base64");

    const floats = new OpenAIEmbeddings({
      model: "fake-embed",
      apiKey: "k",
      configuration: { baseURL: fake.baseURL },
      encodingFormat: "float",
      maxRetries: 0,
    });
    const viaFloat = await floats.embedQuery("LoRA 微调");
    expect(viaFloat.map((x) => x.toFixed(5))).toEqual(a!.map((x) => x.toFixed(5)));
  });

  it("uses scripted embeddings and their error status", async () => {
    const fake = await start({
      embeddings: (inputs, call) => (call === 0 ? inputs.map(() => [1, 0, 0]) : { status: 503, message: "down" }),
    });
    const embeddings = new OpenAIEmbeddings({
      model: "e",
      apiKey: "k",
      configuration: { baseURL: fake.baseURL },
      encodingFormat: "float",
      maxRetries: 0,
    });
    expect(await embeddings.embedQuery("x")).toEqual([1, 0, 0]);
    const error = await embeddings.embedQuery("y").catch((e: unknown) => e);
    expect((error as { status?: number }).status).toBe(503);
  });

  it("lists models", async () => {
    const fake = await start();
    const response = await fetch(`${fake.baseURL}/models`);
    const payload = (await response.json()) as { data: { id: string }[] };
    expect(payload.data.map((m) => m.id)).toContain("fake-chat");
    expect(fake.requests[0]).toMatchObject({ method: "GET", path: "/v1/models" });
  });
});
