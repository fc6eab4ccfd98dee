import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { inject } from "vitest";
import { buildTutorApp } from "../../src/app.js";
import { parseConfig, type Config } from "../../src/config.js";
import { openTutor, type Tutor } from "../../src/tutor.js";
import { copyBundledIndex } from "./bundledIndex.js";
import { startFakeOpenAiServer, type FakeOpenAiServer, type FakeOpenAiServerOptions } from "./fakeOpenAiServer.js";

export interface TestApp {
  app: FastifyInstance;
  tutor: Tutor;
  config: Config;
  dir: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment overrides (strings, as in a real environment). */
  env?: Record<string, string>;
  /** Copy this folder as the corpus (default: the bundled corpus/roadmaps). */
  corpusDir?: string;
  /** Do not build an index: the app starts with none (readiness tests). */
  withoutIndex?: boolean;
}

/**
 * The real app on a temp directory: a copy of the corpus, a real index built by the real
 * ingest (for the bundled corpus: a copy of the one the global setup built), the real retriever
 * and answerer. Generous rate limits, no load shedding and no
 * in-flight cap unless a test sets its own.
 */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tutor-app-"));
  const corpus = path.join(dir, "corpus");
  if (options.corpusDir === undefined && !options.withoutIndex) {
    // The bundled corpus, already ingested once for the whole run: a private copy of the index
    // instead of an ingest (the app may reindex or damage it).
    await copyBundledIndex(inject("bundledIndex"), dir);
  } else {
    await cp(options.corpusDir ?? path.resolve("corpus/roadmaps"), path.join(corpus, "roadmaps"), { recursive: true });
  }
  const config = parseConfig({
    CORPUS_DIR: corpus,
    INDEX_DIR: path.join(dir, "index"),
    RATE_LIMIT_MAX: "100000",
    RATE_LIMIT_ASK_MAX: "100000",
    // Load shedding and the per-client in-flight cap depend on machine load and concurrency:
    // off unless a test is about them (a busy CI machine must not turn into 503s or 429s).
    LOAD_SHEDDING: "false",
    CLIENT_MAX_IN_FLIGHT: "0",
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const tutor = await openTutor(config, {
    buildIfMissing: !options.withoutIndex,
    tolerateMissingIndex: Boolean(options.withoutIndex),
  });
  const app = await buildTutorApp(tutor);
  return {
    app,
    tutor,
    config,
    dir,
    close: async () => {
      await app.close();
      await tutor.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Parse an SSE body into events (for tests that read a whole stream). */
export function parseSse(body: string): { event: string; data: string }[] {
  return body
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim().length > 0)
    .map((block) => {
      let event = "message";
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      return { event, data: data.join("\n") };
    });
}

export interface LlmTestApp extends TestApp {
  /** The OpenAI-compatible model server the app talks to (real HTTP on 127.0.0.1). */
  fake: FakeOpenAiServer;
}

/**
 * The real app in LLM mode, pointed at a fake OpenAI-compatible server whose replies the test
 * scripts. No retries, so each scripted fault reaches the app exactly once. `close()` stops both.
 */
export async function buildLlmTestApp(options: {
  chat: NonNullable<FakeOpenAiServerOptions["chat"]>;
  chunkDelayMs?: number;
  apiKey?: string;
  env?: Record<string, string>;
}): Promise<LlmTestApp> {
  const fake = await startFakeOpenAiServer({ chat: options.chat, chunkDelayMs: options.chunkDelayMs ?? 0 });
  try {
    const app = await buildTestApp({
      env: {
        OPENAI_BASE_URL: fake.baseURL,
        OPENAI_API_KEY: options.apiKey ?? "fake-key-never-shown-0000000000000000",
        CHAT_MODEL: "fake-chat",
        OPENAI_MAX_RETRIES: "0",
        ...options.env,
      },
    });
    return {
      ...app,
      fake,
      close: async () => {
        await app.close();
        await fake.close();
      },
    };
  } catch (error) {
    await fake.close();
    throw error;
  }
}
