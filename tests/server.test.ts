import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "./support/fakeOpenAiServer.js";
import { parseSse } from "./support/buildTestApp.js";

let child: ChildProcess | undefined;
let fake: FakeOpenAiServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  child = undefined;
  fake = undefined;
  dir = undefined;
});

/** Each test starts a real server process: on a busy machine that alone can take half a minute. A deadline, not a timing assertion. */
const PROCESS_TEST_TIMEOUT_MS = 150_000;

/**
 * Start `src/server.ts` as `npm start` would, on a free port; resolve with its base URL. With
 * `index`, a copy of that prebuilt index is in place, so the server only loads it.
 */
async function startServer(
  env: Record<string, string>,
  index?: string,
): Promise<{ url: string; output: () => string; exited: Promise<number | null> }> {
  dir = await mkdtemp(path.join(os.tmpdir(), "tutor-server-"));
  await cp(path.resolve("corpus/roadmaps"), path.join(dir, "corpus/roadmaps"), { recursive: true });
  if (index) await cp(index, path.join(dir, "index"), { recursive: true });
  let output = "";
  const proc = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      CORPUS_DIR: path.join(dir, "corpus"),
      INDEX_DIR: path.join(dir, "index"),
      PORT: "0",
      LOG_LEVEL: "warn",
      // Not a load test: a busy machine must not turn into 503s (issue 15 item 3).
      LOAD_SHEDDING: "false",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = proc;
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    proc.stdout.on("data", onData);
    proc.stderr.on("data", onData);
    proc.on("exit", () => reject(new Error(`server exited early:\n${output}`)));
  });
  return { url, output: () => output, exited };
}

describe("npm start (src/server.ts)", () => {
  it(
    "builds the index on first start, prints URL and mode, and answers offline",
    async () => {
      const server = await startServer({});
      expect(server.output()).toContain("offline");
      const res = await fetch(`${server.url}/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question: "学完 LoRA 之后该学什么?" }),
      });
      expect(res.status).toBe(200);
      expect((await res.json()).mode).toBe("extractive");
      child!.kill("SIGTERM");
      expect(await server.exited).toBe(0);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    "on SIGTERM finishes an in-flight stream, refuses new connections, and exits 0",
    async () => {
      fake = await startFakeOpenAiServer({
        chat: () => ({ kind: "text", content: "先学习参数高效微调，然后学习多模态模型，再学习评估方法，最后关注前沿研究。[1]" }),
        chunkDelayMs: 120,
      });
      // A copy of the index the test run built once (default local embedder), so the server only loads it.
      const server = await startServer(
        { OPENAI_BASE_URL: fake.baseURL, CHAT_MODEL: "fake-chat", OPENAI_MAX_RETRIES: "0" },
        inject("bundledIndex").indexDir,
      );
      const response = await fetch(`${server.url}/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question: "学完 LoRA 之后该学什么?", stream: true }),
      });
      const reader = response.body!.getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);
      child!.kill("SIGTERM");
      let body = new TextDecoder().decode(first.value);
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        body += new TextDecoder().decode(value);
      }
      const events = parseSse(body);
      expect(events.at(-1)?.event).toBe("done");
      expect(await server.exited).toBe(0);
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  // An invalid configuration (exit 2, the variable named): tests/scripts/configExitCode.test.ts, for every CLI.
});
