import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";
import { openTutor } from "../src/tutor.js";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "./support/fakeOpenAiServer.js";

let dir: string;
let fake: FakeOpenAiServer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "tutor-root-"));
  await cp(path.resolve("corpus/roadmaps"), path.join(dir, "corpus/roadmaps"), { recursive: true });
  fake = await startFakeOpenAiServer({ chat: () => ({ kind: "text", content: "先学参数高效微调 [1]。" }) });
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

function env(extra: Record<string, string>) {
  return parseConfig({
    CORPUS_DIR: path.join(dir, "corpus"),
    INDEX_DIR: path.join(dir, "index"),
    OPENAI_BASE_URL: fake.baseURL,
    CHAT_MODEL: "fake-chat",
    ...extra,
  });
}

describe("openTutor (composition root)", () => {
  it("hands prompts to the debug hook only when DEBUG_PROMPTS is on", async () => {
    const seen: string[] = [];
    const quiet = await openTutor(env({}), { buildIfMissing: true, onPrompt: (kind) => seen.push(kind) });
    await quiet.answerer.answer({ question: "学完 LoRA 之后该学什么?" });
    expect(seen).toEqual([]);

    const loud = await openTutor(env({ DEBUG_PROMPTS: "true" }), {
      onPrompt: (kind, prompt) => seen.push(`${kind}:${prompt.user.includes("LoRA")}`),
    });
    await loud.answerer.answer({ question: "学完 LoRA 之后该学什么?" });
    expect(seen).toEqual(["answer:true"]);
  });

  it("answers through the model when a server is configured, extractively otherwise", async () => {
    const llm = await openTutor(env({}));
    expect(llm.answerer.mode).toBe("llm");
    const offline = await openTutor(parseConfig({ CORPUS_DIR: path.join(dir, "corpus"), INDEX_DIR: path.join(dir, "index") }));
    expect(offline.answerer.mode).toBe("extractive");
  });
});
