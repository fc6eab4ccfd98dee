import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildApp, buildTutorApp } from "../src/app.js";
import { ConcurrencyLimitedAnswerer } from "../src/answering/ConcurrencyLimitedAnswerer.js";
import { parseConfig } from "../src/config.js";
import { Overloaded } from "../src/errors.js";
import { openInProcessPipeline } from "../src/evaluation/inProcessPipeline.js";
import { HybridRetriever } from "../src/retrieval/HybridRetriever.js";
import { MultiQueryRetriever } from "../src/retrieval/MultiQueryRetriever.js";
import { createRetriever, ingestOptions, openPipeline, openTutor } from "../src/tutor.js";
import { copyBundledIndex } from "./support/bundledIndex.js";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "./support/fakeOpenAiServer.js";

let dir: string;
let fake: FakeOpenAiServer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "tutor-root-"));
  // The bundled corpus with the index the run built once (default local embedder, as these
  // configs use): the tests compose a tutor on it, none is about building it.
  await copyBundledIndex(inject("bundledIndex"), dir);
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

describe("the factories every entry point uses", () => {
  const noIndex = () => {
    throw new Error("not read while composing");
  };

  it("maps config to ingest options in one place (npm run ingest, the benches and the server share it)", () => {
    const config = parseConfig({ CORPUS_DIR: "my-corpus", INDEX_DIR: "my-index", MAX_FILE_BYTES: "1234", EMBEDDING_BATCH_SIZE: "7" });
    const options = ingestOptions(config);
    expect(options).toMatchObject({ corpusDir: "my-corpus", indexDir: "my-index", maxFileBytes: 1234, batchSize: 7 });
    expect(options.identity()).toMatchObject({ provider: "local", dimensions: config.LOCAL_EMBEDDING_DIMENSIONS });
  });

  it("adds multi-query retrieval only when QUERY_REWRITE is on and a model is configured", () => {
    expect(createRetriever(env({ QUERY_REWRITE: "true" }), noIndex)).toBeInstanceOf(MultiQueryRetriever);
    expect(createRetriever(env({}), noIndex)).toBeInstanceOf(HybridRetriever);
    expect(createRetriever(parseConfig({ QUERY_REWRITE: "true" }), noIndex)).toBeInstanceOf(HybridRetriever);
  });

  it("caps model calls in the pipeline the CLIs and in-process evaluation use, as in the server", async () => {
    const hanging = await startFakeOpenAiServer({ chat: () => ({ kind: "hang" }) });
    try {
      const config = env({ OPENAI_BASE_URL: hanging.baseURL, OPENAI_MAX_RETRIES: "0", MODEL_CONCURRENCY: "1", MODEL_QUEUE: "0" });
      const pipeline = await openPipeline(config, { buildIfMissing: true });
      expect(pipeline.answerer).toBeInstanceOf(ConcurrencyLimitedAnswerer);

      // Evaluation in-process: its asks go through the same limiter (the second finds no slot).
      const evaluation = await openInProcessPipeline(() => Promise.resolve(pipeline), config);
      const stop = new AbortController();
      const first = pipeline.answerer.answer({ question: "学完 LoRA 之后该学什么?", signal: stop.signal }).catch((e: unknown) => e);
      await expect(evaluation.ask("RAG 是什么?", { k: 5, history: [] })).rejects.toBeInstanceOf(Overloaded);
      stop.abort(new Error("test over"));
      await first;
    } finally {
      await hanging.close();
    }
  });
});

describe("buildApp", () => {
  it("takes the answer mode from the answerer it is given, not from the config", async () => {
    const tutor = await openTutor(env({}), { buildIfMissing: true });
    expect(tutor.answerer.mode).toBe("llm");
    // A config without a model server, but an LLM answerer: one place (tutor.ts) decided the mode.
    const offlineConfig = parseConfig({ CORPUS_DIR: path.join(dir, "corpus"), INDEX_DIR: path.join(dir, "index"), LOAD_SHEDDING: "false" });
    const reference = await buildTutorApp(tutor);
    const app = await buildApp({ ...tutor, config: offlineConfig, indexProblem: tutor.problem });
    try {
      const ready = await app.inject({ url: "/readyz" });
      expect(ready.json()).toMatchObject({ status: "ready", mode: "llm" });
      expect((await reference.inject({ url: "/readyz" })).json()).toMatchObject({ mode: "llm" });
    } finally {
      await app.close();
      await reference.close();
    }
  });
});
