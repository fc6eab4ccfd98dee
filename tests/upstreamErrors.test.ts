import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createChatModel } from "../src/answering/createChatModel.js";
import { displayServerUrl, toUpstreamError } from "../src/upstreamErrors.js";
import { parseConfig } from "../src/config.js";
import { UpstreamFailed, UpstreamTimeout } from "../src/errors.js";
import { startFakeOpenAiServer } from "./support/fakeOpenAiServer.js";
import type { ChatReply, FakeOpenAiServer } from "./support/fakeOpenAiServer.js";

const KEY = "fake-key-very-secret-test-key";
let fake: FakeOpenAiServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function modelFor(baseURL: string, timeoutMs = 5_000) {
  return createChatModel(
    parseConfig({
      OPENAI_BASE_URL: baseURL,
      OPENAI_API_KEY: KEY,
      OPENAI_TIMEOUT_MS: String(timeoutMs),
      OPENAI_MAX_RETRIES: "0",
      CHAT_MODEL: "fake-chat",
    }),
  );
}

async function failureOf(reply: ChatReply, timeoutMs?: number): Promise<{ mapped: unknown; baseURL: string }> {
  fake = await startFakeOpenAiServer({ chat: () => reply });
  const error = await modelFor(fake.baseURL, timeoutMs)
    .invoke("hi")
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(error).not.toBeNull();
  return { mapped: toUpstreamError(error, { baseURL: fake.baseURL }), baseURL: fake.baseURL };
}

describe("toUpstreamError with the real client", () => {
  it("maps an HTTP 500 to UpstreamFailed naming the server and status, not the key or body", async () => {
    const { mapped, baseURL } = await failureOf({ kind: "status", status: 500, message: `upstream leaked ${KEY}` });
    expect(mapped).toBeInstanceOf(UpstreamFailed);
    const error = mapped as UpstreamFailed;
    expect(error.message).toBe(`model server ${baseURL} answered HTTP 500`);
    expect(error.upstreamStatus).toBe(500);
    expect(error.message).not.toContain(KEY);
    expect(error.message).not.toContain("leaked");
  });

  it("adds a hint for 401", async () => {
    const { mapped } = await failureOf({ kind: "status", status: 401 });
    expect((mapped as Error).message).toMatch(/answered HTTP 401 \(check OPENAI_API_KEY\)$/);
  });

  it("maps a hang past the timeout to UpstreamTimeout", async () => {
    const { mapped, baseURL } = await failureOf({ kind: "hang" }, 150);
    expect(mapped).toBeInstanceOf(UpstreamTimeout);
    expect((mapped as Error).message).toBe(`model server ${baseURL} did not answer in time`);
  });

  it("maps a malformed body to UpstreamFailed", async () => {
    const { mapped } = await failureOf({ kind: "malformed" });
    expect(mapped).toBeInstanceOf(UpstreamFailed);
  });

  it("maps a refused connection to UpstreamFailed naming the URL", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const baseURL = `http://127.0.0.1:${port}/v1`;
    const error = await modelFor(baseURL)
      .invoke("hi")
      .then(
        () => null,
        (e: unknown) => e,
      );
    const mapped = toUpstreamError(error, { baseURL });
    expect(mapped).toBeInstanceOf(UpstreamFailed);
    expect((mapped as Error).message).toBe(`could not connect to model server ${baseURL}`);
  });

  it("leaves the caller's own abort alone", async () => {
    fake = await startFakeOpenAiServer({ chat: () => ({ kind: "hang" }) });
    const controller = new AbortController();
    const pending = modelFor(fake.baseURL)
      .invoke("hi", { signal: controller.signal })
      .then(
        () => null,
        (e: unknown) => e,
      );
    setTimeout(() => controller.abort(), 30);
    const error = await pending;
    const mapped = toUpstreamError(error, { baseURL: fake.baseURL, signal: controller.signal });
    expect(mapped).toBe(error);
    expect(mapped).not.toBeInstanceOf(UpstreamFailed);
  });
});

describe("displayServerUrl", () => {
  it("drops credentials and query, defaults to OpenAI", () => {
    expect(displayServerUrl("http://user:pass@host:8080/v1/?key=abc")).toBe("http://host:8080/v1");
    expect(displayServerUrl(undefined)).toBe("https://api.openai.com/v1");
  });
});

describe("toUpstreamError for embedding servers", () => {
  it("names the embedding server and the embedding model variable, without the body", () => {
    const clientError = Object.assign(new Error("404 model 'nomic' not found: body text"), { status: 404 });
    const mapped = toUpstreamError(clientError, { baseURL: "http://127.0.0.1:11434/v1", server: "embedding" }) as Error;
    expect(mapped).toBeInstanceOf(UpstreamFailed);
    expect(mapped.message).toBe("embedding server http://127.0.0.1:11434/v1 answered HTTP 404 (check EMBEDDING_MODEL and OPENAI_BASE_URL)");
    expect((mapped as UpstreamFailed).cause).toBeUndefined();
  });
});
